/** What a scripted `fetch` does for one attempt: answer, fail, or never answer (until aborted). */
export type Step = Response | Error | 'hang';

/** A scripted `fetch` for the client's tests: one step per attempt, recording each request. */
export function scriptedFetch(steps: Step[]) {
  const calls: { url: URL; init: RequestInit | undefined }[] = [];
  const fetchFn = async (input: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: new URL(String(input)), init });
    const step = steps[calls.length - 1] ?? new Error('no more steps');
    if (step === 'hang') {
      return new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal?.reason));
      });
    }
    if (step instanceof Error) throw step;
    return step;
  };
  return { calls, fetch: fetchFn as typeof fetch };
}

/** A JSON answer with `status`. */
export const json = (status: number, body: unknown): Response =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
