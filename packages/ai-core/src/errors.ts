const marker = Symbol.for('org.ai-core.error');

/** Every failure `@org/ai-core` reports, by kind. */
export type AiCoreErrorCode =
  | 'invalid_input'
  | 'model_unavailable'
  | 'model_timeout'
  | 'rate_limited'
  | 'history_unavailable'
  | 'unknown_channel'
  /** An operator acted on a conversation that is not handed off to a person. */
  | 'not_handed_off';

/** Options for {@link AiCoreError}. */
export type AiCoreErrorOptions = {
  /** What went wrong, for a developer. */
  message?: string;
  /** The underlying error (vendor errors stay behind this). */
  cause?: unknown;
  /** Whether the same call may succeed if tried again later. */
  isRetryable?: boolean;
  /** For `invalid_input`: the path of the field at fault, e.g. `text`. */
  field?: string;
};

const retryableByDefault: ReadonlySet<AiCoreErrorCode> = new Set([
  'model_unavailable',
  'model_timeout',
  'rate_limited',
  'history_unavailable',
]);

/**
 * The one error type of `@org/ai-core`: a `code` says what kind of failure it is.
 *
 * @example
 * ```ts
 * try { await assistant.reply(input) } catch (error) {
 *   if (AiCoreError.isInstance(error) && error.code === 'model_timeout') retryLater()
 * }
 * ```
 */
export class AiCoreError extends Error {
  /** The kind of failure. */
  readonly code: AiCoreErrorCode;
  /** Whether the same call may succeed if tried again later. */
  readonly isRetryable: boolean;
  /** For `invalid_input`: the path of the field at fault. */
  readonly field: string | undefined;

  constructor(code: AiCoreErrorCode, options: AiCoreErrorOptions = {}) {
    super(options.message ?? code, { cause: options.cause });
    this.name = 'AiCoreError';
    this.code = code;
    this.isRetryable = options.isRetryable ?? retryableByDefault.has(code);
    this.field = options.field;
    // Marks every copy of this class, so that `isInstance` works across package copies.
    Object.defineProperty(this, marker, { value: true });
  }

  /** True for any `AiCoreError`, also one from another copy of this package. */
  static isInstance(error: unknown): error is AiCoreError {
    return typeof error === 'object' && error !== null && marker in error;
  }
}
