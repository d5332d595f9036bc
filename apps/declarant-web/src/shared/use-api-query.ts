// One API read for a page or a section (TanStack Query): its answer, its failure in French, and
// whether it is still on its way.
import { useCallback } from 'react';
import { useQuery, type QueryKey } from '@tanstack/react-query';
import { errorText } from './errors';

/** What a component shows of one read. */
export interface ApiQuery<T> {
  /** Undefined until the answer arrives. */
  data: T | undefined;
  /** The last failure, in French; null after a success. */
  error: string | null;
  /** Reads it again (e.g. after a refusal saying it changed meanwhile). */
  reload: () => void;
}

/** Reads `load` under `key`; `describe` turns a failure into French (errors.ts's by default). */
export function useApiQuery<T>(
  key: QueryKey,
  load: () => Promise<T>,
  describe: (caught: unknown) => string | null = errorText,
): ApiQuery<T> {
  const query = useQuery({ queryKey: key, queryFn: load });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  return {
    data: query.data,
    error: query.error === null ? null : describe(query.error),
    reload,
  };
}
