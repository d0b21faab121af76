/** Where a question turns to another part: end of sentence, `;`, or a comma or "and" before a new question. */
const clauseBreak =
  /[.?!;]+(?:\s+|$)|,\s*(?:and\s+|but\s+|also\s+|plus\s+)?|\s+(?:and|also|plus)\s+(?=(?:what|when|where|which|who|how|is|are|do|does|did|can|could|will|would|should|may|has|have)\b)/i;

/**
 * Splits a question into its parts ("What are your Sunday hours, and is parking free on Sundays?"
 * → two), so that an answer can give each part. Empty parts are dropped.
 *
 * @example
 * ```ts
 * clausesOf("What's your phone number and when can I call?"); // ["What's your phone number", 'when can I call']
 * ```
 */
export const clausesOf = (question: string): string[] =>
  question
    .split(new RegExp(clauseBreak.source, 'gi'))
    .map((clause) => clause.trim())
    .filter((clause) => /[\p{L}\p{N}]/u.test(clause));
