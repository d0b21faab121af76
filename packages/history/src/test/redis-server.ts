import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';

/** A running {@link startRedisServer}. */
export type RedisServer = {
  port: number;
  /** `redis://127.0.0.1:<port>` */
  url: string;
  /** Stops the server and waits until it has exited. */
  stop(): Promise<void>;
};

const missingBinary =
  'redis-server was not found on PATH: run `bash scripts/ensure-test-deps.sh` from the repo root';

/**
 * Spawns a real `redis-server` on a free loopback port, without persistence, and resolves
 * once it accepts connections. Stop it with `stop()` (it is also killed when the process exits).
 *
 * @example
 * ```ts
 * const server = await startRedisServer();
 * afterAll(() => server.stop());
 * ```
 */
export async function startRedisServer(): Promise<RedisServer> {
  let lastError: unknown;
  // A free port can be taken between choosing it and binding it: try a few.
  for (let attempt = 0; attempt < 5; attempt += 1) {
    const port = await freePort();
    try {
      return await spawnAt(port);
    } catch (error) {
      if (error instanceof Error && error.message === missingBinary) throw error;
      lastError = error;
    }
  }
  throw lastError;
}

async function spawnAt(port: number): Promise<RedisServer> {
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  args.push('--dir', tmpdir(), '--daemonize', 'no', '--loglevel', 'notice');
  const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const kill = () => child.kill('SIGKILL');
  process.once('exit', kill);
  try {
    await ready(child);
  } catch (error) {
    process.removeListener('exit', kill);
    kill();
    throw error;
  }
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      process.removeListener('exit', kill);
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      const timer = setTimeout(kill, 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function ready(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => fail(new Error(`redis-server did not start:\n${output}`)),
      20_000,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        child.stdout?.removeListener('data', onData);
        child.stdout?.resume();
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once('error', (error: NodeJS.ErrnoException) =>
      fail(error.code === 'ENOENT' ? new Error(missingBinary) : error),
    );
    child.once('exit', (code) => fail(new Error(`redis-server exited with ${code}:\n${output}`)));
  });
}

/** A loopback port nothing listens on right now. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (typeof address !== 'object' || address === null) throw new Error('no port assigned');
  return address.port;
}
