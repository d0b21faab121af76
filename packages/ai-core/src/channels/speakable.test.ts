import { describe, expect, it } from 'vitest';
import { makeSpeakable } from './speakable';

describe('makeSpeakable', () => {
  it.each([
    ['Fish & chips', 'Fish and chips'],
    [
      'Bring ID, e.g. a passport, i.e. photo ID',
      'Bring ID, for example a passport, that is photo ID',
    ],
    ['E.g. tomorrow', 'For example tomorrow'],
    ['Order #123', 'Order number 123'],
    ['#sale today', 'sale today'],
    ['~5 minutes', 'about 5 minutes'],
    ['Thanks 😊👍🏽!', 'Thanks!'],
    ['Family 👨‍👩‍👧 and flags 🇺🇸 ❤️', 'Family and flags'],
    ['Come by — we are open', 'Come by, we are open'],
    ['Come by - we are open', 'Come by, we are open'],
    ['a well-known shop', 'a well-known shop'],
    ['Tap Menu -> Orders', 'Tap Menu to Orders'],
    ['• Free parking', 'Free parking'],
    ['the order_id field', 'the order id field'],
    ['write to @shop', 'write to at shop'],
    ['the http header', 'the H T T P header'],
    ['  lots   of\tspace  ', 'lots of space'],
    ['...and more', 'and more'],
    ['Visit (https://example.com) today', 'Visit (example dot com) today'],
  ])('makes %j speakable as %j', (text, spoken) => {
    expect(makeSpeakable(text)).toBe(spoken);
  });
});
