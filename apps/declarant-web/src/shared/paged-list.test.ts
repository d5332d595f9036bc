import { describe, expect, it } from 'vitest';
import type { Page } from '@passerelle/contracts';
import { appendNew, collectIds, type LoadPage } from './paged-list';

/** A list of `size` items served like the API: keyset by index, count on the first page. */
function serve(size: number) {
  const calls: Array<{ cursor: string | undefined; limit: number }> = [];
  const load: LoadPage<{ id: string }> = async (cursor, limit) => {
    calls.push({ cursor, limit });
    const start = cursor === undefined ? 0 : Number(cursor);
    const items = Array.from({ length: Math.min(limit, size - start) }, (_, i) => ({
      id: String(start + i),
    }));
    const end = start + items.length;
    const page: Page<{ id: string }> = {
      items,
      nextCursor: end < size ? String(end) : null,
      total: cursor === undefined ? size : null,
    };
    return page;
  };
  return { load, calls };
}

describe('appendNew', () => {
  it('adds only the items not already shown', () => {
    expect(appendNew([{ id: 'a' }, { id: 'b' }], [{ id: 'b' }, { id: 'c' }])).toEqual([
      { id: 'a' },
      { id: 'b' },
      { id: 'c' },
    ]);
  });
});

describe('collectIds', () => {
  it('follows the cursor in pages of 200 and stops at the maximum', async () => {
    const { load, calls } = serve(1500);
    const ids = await collectIds(load, 1000);
    expect(ids).toHaveLength(1000);
    expect(ids.at(-1)).toBe('999');
    expect(calls.map((call) => call.limit)).toEqual([200, 200, 200, 200, 200]);
    expect(await collectIds(serve(3).load, 1000)).toEqual(['0', '1', '2']);
  });
});
