export { apiError, apiFailureOf } from './api-error';
export { limitBody } from './body-limit';
export { type BrainEnv, brainEnv, defaultKnowledgeDir } from './brain-env';
export { answerClientErrorsAsJson } from './client-errors';
export {
  type Brain,
  type BrainOptions,
  type BrainParts,
  createBrain,
} from './create-brain';
export { createRedis } from './create-redis';
export {
  clientClosedRequest,
  createErrorHandler,
  type ErrorHandlerOptions,
  internalFailure,
  logFailure,
  toHttpFailure,
  wrapThrownValues,
} from './error-handler';
export {
  type ErrorBody,
  type HttpFailure,
  jsonError,
  notFound,
  sendFailure,
  toErrorBody,
} from './json-error';
export { type Listening, type ListenOptions, listen } from './listen';
export { type LogEnv, type LogLevel, logEnv, logLevels } from './log-env';
export { createLogger, type Logger, type LoggerOptions } from './logger';
export { type EnvCheck, EnvError, parseEnv, requiredTogether } from './parse-env';
export {
  createMemoryRateLimiter,
  type MemoryRateLimiterOptions,
  type RateLimitDecision,
  type RateLimiter,
  secondsUntil,
  unlimited,
} from './rate-limiter';
export {
  type DrainContext,
  type ServeOptions,
  type Serving,
  serveWithDrain,
} from './serve-with-drain';
export { type UpstashEnv, upstashEnv, upstashEnvCheck } from './upstash-env';
