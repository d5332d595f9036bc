// Reading a paged API list (pure, tested): the shared page shape of the contracts, loaded a page
// at a time by "Charger plus" (pages joined without repeating an item that moved between them),
// and every id of a list for "Tout sélectionner".
import { PAGE_SIZE_MAX, type Page } from '@passerelle/contracts';

/** Asks for one page: after `cursor` (undefined: the first), of `limit` items. */
export type LoadPage<T> = (cursor: string | undefined, limit: number) => Promise<Page<T>>;

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
