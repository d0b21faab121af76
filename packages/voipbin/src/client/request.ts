import type { z } from 'zod';

/** A failed VoIPBin API call, after any retries. */
export class VoipbinApiError extends Error {
  /** HTTP status, or undefined for a network error or timeout. */
  readonly status: number | undefined;
  /** True when trying again later may succeed (429, 5xx, network). */
  readonly isRetryable: boolean;
  /**
   * False only when VoIPBin certainly did not act on the request (refused with 429/503 or a 4xx,
   * or the connection failed before anything was sent); a timeout or a 500 after sending may
   * have taken effect (e.g. a `say` queued), so it must not be repeated through another API.
   */
  readonly mayHaveTakenEffect: boolean;

  constructor(
    message: string,
    options: {
      status?: number;
      cause?: unknown;
      isRetryable: boolean;
      mayHaveTakenEffect?: boolean;
    },
  ) {
    super(message, { cause: options.cause });
    this.name = 'VoipbinApiError';
    this.status = options.status;
    this.isRetryable = options.isRetryable;
    this.mayHaveTakenEffect = options.mayHaveTakenEffect ?? true;
  }
}

/** How requests are made and retried. */
export type RequestOptions = {
  baseUrl: string;
  accessKey: string | undefined;
  fetch: typeof fetch;
  /** Per attempt, in ms. */
  timeoutMs: number;
  /**
   * Retries after the first attempt: on 429, 5xx and network errors for idempotent calls; only on
   * 429, 503 and failed connects for the others (see {@link ApiCall.idempotent}).
   */
  retries: number;
  /** First backoff in ms, doubled per retry (with jitter). */
  backoffMs: number;
  /** Called before each retry. */
  onRetry?: (info: { method: string; path: string; attempt: number; reason: string }) => void;
};

/** One REST call: method, path under the base URL, optional body and query. */
export type ApiCall = {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  query?: Record<string, string | number | undefined>;
  /**
   * Whether repeating the call is harmless. Default: true for GET/PUT/DELETE, false for POST.
   * A non-idempotent call is retried only when VoIPBin certainly did not act on it.
   */
  idempotent?: boolean;
};

/** Connection errors raised before any byte of the request was sent. */
const notSentCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** The error code of a network failure (undici puts it on `cause`). */
function errorCode(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 4; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Builds the URL with `?accesskey=` (the only way access keys authenticate, SPEC.md §5). */
export function buildUrl(options: Pick<RequestOptions, 'baseUrl' | 'accessKey'>, call: ApiCall) {
  const url = new URL(`${options.baseUrl.replace(/\/$/, '')}${call.path}`);
  for (const [key, value] of Object.entries(call.query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  if (options.accessKey) url.searchParams.set('accesskey', options.accessKey);
  return url;
}

/** Performs `call` with timeout and bounded retries, and validates the JSON answer with `schema`. */
export async function requestJson<T extends z.ZodType>(
  options: RequestOptions,
  call: ApiCall,
  schema: T,
): Promise<z.infer<T>> {
  const url = buildUrl(options, call);
  const label = `${call.method} ${call.path}`;
  const idempotent = call.idempotent ?? call.method !== 'POST';
  for (let attempt = 0; ; attempt++) {
    let failure: VoipbinApiError;
    try {
      const response = await options.fetch(url, {
        method: call.method,
        headers: call.body === undefined ? {} : { 'content-type': 'application/json' },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      const text = await response.text();
      if (response.ok) return parseBody(schema, text, label);
      // 429 and 503 are refusals: VoIPBin did not act. Another 5xx may come after it did.
      const refused = response.status === 429 || response.status === 503;
      const serverError = response.status >= 500 && !refused;
      failure = new VoipbinApiError(`${label} failed: ${response.status} ${errorReason(text)}`, {
        status: response.status,
        isRetryable: refused || (serverError && idempotent),
        mayHaveTakenEffect: serverError,
      });
    } catch (cause) {
      if (cause instanceof VoipbinApiError) throw cause;
      const reason = cause instanceof Error ? cause.message : String(cause);
      // A timeout or a reset may come after VoIPBin got the request: only a failed connect is safe.
      const notSent = notSentCodes.has(errorCode(cause) ?? '');
      failure = new VoipbinApiError(`${label} failed: ${reason}`, {
        cause,
        isRetryable: idempotent || notSent,
        mayHaveTakenEffect: !notSent,
      });
    }
    if (!failure.isRetryable || attempt >= options.retries) throw failure;
    options.onRetry?.({
      method: call.method,
      path: call.path,
      attempt: attempt + 1,
      reason: failure.message,
    });
    const delay = options.backoffMs * 2 ** attempt;
    await wait(delay / 2 + Math.random() * (delay / 2));
  }
}

function parseBody<T extends z.ZodType>(schema: T, text: string, label: string): z.infer<T> {
  let json: unknown;
  try {
    json = text === '' ? {} : JSON.parse(text);
  } catch (cause) {
    throw new VoipbinApiError(`${label}: the answer is not JSON`, {
      cause,
      isRetryable: false,
      mayHaveTakenEffect: true,
    });
  }
  const result = schema.safeParse(json);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  throw new VoipbinApiError(`${label}: unexpected answer (${issues.join('; ')})`, {
    cause: result.error,
    isRetryable: false,
    mayHaveTakenEffect: true,
  });
}

/** The `error.message` of VoIPBin's error envelope, else the start of the body. */
function errorReason(text: string): string {
  try {
    const parsed = JSON.parse(text) as { error?: { message?: string; reason?: string } };
    return parsed.error?.message ?? parsed.error?.reason ?? text.slice(0, 200);
  } catch {
    return text.slice(0, 200);
  }
}
