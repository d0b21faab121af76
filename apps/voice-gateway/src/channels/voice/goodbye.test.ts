import { describe, expect, it } from 'vitest';
import { isCallerGoodbye, isFarewell } from './goodbye';

describe('a goodbye', () => {
  it.each([
    ['Thanks, goodbye!', true],
    ["That's all, bye", true],
    ['ok bye bye', true],
    ['Have a nice day', true],
    ['What time do you close?', false],
    ['I said hi', false],
  ])('from the caller: "%s" → %s', (utterance, expected) => {
    expect(isCallerGoodbye(utterance)).toBe(expected);
  });

  it.each([
    ['Goodbye, and thank you for getting in touch! Come back any time you have a question.', true],
    ['Thanks for calling, take care.', true],
    ['Before you go, would you like our newsletter?', false],
    ['We are open until 6 PM.', false],
  ])('from the assistant: "%s" → %s', (reply, expected) => {
    expect(isFarewell(reply)).toBe(expected);
  });
});
