export {
  defaultRetryPolicy,
  parseRetryAfter,
  type RetryOptions,
  type RetryPolicy,
} from './backoff';
export { type HandoffEnv, handoffEnv, handoffEnvCheck } from './handoff-env';
export {
  type HandoffEvent,
  type HandoffNotice,
  handoffEventSchema,
  type TranscriptMessage,
  transcriptLength,
} from './handoff-event';
export {
  createHandoffNotifier,
  type HandoffNotifier,
  type HandoffNotifierOptions,
} from './handoff-notifier';
export {
  defaultSignatureToleranceSeconds,
  type HandoffSignatureInput,
  signHandoffPayload,
  verifyHandoffSignature,
} from './handoff-signature';
export { createOpeningHours, isTimeZone } from './opening-hours';
export { maxOperatorTextLength, type ReplyBody, replyBodySchema } from './operator-input';
export {
  createMemoryOperatorRateLimiter,
  type MemoryOperatorRateLimiterOptions,
  type OperatorRateLimitDecision,
  type OperatorRateLimiter,
} from './operator-rate-limiter';
export {
  createOperatorRoutes,
  type DeliverOperatorMessage,
  maxOperatorBodyBytes,
  type OperatorRouteDependencies,
  type OperatorRoutes,
} from './operator-routes';
