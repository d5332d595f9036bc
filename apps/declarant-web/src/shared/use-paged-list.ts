// A paged API list in a page of the UI (TanStack Query's infinite query): the first page when
// the list (or its filter) changes, "Charger plus" for the next, and a refresh that reads again
// as many pages as were shown.
import { useCallback } from 'react';
import { useInfiniteQuery, useQueryClient, type InfiniteData } from '@tanstack/react-query';
import { PAGE_SIZE_DEFAULT, type Page } from '@passerelle/contracts';
import { errorText } from './errors';
import { appendNew, type LoadPage } from './paged-list';

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
 * Loads `load`'s list under `key` (the list and its filter: another key starts again from its
 * first page). `describe` turns a failure into the French sentence shown (errors.ts's by default).
 */
export function usePagedList<T extends { id: string }>(
  key: readonly unknown[],
  load: LoadPage<T>,
  describe: (caught: unknown) => string | null = errorText,
): PagedList<T> {
  const client = useQueryClient();
  const query = useInfiniteQuery({
    queryKey: key,
    queryFn: ({ pageParam }) => load(pageParam, PAGE_SIZE_DEFAULT),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last: Page<T>) => last.nextCursor ?? undefined,
  });
  const pages = query.data?.pages;
  const { hasNextPage, isFetchingNextPage, fetchNextPage, refetch } = query;

  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);
  const refresh = useCallback(() => void refetch(), [refetch]);
  const update = useCallback(
    (change: (items: T[]) => T[]) =>
      client.setQueryData<InfiniteData<Page<T>>>(
        key,
        (data) =>
          data && {
            ...data,
            pages: data.pages.map((page) => ({ ...page, items: change(page.items) })),
          },
      ),
    // The key's content, not its identity, names the list.
    [client, JSON.stringify(key)],
  );

  return {
    items: pages ? pages.reduce<T[]>((items, page) => appendNew(items, page.items), []) : null,
    total: pages?.[0]?.total ?? null,
    hasMore: hasNextPage,
    loadingMore: isFetchingNextPage,
    error: query.error === null ? null : describe(query.error),
    loadMore,
    refresh,
    update,
  };
}
