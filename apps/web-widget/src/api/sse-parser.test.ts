import { describe, expect, it } from 'vitest';
import { createSseParser, type SseEvent } from './sse-parser';

function parse(chunks: string[]): SseEvent[] {
  const events: SseEvent[] = [];
  const parser = createSseParser((event) => events.push(event));
  for (const chunk of chunks) parser.push(chunk);
  parser.end();
  return events;
}

const stream = [
  ': a comment the server sends to keep the connection open',
  'event: text-delta',
  'data: {"text":"We "}',
  '',
  'event: text-delta',
  'data:{"text":"are\\n"}',
  '',
  'data: first line',
  'data: second line',
  '',
  'id: 7',
  'retry: 1000',
  'event: reply',
  'data: {"session_id":"s.1","response":"We are"}',
  '',
  '',
].join('\n');

const expected: SseEvent[] = [
  { event: 'text-delta', data: '{"text":"We "}' },
  { event: 'text-delta', data: '{"text":"are\\n"}' },
  { event: 'message', data: 'first line\nsecond line' },
  { event: 'reply', data: '{"session_id":"s.1","response":"We are"}' },
];

describe('createSseParser', () => {
  it('parses named events, comments, multi-line data and unknown fields', () => {
    expect(parse([stream])).toEqual(expected);
  });

  it('gives the same events wherever the stream is split, including between \\r and \\n', () => {
    for (const ending of ['\n', '\r\n', '\r']) {
      const text = stream.replaceAll('\n', ending);
      for (let split = 0; split <= text.length; split++) {
        expect(parse([text.slice(0, split), text.slice(split)])).toEqual(expected);
      }
    }
  });

  it('gives the same events when fed one character at a time', () => {
    expect(parse([...stream.replaceAll('\n', '\r\n')])).toEqual(expected);
  });

  it('drops an event the stream ended before closing, and events without data', () => {
    expect(parse(['event: reply\n\n', 'event: text-delta\ndata: {"text":"cut'])).toEqual([]);
  });

  it('keeps a space after the first one and colons inside the value', () => {
    expect(parse(['data:  two spaces: a: b\n\n'])).toEqual([
      { event: 'message', data: ' two spaces: a: b' },
    ]);
  });

  it('treats a field without a colon as an empty value', () => {
    expect(parse(['data\ndata\n\n'])).toEqual([{ event: 'message', data: '\n' }]);
  });
});
