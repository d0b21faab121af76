import { describe, expect, it } from 'vitest';
import { createSessions } from './sessions';

const secret = 'k'.repeat(32);
const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

describe('createSessions', () => {
  it('issues ids with 128 random bits that it verifies', () => {
    const sessions = createSessions({ secret });
    const ids = Array.from({ length: 100 }, () => sessions.issue());
    expect(new Set(ids).size).toBe(100);
    for (const id of ids) {
      expect(sessions.verify(id)).toBe(true);
      expect(Buffer.from(id.split('.')[0] ?? '', 'base64url')).toHaveLength(16);
    }
  });

  it('shares ids between instances with the same secret only', () => {
    const id = createSessions({ secret }).issue();
    expect(createSessions({ secret }).verify(id)).toBe(true);
    expect(createSessions({ secret: 'x'.repeat(32) }).verify(id)).toBe(false);
  });

  it('refuses altered, truncated and made-up ids', () => {
    const sessions = createSessions({ secret });
    const id = sessions.issue();
    const [random = '', tag = ''] = id.split('.');
    const swap = (text: string, at: number) =>
      `${text.slice(0, at)}${text[at] === 'A' ? 'B' : 'A'}${text.slice(at + 1)}`;
    const candidates = [
      `${swap(random, 0)}.${tag}`,
      `${random}.${swap(tag, 5)}`,
      // The last base64url character carries 4 unused bits: a second spelling of the same tag.
      `${random}.${tag.slice(0, -1)}${alphabet[alphabet.indexOf(tag.at(-1) ?? '') ^ 1]}`,
      random,
      `${random}.`,
      `${id}.${tag}`,
      '',
      'a'.repeat(45),
    ];
    expect(Buffer.from(candidates[2]?.split('.')[1] ?? '', 'base64url')).toEqual(
      Buffer.from(tag, 'base64url'),
    );
    for (const candidate of candidates) expect(sessions.verify(candidate)).toBe(false);
  });

  it('stays exact with a small cache of verified ids: evicted ids verify again, forgeries never', () => {
    const sessions = createSessions({ secret, cacheSize: 2 });
    const ids = Array.from({ length: 5 }, () => sessions.issue());
    for (let round = 0; round < 3; round++) {
      for (const id of ids) expect(sessions.verify(id)).toBe(true);
    }
    const [random = '', tag = ''] = (ids[0] ?? '').split('.');
    const forged = `${random}.${tag.startsWith('A') ? 'B' : 'A'}${tag.slice(1)}`;
    expect(sessions.verify(forged)).toBe(false);
    expect(sessions.verify(forged)).toBe(false);
    // An id issued elsewhere with another secret is not let in by the cache either.
    expect(sessions.verify(createSessions({ secret: 'x'.repeat(32) }).issue())).toBe(false);
  });

  it('refuses a short secret', () => {
    expect(() => createSessions({ secret: 'short' })).toThrow(/32 characters/);
  });
});
