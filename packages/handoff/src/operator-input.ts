import { apiError } from '@org/runtime';
import { z } from 'zod';

/** The longest operator message, in characters (an SMS reply is split by the channel). */
export const maxOperatorTextLength = 4000;

const required = (issue: { input: unknown }) =>
  issue.input === undefined ? 'is required' : 'must be a string';

/** The `:id` of every conversation route. */
export const conversationParamSchema = z.object({
  id: z.string().min(1).max(200, 'is not a valid conversation id'),
});

/** The query of `GET /conversations/:id`. */
export const readQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).optional(),
});

/** The body of `POST /conversations/:id/messages`. */
export const replyBodySchema = z.object(
  {
    text: z
      .string({ error: required })
      .trim()
      .min(1, 'must not be empty')
      .max(maxOperatorTextLength, `must be at most ${maxOperatorTextLength} characters`),
    /** The name the customer sees. */
    operator: z
      .string({ error: required })
      .trim()
      .min(1, 'must not be empty')
      .max(80, 'must be at most 80 characters'),
    /** The client's id for this message: a repeat with the same id is stored and sent once. */
    messageId: z
      .string({ error: 'must be a string' })
      .regex(/^[\w.:-]{1,200}$/, 'must be 1-200 characters of A-Z a-z 0-9 _ . : -')
      .optional(),
  },
  { error: 'The body must be a JSON object' },
);

/** The body of `POST /conversations/:id/messages`, validated. */
export type ReplyBody = z.infer<typeof replyBodySchema>;

/** zod-validator hook: a failed validation is a JSON 400 `invalid_input` naming the field. */
export function rejectInvalid(
  result: { success: true } | { success: false; error: z.core.$ZodError },
) {
  if (result.success) return;
  const issue = result.error.issues[0];
  const field = issue?.path.map(String).join('.') || undefined;
  const message = field ? `${field}: ${issue?.message}` : (issue?.message ?? 'Invalid input');
  throw apiError(400, 'invalid_input', message, field ? { field } : {});
}
