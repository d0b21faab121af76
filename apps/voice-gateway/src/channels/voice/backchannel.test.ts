import { describe, expect, it } from 'vitest';
import { isBackchannel } from './backchannel';

describe('isBackchannel', () => {
  it.each([
    'uh-huh',
    'Uh huh.',
    'okay',
    'OK!',
    'yeah',
    'Mm-hmm',
    'yeah, okay',
    'right right',
    'I see.',
  ])('%s is feedback, not an interruption', (text) => expect(isBackchannel(text)).toBe(true));

  it.each([
    'wait',
    'okay but what about Sunday?',
    'yeah what time do you close',
    'no',
    'stop',
    '',
    '   ',
    'yes yes yes yes yes',
  ])('%j is not a backchannel', (text) => expect(isBackchannel(text)).toBe(false));
});
