/** One Server-Sent Event: its `event` name (`message` when unnamed) and its `data`. */
export type SseEvent = { event: string; data: string };

/** Feeds text as it arrives; calls back once per complete event. */
export type SseParser = {
  /** Parses a chunk of the stream; a line or an event may span chunks. */
  push(chunk: string): void;
  /** The stream ended: an event not closed by a blank line is dropped, as the spec says. */
  end(): void;
};

/**
 * An incremental `text/event-stream` parser (the WHATWG rules that matter for `fetch`
 * streaming): `\n`, `\r\n` and `\r` line ends, `:` comments, multi-line `data`, one optional
 * space after the colon, unknown fields ignored, events without data not dispatched.
 */
export function createSseParser(onEvent: (event: SseEvent) => void): SseParser {
  let buffer = '';
  let event = '';
  let data: string[] = [];
  // A chunk ending in `\r` may be the first half of `\r\n`.
  let skipLineFeed = false;

  const line = (text: string) => {
    if (text === '') {
      if (data.length > 0) onEvent({ event: event || 'message', data: data.join('\n') });
      event = '';
      data = [];
      return;
    }
    if (text.startsWith(':')) return;
    const colon = text.indexOf(':');
    const field = colon === -1 ? text : text.slice(0, colon);
    let value = colon === -1 ? '' : text.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') event = value;
    else if (field === 'data') data.push(value);
  };

  return {
    push(chunk) {
      let text = chunk;
      if (skipLineFeed && text.startsWith('\n')) text = text.slice(1);
      skipLineFeed = false;
      buffer += text;
      let start = 0;
      for (let index = 0; index < buffer.length; index++) {
        const char = buffer[index];
        if (char !== '\n' && char !== '\r') continue;
        line(buffer.slice(start, index));
        if (char === '\r') {
          if (index + 1 === buffer.length) skipLineFeed = true;
          else if (buffer[index + 1] === '\n') index++;
        }
        start = index + 1;
      }
      buffer = buffer.slice(start);
    },
    end() {
      buffer = '';
      event = '';
      data = [];
    },
  };
}
