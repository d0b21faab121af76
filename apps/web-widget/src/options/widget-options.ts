import * as z from 'zod/mini';
import { hexColor } from './contrast';

const isHttpUrl = (value: string) => {
  try {
    return /^https?:$/.test(new URL(value).protocol);
  } catch {
    return false;
  }
};

/** The widget's options, as `mount()` and `<ChatWidget />` take them. */
export const widgetOptionsSchema = z.object({
  /** Base URL of the chat-api, e.g. `https://chat.example.com`. */
  apiUrl: z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })
    .check(z.refine(isHttpUrl, 'must be an http(s) URL')),
  /** The panel's heading. */
  title: z._default(z.string().check(z.trim(), z.minLength(1), z.maxLength(80)), 'Chat with us'),
  /** The first message shown in an empty conversation. */
  greeting: z._default(
    z.string().check(z.trim(), z.maxLength(500)),
    'Hello! Ask me anything about our shop.',
  ),
  /** Launcher, send button and your messages; text on it is black or white for contrast. */
  primaryColor: z._default(
    z.string().check(z.regex(hexColor, 'must be a hex colour like #1d4ed8')),
    '#1d4ed8',
  ),
  /** Which bottom corner the launcher sits in. */
  position: z._default(z.enum(['left', 'right']), 'right'),
  /** Open the panel as soon as the page loads. */
  openOnLoad: z._default(z.boolean(), false),
});

/** Options as given (defaults not applied). */
export type WidgetOptionsInput = z.input<typeof widgetOptionsSchema>;

/** Options after validation, defaults applied. */
export type WidgetOptions = z.output<typeof widgetOptionsSchema>;

/** The outcome of validating options: the options, or one readable line per problem. */
export type OptionsResult =
  | { ok: true; options: WidgetOptions }
  | { ok: false; problems: string[] };

/** Validates options; never throws. */
export function parseWidgetOptions(input: unknown): OptionsResult {
  const result = widgetOptionsSchema.safeParse(input);
  if (result.success) return { ok: true, options: result.data };
  return {
    ok: false,
    problems: result.error.issues.map(
      (issue) => `${issue.path.join('.') || 'options'}: ${issue.message}`,
    ),
  };
}
