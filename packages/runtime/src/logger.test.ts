import { describe, expect, it } from 'vitest';
import { createLogger, type Logger } from './logger';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const destination = {
    write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>),
  };
  return { lines, destination };
}

describe('createLogger', () => {
  it('writes one JSON line per entry, with the service and the message', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'info', service: 'chat-api', destination });
    logger.info({ url: 'http://localhost:3000' }, 'listening');
    expect(lines).toEqual([
      expect.objectContaining({
        level: 30,
        service: 'chat-api',
        url: 'http://localhost:3000',
        msg: 'listening',
      }),
    ]);
  });

  it('drops entries below its level', () => {
    const { lines, destination } = capture();
    const logger = createLogger({ level: 'warn', service: 'voice-gateway', destination });
    logger.info({}, 'hidden');
    logger.warn({ code: 'x' }, 'shown');
    expect(lines.map((line) => line.msg)).toEqual(['shown']);
  });

  it('is a Logger, the type app code depends on', () => {
    const logger: Logger = createLogger({ level: 'silent', service: 'test' });
    expect(() => logger.error({ err: new Error('x') })).not.toThrow();
  });
});
