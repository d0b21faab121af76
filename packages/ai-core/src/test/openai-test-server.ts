import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readJson, sendJson, sleep } from './http-helpers';
import {
  echoResponder,
  errorBody,
  type TestRequest,
  type TestResponder,
  toCompletion,
} from './openai-wire';
import { splitIntoTokens } from './split-tokens';
import { writeStream } from './write-stream';

/** A failure the test server plays instead of answering; `times` requests get it (default all). */
export type TestFault =
  /** Answers with this HTTP status and an OpenAI-style JSON error body. */
  | { type: 'status'; status: number; times?: number }
  /** Accepts the request and never answers. */
  | { type: 'hang'; times?: number }
  /** Streams `afterTokens` tokens, then closes the connection without finishing. */
  | { type: 'cut'; afterTokens: number; times?: number };

/** Options for {@link createOpenAITestServer}. */
export type OpenAITestServerOptions = {
  /** Decides each answer. Default: `{ text: 'You said: <last user message>' }`. */
  respond?: TestResponder;
  /** Pace of streamed tokens. Default 0: as fast as possible. */
  tokensPerSecond?: number;
  /** Wait before answering each request, in ms. Default 0. */
  delayMs?: number;
  /** A fault to start with (see {@link OpenAITestServer.setFault}). */
  fault?: TestFault;
};

/** A running OpenAI-compatible test server. */
export type OpenAITestServer = {
  /** The base URL, ending in `/v1` (pass it as `baseURL`). */
  readonly url: string;
  /** Every chat completion request received, in order. */
  readonly requests: TestRequest[];
  /** How many requests the client abandoned before their answer was complete. */
  readonly aborted: number;
  /** Replaces the responder. */
  setResponder(respond: TestResponder): void;
  /** Plays `fault` on the next requests (`undefined` clears it). */
  setFault(fault: TestFault | undefined): void;
  /** Resolves once `requests` holds `count` requests (default 1), e.g. to abort a hung one. */
  waitForRequests(count?: number): Promise<void>;
  /** Resolves once `aborted` reaches `count` (default 1). */
  waitForAborted(count?: number): Promise<void>;
  /** Stops the server, destroying open connections (hung requests included). */
  close(): Promise<void>;
};

/**
 * Starts a real HTTP server on 127.0.0.1 (random port) speaking the OpenAI Chat Completions
 * wire format, streamed (SSE) or not, with scriptable answers and faults: tests run the real
 * `openai` client against it.
 *
 * @example
 * ```ts
 * const server = await createOpenAITestServer({ respond: () => ({ text: 'Hello there' }) })
 * const model = createOpenAIModel({ model: 'test', baseURL: server.url, maxRetries: 0 })
 * server.setFault({ type: 'status', status: 429, times: 1 })
 * await server.close()
 * ```
 */
export async function createOpenAITestServer(
  options: OpenAITestServerOptions = {},
): Promise<OpenAITestServer> {
  let respond = options.respond ?? echoResponder;
  let fault = options.fault;
  let aborted = 0;
  let closing = false;
  let count = 0;
  const requests: TestRequest[] = [];
  const sockets = new Set<Socket>();
  const waiters = new Set<() => void>();
  const cut = new WeakSet<ServerResponse>();
  const interval = options.tokensPerSecond ? 1000 / options.tokensPerSecond : 0;

  const wake = () => {
    for (const check of waiters) check();
  };

  /** Resolves once `reached()` holds, checked now and after every change. */
  function waitUntil(reached: () => boolean): Promise<void> {
    return new Promise((resolve) => {
      const check = () => {
        if (!reached()) return;
        waiters.delete(check);
        resolve();
      };
      waiters.add(check);
      check();
    });
  }

  function takeFault(): TestFault | undefined {
    const current = fault;
    if (current?.times !== undefined) {
      const left = current.times - 1;
      fault = left > 0 ? { ...current, times: left } : undefined;
    }
    return current;
  }

  async function completions(req: IncomingMessage, res: ServerResponse, signal: AbortSignal) {
    const request = (await readJson(req)) as TestRequest;
    requests.push(request);
    wake();
    const id = `chatcmpl-test-${++count}`;
    const current = takeFault();
    if (current?.type === 'hang') return;
    await sleep(options.delayMs ?? 0, signal);
    if (signal.aborted) return;
    if (current?.type === 'status') {
      const retryable = current.status === 429 || current.status >= 500;
      sendJson(
        res,
        current.status,
        errorBody(current.status),
        retryable ? { 'retry-after-ms': '20' } : {},
      );
      return;
    }
    const response = await respond(request);
    const cutAfter = current?.type === 'cut' ? current.afterTokens : undefined;
    if (request.stream) {
      const stream = { request, response, id, signal, interval, cutAfter };
      return writeStream(res, stream, () => cut.add(res));
    }
    if (cutAfter !== undefined) {
      cut.add(res);
      return void res.socket?.destroy();
    }
    const tokens = splitIntoTokens(response.text ?? '').length;
    sendJson(res, 200, toCompletion(id, request, response, tokens));
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const gone = new AbortController();
    res.on('error', () => {});
    res.on('close', () => {
      if (!res.writableEnded && !closing && !cut.has(res)) {
        aborted += 1;
        wake();
      }
      gone.abort();
    });
    const path = new URL(req.url ?? '/', 'http://localhost').pathname.replace(/\/$/, '');
    try {
      if (req.method === 'POST' && path === '/v1/chat/completions') {
        await completions(req, res, gone.signal);
      } else if (req.method === 'GET' && path === '/v1/models') {
        const model = { id: 'test-model', object: 'model', created: 0, owned_by: 'test' };
        sendJson(res, 200, { object: 'list', data: [model] });
      } else {
        sendJson(res, 404, errorBody(404));
      }
    } catch (error) {
      if (res.headersSent) return void res.destroy();
      const status = error instanceof SyntaxError ? 400 : 500;
      sendJson(res, status, errorBody(status, String(error)));
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    get aborted() {
      return aborted;
    },
    setResponder(next) {
      respond = next;
    },
    setFault(next) {
      fault = next;
    },
    waitForRequests(target = 1) {
      return waitUntil(() => requests.length >= target);
    },
    waitForAborted(target = 1) {
      return waitUntil(() => aborted >= target);
    },
    close() {
      closing = true;
      return new Promise((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
    },
  };
}
