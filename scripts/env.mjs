// `pnpm start`'s settings: the only root script that reads the environment.
import { randomBytes } from 'node:crypto';

/**
 * The ports `start.mjs` runs the apps on, with their defaults, and the operator token: the
 * configured one, else a fresh one for this run, so that the demo's handoff can be tried.
 * @param {Record<string, string | undefined>} [source]
 * @returns {{ chatPort: string; voiceGatewayPort: string; widgetPort: string; operatorToken: string }}
 */
export function loadStartEnv(source = process.env) {
  return {
    chatPort: source.CHAT_API_PORT ?? '3000',
    voiceGatewayPort: source.VOICE_GATEWAY_PORT ?? '3002',
    widgetPort: source.WIDGET_PORT ?? '3001',
    operatorToken: source.OPERATOR_TOKEN || randomBytes(24).toString('base64url'),
  };
}

/**
 * This process's environment plus `extra`, for an app `start.mjs` starts.
 * @param {Record<string, string>} [extra]
 * @returns {Record<string, string | undefined>}
 */
export function childEnvironment(extra = {}) {
  return { ...process.env, ...extra };
}
