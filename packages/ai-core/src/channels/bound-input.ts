// Model output is untrusted, and parsing markdown is superlinear on some inputs (marked's lexer
// takes seconds on 100 kB of `_a_a…`): the renderers read only the head of a long answer.

const fence = /^ {0,3}(`{3,}|~{3,})([\s\S]*)$/;

/** A fence line's character, run length and info string, or undefined if it is no fence. */
function fenceOf(line: string): { char: string; length: number; info: string } | undefined {
  const match = fence.exec(line);
  const run = match?.[1];
  if (run === undefined || match?.[2] === undefined) return undefined;
  // CommonMark: the info string of a backtick fence may not contain a backtick (```a``` is code).
  if (run[0] === '`' && match[2].includes('`')) return undefined;
  return { char: run[0] ?? '`', length: run.length, info: match[2] };
}

/**
 * `text` cut to at most `limit` characters: at the last line break in the second half of the
 * limit, else at the last whitespace there, else between two code points.
 */
export function boundText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const half = Math.floor(limit / 2);
  const line = text.lastIndexOf('\n', limit);
  if (line >= half) return text.slice(0, line);
  for (let i = limit; i >= half; i--) {
    if (/\s/.test(text[i] ?? '')) return text.slice(0, i);
  }
  const code = text.charCodeAt(limit - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit);
}

/**
 * `text` without its fenced code blocks (CommonMark fences of at most three spaces' indent,
 * closed by a run of the same character at least as long; an unclosed one runs to the end),
 * each replaced by an empty line, then bounded by {@link boundText}. Linear in `text`.
 */
export function withoutFencedCode(text: string, limit: number): string {
  const kept: string[] = [];
  let length = 0;
  let open: { char: string; length: number } | undefined;
  for (let start = 0; start <= text.length && length <= limit; ) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    const line = text.slice(start, end);
    start = end + 1;
    const found = fenceOf(line);
    if (open === undefined) {
      if (found) open = found;
      const keptLine = found ? '' : line;
      kept.push(keptLine);
      length += keptLine.length + 1;
    } else if (found?.char === open.char && found.length >= open.length && !found.info.trim()) {
      open = undefined;
    }
  }
  return boundText(kept.join('\n'), limit);
}
