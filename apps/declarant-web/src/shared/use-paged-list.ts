// A paged API list in a page of the UI: the first page when the list (or its filter) changes,
// "Charger plus" for the next, and a refresh that keeps as many items as were shown.
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from './errors';
import { appendNew, readFirstItems, type LoadPage } from './paged-list';
import { PAGE_SIZE_DEFAULT } from '@passerelle/contracts';

/** What a list component needs of its paged list. */
export interface PagedList<T> {
  /** Null until the first page arrives. */
  items: T[] | null;
  /** The whole list's count (with its filter), from the first page. */
  total: number | null;
  hasMore: boolean;
  loadingMore: boolean;
  /** The last failure, in French; null after a success. */
  error: string | null;
  loadMore(): void;
  /** Reads the list again from its start, as far as it was shown. */
  refresh(): void;
  /** Changes the shown items in place (an item edited by an action of the page). */
  update(change: (items: T[]) => T[]): void;
}

/**
 * Loads `load`'s list; a new `key` (another list or filter) starts again from its first page.
 * Answers to a previous key or an older request are dropped. `describe` turns a failure into
 * the French sentence shown (errors.ts's by default).
 */
export function usePagedList<T extends { id: string }>(
  load: LoadPage<T>,
  key: string,
  describe: (caught: unknown) => string | null = errorText,
): PagedList<T> {
  const [items, setItems] = useState<T[] | null>(null);
  const [total, setTotal] = useState<number | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const loader = useRef(load);
  loader.current = load;
  const describer = useRef(describe);
  describer.current = describe;
  const shown = useRef(0);
  shown.current = items?.length ?? 0;
  // Number of the latest request: an older answer arriving late is ignored.
  const latest = useRef(0);

  const read = useCallback((count: number, reset: boolean) => {
    const number = ++latest.current;
    if (reset) {
      setItems(null);
      setTotal(null);
      setCursor(null);
    }
    setError(null);
    readFirstItems(loader.current, count).then(
      (page) => {
        if (number !== latest.current) return;
        setItems(page.items);
        setTotal(page.total);
        setCursor(page.nextCursor);
      },
      (caught: unknown) => number === latest.current && setError(describer.current(caught)),
    );
  }, []);

  useEffect(() => read(PAGE_SIZE_DEFAULT, true), [key, read]);

  const loadMore = useCallback(() => {
    if (cursor === null || loadingMore) return;
    const number = ++latest.current;
    setLoadingMore(true);
    loader
      .current(cursor, PAGE_SIZE_DEFAULT)
      .then(
        (page) => {
          if (number !== latest.current) return;
          setItems((list) => appendNew(list ?? [], page.items));
          setCursor(page.nextCursor);
          setError(null);
        },
        (caught: unknown) => number === latest.current && setError(describer.current(caught)),
      )
      .finally(() => setLoadingMore(false));
  }, [cursor, loadingMore]);

  const refresh = useCallback(
    () => read(Math.max(shown.current, PAGE_SIZE_DEFAULT), false),
    [read],
  );
  const update = useCallback((change: (items: T[]) => T[]) => {
    setItems((list) => (list === null ? list : change(list)));
  }, []);

  return { items, total, hasMore: cursor !== null, loadingMore, error, loadMore, refresh, update };
}
