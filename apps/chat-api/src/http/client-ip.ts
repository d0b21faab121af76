import { isIPv6 } from 'node:net';
import type { Context } from 'hono';

/** Finds the address a request came from, the key of the per-IP rate limit. */
export type ClientIp = (c: Context) => string;

/**
 * The client's IP: the socket's peer address, or with `trustProxy` (one reverse proxy in front)
 * the last `X-Forwarded-For` entry, the one that proxy appended. `unknown` when neither exists
 * (e.g. in `app.request` tests).
 */
export function createClientIp(options: { trustProxy: boolean }): ClientIp {
  return (c) => {
    if (options.trustProxy) {
      const forwarded = c.req.header('X-Forwarded-For')?.split(',').at(-1)?.trim();
      if (forwarded) return forwarded;
    }
    const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
    return env?.incoming?.socket?.remoteAddress ?? 'unknown';
  };
}

/**
 * The per-IP limit's key for an address: IPv4 as it is (also when IPv4-mapped), IPv6 as its /64,
 * since one subscriber usually holds a whole /64 and could rotate through it.
 */
export function rateLimitKeyOf(ip: string): string {
  // IPv4 (the common case) holds no colon: skip the IPv6 parsing.
  if (!ip.includes(':')) return ip;
  const address = ip.replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped?.[1]) return mapped[1];
  if (!isIPv6(address)) return address;
  const [head = '', tail] = address.split('::');
  const front = head === '' ? [] : head.split(':');
  const back = tail === undefined || tail === '' ? [] : tail.split(':');
  const groups =
    tail === undefined
      ? front
      : [...front, ...Array<string>(8 - front.length - back.length).fill('0'), ...back];
  const prefix = groups.slice(0, 4).map((group) => Number.parseInt(group, 16).toString(16));
  return `${prefix.join(':')}::/64`;
}
