import { createHmac, createSecretKey, randomBytes, timingSafeEqual } from 'node:crypto';

/** Issues session ids and recognises the ones this service (or one sharing its secret) issued. */
export type Sessions = {
  /** A new session id: 128 random bits and their HMAC, both base64url. */
  issue(): string;
  /** True only for an id issued with this secret; a guessed or altered id is refused. */
  verify(sessionId: string): boolean;
};

/** Options for {@link createSessions}. */
export type SessionsOptions = {
  /** The HMAC key (at least 32 characters); every instance serving one site shares it. */
  secret: string;
  /**
   * How many recently verified ids are remembered, so a session's next message skips the HMAC
   * (default 10 000; 0 turns it off). Only ids that verified are kept.
   */
  cacheSize?: number;
};

const idBytes = 16;
const tagBytes = 16;
const idPattern = /^[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{22}$/;

/**
 * Server-issued, unforgeable session ids (`<random>.<hmac>`). Nothing is stored: any instance
 * with the same secret verifies an id issued by another.
 *
 * @example
 * ```ts
 * const sessions = createSessions({ secret: env.SESSION_SECRET });
 * const id = sessions.issue();
 * sessions.verify(id); // true
 * ```
 */
export function createSessions(options: SessionsOptions): Sessions {
  if (options.secret.length < 32)
    throw new Error('The session secret needs at least 32 characters');
  // One key object for every signature, rather than one imported per request.
  const key = createSecretKey(Buffer.from(options.secret, 'utf8'));
  const sign = (random: string) =>
    createHmac('sha256', key).update(random).digest().subarray(0, tagBytes);

  const cacheSize = options.cacheSize ?? 10_000;
  // Insertion-ordered: the oldest entry goes first when it is full.
  const verified = new Set<string>();
  const remember = (sessionId: string) => {
    if (cacheSize === 0) return;
    if (verified.size >= cacheSize) verified.delete(verified.values().next().value as string);
    verified.add(sessionId);
  };

  return {
    issue() {
      const random = randomBytes(idBytes).toString('base64url');
      const sessionId = `${random}.${sign(random).toString('base64url')}`;
      remember(sessionId);
      return sessionId;
    },
    verify(sessionId) {
      if (verified.has(sessionId)) return true;
      if (!idPattern.test(sessionId)) return false;
      const [random = '', tag = ''] = sessionId.split('.');
      // Compare the encodings, so that no second spelling of the same tag is accepted.
      const expected = Buffer.from(sign(random).toString('base64url'));
      const given = Buffer.from(tag);
      const valid = given.length === expected.length && timingSafeEqual(given, expected);
      if (valid) remember(sessionId);
      return valid;
    },
  };
}

/** A random secret for development: sessions then die with the process. */
export function createDevelopmentSecret(): string {
  return randomBytes(32).toString('base64url');
}
