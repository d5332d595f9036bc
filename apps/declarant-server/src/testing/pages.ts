import { expect } from 'vitest';
import type { TestApp } from './test-app';

/** One page as the API answers it (items left loose: each test knows its own). */
export interface TestPage<T> {
  items: T[];
  nextCursor: string | null;
  total: number | null;
}

/**
 * Reads a paged list to its end, `limit` at a time, checking the shape of every page (at most
 * `limit` items, a count on the first page only); `between` runs between two pages (to insert
 * rows meanwhile). Returns every item in order and the pages' sizes.
 */
export async function readAllPages<T>(
  t: TestApp,
  cookie: string,
  path: string,
  limit: number,
  between: (page: number) => Promise<void> = async () => {},
): Promise<{ items: T[]; sizes: number[]; total: number | null }> {
  const items: T[] = [];
  const sizes: number[] = [];
  let total: number | null = null;
  let cursor: string | null = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const url = `${path}${separator}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
    const response = await t.call('GET', url, { cookie });
    expect(response.statusCode, response.body).toBe(200);
    const page = response.json<TestPage<T>>();
    expect(page.items.length).toBeLessThanOrEqual(limit);
    if (sizes.length === 0) total = page.total;
    else expect(page.total).toBeNull();
    items.push(...page.items);
    sizes.push(page.items.length);
    cursor = page.nextCursor;
    if (cursor !== null) await between(sizes.length);
  } while (cursor !== null);
  return { items, sizes, total };
}
