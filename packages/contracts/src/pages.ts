import { z } from 'zod';

// The one shape of every list of both APIs (issue #12): a page of at most `limit` items in a
// fixed order, and an opaque cursor to ask for the next one. The cursor is the last item's sort
// key and id (keyset paging: a page costs the same at row 40,000 as at row 0, and rows inserted
// meanwhile neither shift nor repeat the pages still to read).

/** Items per page when the request does not say. */
export const PAGE_SIZE_DEFAULT = 50;
/** Most items one page holds: whatever a list's size, one request's work stays bounded. */
export const PAGE_SIZE_MAX = 200;

/** French message of a cursor that no page of this list gave (forged, cut, another list's). */
export const INVALID_CURSOR_MESSAGE =
  'Curseur de pagination invalide : reprenez la liste depuis le début.';

/** Query string of every paged list: `limit` and the previous page's `nextCursor` (none: first page). */
export const pageQuery = z.object({
  limit: z.coerce
    .number({ error: 'limit : nombre entier attendu.' })
    .int('limit : nombre entier attendu.')
    .min(1, 'limit : 1 au moins.')
    .max(PAGE_SIZE_MAX, `limit : ${PAGE_SIZE_MAX} au plus.`)
    .default(PAGE_SIZE_DEFAULT),
  cursor: z
    .string({ error: INVALID_CURSOR_MESSAGE })
    .min(1, INVALID_CURSOR_MESSAGE)
    .max(512, INVALID_CURSOR_MESSAGE)
    .optional(),
});
export type PageQuery = z.input<typeof pageQuery>;

/** One page of a list whose items follow `item`'s schema. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    /** Give it back as `cursor` for the next page; null on the last page. */
    nextCursor: z.string().nullable(),
    /**
     * How many items the whole list has with the same filters, counted on the first page (no
     * cursor) only; null on the next ones, which keep the first page's count.
     */
    total: z.number().nullable(),
  });
}

/** A page as the API answers it. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
  total: number | null;
}
