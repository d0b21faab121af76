import { describe, expect, it } from 'vitest';
import { speakDomain, speakEmail, speakWeb } from './spoken-web';

describe('speakWeb', () => {
  it.each([
    ['https://www.example.com/returns', 'example dot com'],
    ['See https://example.com/faq?q=1#top.', 'See example dot com.'],
    ['(https://shop.example.org/a_b)', '(shop dot example dot org)'],
    ['www.shop.co.uk', 'shop dot co dot uk'],
    ['Visit example.com/returns today', 'Visit example dot com today'],
    ['Mail jane.doe@shop.com now', 'Mail jane dot doe at shop dot com now'],
    ['help_desk+x@my-shop.io', 'help underscore desk plus x at my-shop dot io'],
  ])('speaks %j as %j', (text, spoken) => {
    expect(speakWeb(text)).toBe(spoken);
  });

  it.each(['Node.js', 'e.g. this', 'at 9 a.m.', 'Mr. Smith', 'version 1.2.3'])(
    'leaves %j alone',
    (text) => {
      expect(speakWeb(text)).toBe(text);
    },
  );
});

describe('speakDomain and speakEmail', () => {
  it('drops www and reads dots', () => {
    expect(speakDomain('www.example.com')).toBe('example dot com');
  });

  it('spells an email address', () => {
    expect(speakEmail('a.b-c@x.io')).toBe('a dot b dash c at x dot io');
  });
});
