import {
  PAGE_SIZE_MAX,
  type CallArgs,
  type Endpoint,
  type EndpointResponse,
} from '@passerelle/contracts';
import type { ApiClient } from './api-client';

type ItemOf<E extends Endpoint> = EndpointResponse<E> extends { items: (infer T)[] } ? T : never;

/**
 * Every item of a paged list of the API, following its cursor page after page (of the largest
 * size, 200): the command sees the whole list, and each request stays small.
 */
export async function readEveryPage<const E extends Endpoint>(
  client: ApiClient,
  endpoint: E,
  input: CallArgs<E>,
): Promise<ItemOf<E>[]> {
  const items: ItemOf<E>[] = [];
  let cursor: string | null = null;
  do {
    const query = { ...input.query, limit: PAGE_SIZE_MAX, ...(cursor === null ? {} : { cursor }) };
    const page = (await client.call(endpoint, { ...input, query })) as {
      items: ItemOf<E>[];
      nextCursor: string | null;
    };
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return items;
}
