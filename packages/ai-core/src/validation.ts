import type { z } from 'zod';
import { AiCoreError } from './errors';

/** Parses `value` with `schema`, or throws `invalid_input` naming the first field at fault. */
export function parseOrThrow<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') || what;
  throw new AiCoreError('invalid_input', {
    field,
    message: `${what}: ${field}: ${issue?.message ?? 'invalid'}`,
    cause: result.error,
  });
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** False for strings with a lone UTF-16 surrogate, which no store or wire format can carry. */
export function isWellFormed(text: string): boolean {
  return !loneSurrogate.test(text);
}

/** The text without its lone UTF-16 surrogates (e.g. left by a cut through an emoji). */
export function dropLoneSurrogates(text: string): string {
  return text.replace(new RegExp(loneSurrogate, 'g'), '');
}
