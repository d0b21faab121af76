import { describe, expect, it } from 'vitest';
import { type Ending, endingOf, quietTimeFor } from './end-of-turn';
import { defaultVoiceSettings } from './settings';

// Utterances as VoIPBin's speech-to-text gives them, with and without punctuation.
const table: [string, Ending][] = [
  ['What are your opening hours on Sunday?', 'complete'],
  ['what are your opening hours on sunday', 'complete'],
  ['Do you ship to Canada', 'complete'],
  ['I would like to return a book.', 'complete'],
  ['Thanks!', 'complete'],
  ['yes', 'complete'],
  ['no thank you', 'complete'],
  ["that's all", 'complete'],
  ['Okay, goodbye.', 'complete'],
  ['I bought a mug last week and', 'trailing'],
  ['so', 'trailing'],
  ['um', 'trailing'],
  ['I was wondering, um', 'trailing'],
  ['My order number is 4 5 1 2', 'trailing'],
  ['Could you tell me,', 'trailing'],
  ['I need to check something with', 'trailing'],
  ['Let me think', 'trailing'],
  ['hold on', 'trailing'],
  ['And the other thing is that…', 'trailing'],
  ['Do you have the', 'trailing'],
  ['my name is Anna', 'neutral'],
  ['opening hours', 'neutral'],
  ['I bought a mug last week', 'neutral'],
  ['', 'neutral'],
];

describe('the end of a caller turn', () => {
  it.each(table)('"%s" is %s', (utterance, ending) => {
    expect(endingOf(utterance)).toBe(ending);
  });

  it('waits shorter after a complete utterance and longer after one that trails off', () => {
    const times = defaultVoiceSettings;
    const waits = table.map(([utterance]) => quietTimeFor(utterance, times));
    expect(quietTimeFor('What are your opening hours on Sunday?', times)).toBe(
      times.completeQuietMs,
    );
    expect(quietTimeFor('I bought a mug last week and', times)).toBe(times.trailingQuietMs);
    expect(quietTimeFor('my name is Anna', times)).toBe(times.quietMs);
    expect(times.completeQuietMs).toBeLessThan(times.quietMs);
    expect(times.quietMs).toBeLessThan(times.trailingQuietMs);
    expect(new Set(waits)).toEqual(
      new Set([times.completeQuietMs, times.quietMs, times.trailingQuietMs]),
    );
  });
});
