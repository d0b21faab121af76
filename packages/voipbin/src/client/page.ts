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

/** The query of one page: 100 items, after `pageToken`. */
export const pageQuery = (pageToken: string | undefined) => ({
  page_size: 100,
  page_token: pageToken,
});
