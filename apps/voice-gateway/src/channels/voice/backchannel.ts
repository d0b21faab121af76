const backchannelPhrases = new Set([
  'uh huh',
  'uh-huh',
  'uhuh',
  'mhm',
  'mm hmm',
  'mm-hmm',
  'mmhmm',
  'hmm',
  'mm',
  'hm',
  'ok',
  'okay',
  'yeah',
  'yes',
  'yep',
  'yup',
  'right',
  'sure',
  'alright',
  'all right',
  'i see',
  'got it',
  'cool',
  'great',
]);

const normalize = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s'-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * True when `text` is only listener feedback ("uh-huh", "okay", "yeah, right"): said while the
 * bot talks it must not interrupt the answer. Anything with another word is a real interruption.
 */
export function isBackchannel(text: string): boolean {
  const words = normalize(text);
  if (words === '') return false;
  if (backchannelPhrases.has(words)) return true;
  // "yeah okay", "uh huh right": every piece a backchannel, at most four words.
  const tokens = words.split(' ');
  if (tokens.length > 4) return false;
  for (let i = 0; i < tokens.length; ) {
    const two = `${tokens[i]} ${tokens[i + 1] ?? ''}`;
    if (i + 1 < tokens.length && backchannelPhrases.has(two)) i += 2;
    else if (backchannelPhrases.has(tokens[i] ?? '')) i += 1;
    else return false;
  }
  return true;
}
