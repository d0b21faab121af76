import type { z } from 'zod';

/**
 * A rule between variables, checked on the raw values (empty ones removed) so that it is
 * reported together with every other problem. Returns one `NAME: what is wrong` per problem.
 */
export type EnvCheck = (set: Readonly<Record<string, string>>) => string[];

/** The environment is invalid; `issues` holds one `NAME: what is wrong` per problem, no values. */
export class EnvError extends Error {
  /** One `NAME: what is wrong` per problem. */
  readonly issues: readonly string[];

  constructor(issues: readonly string[]) {
    super(`Invalid environment:\n  ${issues.join('\n  ')}`);
    this.name = 'EnvError';
    this.issues = issues;
  }
}

/**
 * Validates `source` (usually the environment of the process, passed by an app's `env.ts`) against `schema`. An
 * empty variable counts as unset, as in `VAR= command`.
 *
 * @throws EnvError naming every bad variable and what is wrong with it, never a value.
 * @example
 * ```ts
 * const schema = z.object({ ...brainEnv.shape, ...upstashEnv.shape, PORT: z.coerce.number() });
 * // in an app's env.ts, the one file that reads the environment of the process:
 * export const loadEnv = (source: Record<string, string | undefined>) =>
 *   parseEnv(schema, source, [upstashEnvCheck]);
 * ```
 */
export function parseEnv<TSchema extends z.ZodType>(
  schema: TSchema,
  source: Readonly<Record<string, string | undefined>>,
  extraChecks: readonly EnvCheck[] = [],
): z.output<TSchema> {
  const set: Record<string, string> = {};
  for (const [name, value] of Object.entries(source)) {
    if (value !== undefined && value !== '') set[name] = value;
  }
  const result = schema.safeParse(set);
  const issues = [
    // A zod message describes the rule broken, never the input.
    ...(result.error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`),
    ...extraChecks.flatMap((check) => check(set)),
  ];
  if (result.success && issues.length === 0) return result.data;
  throw new EnvError(issues);
}

/** A check that `names` are set together or not at all. */
export function requiredTogether(...names: string[]): EnvCheck {
  return (set) => {
    const present = names.find((name) => set[name] !== undefined);
    if (present === undefined) return [];
    return names
      .filter((name) => set[name] === undefined)
      .map((missing) => `${missing}: is required when ${present} is set`);
  };
}
