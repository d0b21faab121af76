export { createStaffedHours, type StaffedHoursOptions } from './availability';
export {
  defaultRetryPolicy,
  parseRetryAfter,
  type RetryOptions,
  type RetryPolicy,
} from './backoff';
export {
  type HandoffEnv,
  handoffEnv,
  handoffEnvCheck,
  handoffOptionsFromEnv,
} from './handoff-env';
export {
  type HandoffEvent,
  type HandoffNotice,
  handoffEventSchema,
  type TranscriptMessage,
  transcriptLength,
} from './handoff-event';
export {
  createHandoffNotifier,
  createHandoffNotifierFromEnv,
  type HandoffNotifier,
  type HandoffNotifierOptions,
} from './handoff-notifier';
export {
  createHandoffReporter,
  type HandoffReport,
  type HandoffReporter,
  type HandoffReporterOptions,
} from './handoff-reporter';
export {
  defaultSignatureToleranceSeconds,
  type HandoffSignatureInput,
  signHandoffPayload,
  verifyHandoffSignature,
} from './handoff-signature';
export { createOpeningHours, isTimeZone } from './opening-hours';
export { maxOperatorTextLength, type ReplyBody, replyBodySchema } from './operator-input';
export {
  createOperatorRoutes,
  type DeliverOperatorMessage,
  maxOperatorBodyBytes,
  type OperatorRouteDependencies,
  type OperatorRoutes,
} from './operator-routes';
