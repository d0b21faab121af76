import { APIConnectionError, APIConnectionTimeoutError, APIError } from 'openai';
import { AiCoreError } from '../errors';

function statusOf(error: unknown): number | undefined {
  if (error instanceof APIError) return error.status;
  // A client from another copy of `openai` throws look-alike errors.
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Translates whatever the `openai` client threw into an `AiCoreError`, keeping it as `cause`:
 * 429 is `rate_limited`, a timeout `model_timeout`, a connection failure or 5xx a retryable
 * `model_unavailable`, another 4xx a `model_unavailable` that retrying will not fix.
 */
export function toAiCoreError(error: unknown): AiCoreError {
  if (AiCoreError.isInstance(error)) return error;
  if (error instanceof APIConnectionTimeoutError) {
    return new AiCoreError('model_timeout', {
      message: 'The model did not answer in time',
      cause: error,
    });
  }
  if (error instanceof APIConnectionError) {
    return new AiCoreError('model_unavailable', {
      message: `Could not reach the model: ${messageOf(error)}`,
      cause: error,
    });
  }
  const status = statusOf(error);
  if (status === 429) {
    return new AiCoreError('rate_limited', { message: 'The model is rate limited', cause: error });
  }
  if (status !== undefined && status >= 400 && status < 500) {
    return new AiCoreError('model_unavailable', {
      message: `The model refused the request (${status}): ${messageOf(error)}`,
      cause: error,
      isRetryable: false,
    });
  }
  if (status !== undefined) {
    return new AiCoreError('model_unavailable', {
      message: `The model failed (${status}): ${messageOf(error)}`,
      cause: error,
    });
  }
  return new AiCoreError('model_unavailable', {
    message: `The model's answer broke off: ${messageOf(error)}`,
    cause: error,
  });
}
