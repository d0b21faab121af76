import { z } from 'zod';

/** One page of a list: `{ result: [...], next_page_token }` (OpenAPI `CommonPagination`). */
export type Page<T> = { result: T[]; next_page_token?: string | null };

/** The schema of a page of `item`; a `null` result reads as `[]`. */
export function pageSchema<T extends z.ZodType>(item: T) {
  return z.looseObject({
    result: z
      .array(item)
      .nullish()
      .transform((list) => list ?? []),
    next_page_token: z.string().nullish(),
  });
}

/**
 * The schema of a list that VoIPBin answers either as a page or, as its OpenAPI documents some
 * lists (`GET /speakings`), as a bare array: read as a page with no `next_page_token`.
 */
export function pageOrArraySchema<T extends z.ZodType>(item: T) {
  return z.union([
    pageSchema(item),
    z.array(item).transform((result): Page<z.infer<T>> => ({ result })),
  ]);
}

/** The query of one page: 100 items, after `pageToken`. */
export const pageQuery = (pageToken: string | undefined) => ({
  page_size: 100,
  page_token: pageToken,
});
