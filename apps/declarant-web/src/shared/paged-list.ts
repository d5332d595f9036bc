// Reading a paged API list (pure, tested): the shared page shape of the contracts, loaded a page
// at a time by "Charger plus", and read again from the start after a change (a sending moved
// statuses) as far as the person had loaded.
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX, type Page } from '@passerelle/contracts';

/** Asks for one page: after `cursor` (undefined: the first), of `limit` items. */
export type LoadPage<T> = (cursor: string | undefined, limit: number) => Promise<Page<T>>;

const pageSize = (wanted: number) => Math.min(PAGE_SIZE_MAX, Math.max(PAGE_SIZE_DEFAULT, wanted));

/**
 * The list from its start until it holds at least `count` items (or ends), in as few pages as
 * the API allows: what a reload shows without losing what "Charger plus" had added.
 */
export async function readFirstItems<T>(load: LoadPage<T>, count: number): Promise<Page<T>> {
  let page = await load(undefined, pageSize(count));
  const items = [...page.items];
  const total = page.total;
  while (items.length < count && page.nextCursor !== null) {
    page = await load(page.nextCursor, pageSize(count - items.length));
    items.push(...page.items);
  }
  return { items, nextCursor: page.nextCursor, total };
}

/** `items` followed by the ones of `more` not already there (by id). */
export function appendNew<T extends { id: string }>(items: readonly T[], more: readonly T[]): T[] {
  const known = new Set(items.map((item) => item.id));
  return [...items, ...more.filter((item) => !known.has(item.id))];
}

/** The ids of a list's items, page after page of the largest size, up to `max` of them. */
export async function collectIds<T extends { id: string }>(
  load: LoadPage<T>,
  max: number,
): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await load(cursor, PAGE_SIZE_MAX);
    ids.push(...page.items.map((item) => item.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined && ids.length < max);
  return ids.slice(0, max);
}
