// The widget scripts' settings: the only script that reads the environment.

/**
 * The demo site's settings (`serve-demo.mjs`), with their defaults.
 * @param {Record<string, string | undefined>} [source]
 * @returns {{ port: number; host: string; apiUrl: string }}
 */
export function loadDemoEnv(source = process.env) {
  return {
    port: Number(source.PORT ?? 3001),
    host: source.HOST ?? '127.0.0.1',
    apiUrl: source.CHAT_API_URL ?? 'http://localhost:3000',
  };
}

/**
 * This process's environment plus `extra`, for a child process a script starts.
 * @param {Record<string, string>} [extra]
 * @returns {Record<string, string | undefined>}
 */
export function childEnvironment(extra = {}) {
  return { ...process.env, ...extra };
}
