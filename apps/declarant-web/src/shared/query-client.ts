// The data layer's cache (TanStack Query): what the pages load and change goes through it.
// A page reads fresh data when it opens (nothing kept once no page shows it), a failure is
// shown at once (no silent retries), and the tab regaining focus asks nothing again.
import { QueryClient } from '@tanstack/react-query';

/** A new cache for one mounted UI (one per page load; one per test). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, gcTime: 0, refetchOnWindowFocus: false, refetchOnReconnect: false },
      mutations: { retry: false },
    },
  });
}
