import type { OptionsResult } from './widget-options';
import { parseWidgetOptions } from './widget-options';

/** The `data-*` attributes of the widget's `<script>` tag, as the loader read them. */
export type DataAttributes = Partial<
  Record<'apiUrl' | 'title' | 'greeting' | 'primaryColor' | 'position' | 'open', string>
>;

/** The option each attribute sets, for error messages. */
const attributeNames: Record<string, string> = {
  apiUrl: 'data-api-url',
  title: 'data-title',
  greeting: 'data-greeting',
  primaryColor: 'data-primary-color',
  position: 'data-position',
  openOnLoad: 'data-open',
};

function parseFlag(value: string | undefined): boolean | string | undefined {
  if (value === undefined) return undefined;
  const normalized = value.trim().toLowerCase();
  if (normalized === '' || normalized === 'true') return true;
  if (normalized === 'false') return false;
  // Left as a string, so validation reports it.
  return value;
}

/**
 * Validates the `data-*` attributes of the `<script>` tag. `data-open` is a boolean attribute
 * (`data-open`, `data-open="true"` or `"false"`). Problems name the attribute, not the option.
 */
export function parseDataAttributes(data: DataAttributes): OptionsResult {
  const input: Record<string, unknown> = {
    apiUrl: data.apiUrl,
    title: data.title,
    greeting: data.greeting,
    primaryColor: data.primaryColor,
    position: data.position,
    openOnLoad: parseFlag(data.open),
  };
  for (const key of Object.keys(input)) if (input[key] === undefined) delete input[key];
  const result = parseWidgetOptions(input);
  if (result.ok) return result;
  return {
    ok: false,
    problems: result.problems.map((problem) => {
      const [key = '', ...rest] = problem.split(':');
      return `${attributeNames[key] ?? key}:${rest.join(':')}`;
    }),
  };
}
