import { PAGE_SIZE_MAX, pageOf } from '@passerelle/contracts';
import type { z } from 'zod';
import type { ApiClient } from './api-client';

/**
 * Every item of a paged list of the API, following its cursor page after page (of the largest
 * size, 200): the command sees the whole list, and each request stays small.
 */
export async function readEveryPage<S extends z.ZodType>(
  client: ApiClient,
  path: string,
  item: S,
): Promise<z.output<S>[]> {
  const schema = pageOf(item);
  const items: z.output<S>[] = [];
  const separator = path.includes('?') ? '&' : '?';
  let cursor: string | null = null;
  do {
    const after: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
    const page: z.output<typeof schema> = await client.get(
      `${path}${separator}limit=${PAGE_SIZE_MAX}${after}`,
      schema,
    );
    items.push(...(page.items as z.output<S>[]));
    cursor = page.nextCursor;
  } while (cursor !== null);
  return items;
}
