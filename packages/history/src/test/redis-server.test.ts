import { Redis as IORedis } from 'ioredis';
import { describe, expect, it, vi } from 'vitest';
import { startRedisServer } from './redis-server';

describe('startRedisServer', () => {
  it('starts a redis-server that accepts commands at once, and stops it', async () => {
    const server = await startRedisServer();
    expect(server.url).toBe(`redis://127.0.0.1:${server.port}`);
    const client = new IORedis(server.url, { maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => {});
    expect(await client.ping()).toBe('PONG');
    expect(await client.config('GET', 'save')).toEqual(['save', '']);
    expect(await client.config('GET', 'appendonly')).toEqual(['appendonly', 'no']);
    await server.stop();
    await expect(client.ping()).rejects.toThrow();
    client.disconnect();
  });

  it('says how to install redis-server when the binary is missing', async () => {
    vi.stubEnv('PATH', '/nonexistent');
    try {
      await expect(startRedisServer()).rejects.toThrow(/scripts\/ensure-test-deps\.sh/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
