// An action the user starts (a button, a form): one at a time (a second click while it runs does
// nothing), whether it runs, and its refusal in French, as a TanStack Query mutation.
import { useCallback, useRef } from 'react';
import { useMutation } from '@tanstack/react-query';
import { errorText } from './errors';

/** What a component shows of its action. */
export interface Action<A extends unknown[]> {
  /** Starts the action, unless one is already running. */
  run: (...args: A) => void;
  busy: boolean;
  /** The arguments of the running (or last) action. */
  args: A | undefined;
  /** The last refusal, in French; null once the next one starts. */
  error: string | null;
}

/** Wraps `action`; `onRefused` also receives every refusal (e.g. to read something again). */
export function useAction<A extends unknown[]>(
  action: (...args: A) => Promise<unknown>,
  onRefused?: (error: unknown) => void,
): Action<A> {
  // Set at once on a click (the mutation's state reaches the component a moment later).
  const running = useRef(false);
  const mutation = useMutation({ mutationFn: (args: A) => action(...args) });
  const { mutate } = mutation;
  const refused = useRef(onRefused);
  refused.current = onRefused;
  const run = useCallback(
    (...args: A) => {
      if (running.current) return;
      running.current = true;
      mutate(args, {
        onError: (error) => refused.current?.(error),
        onSettled: () => {
          running.current = false;
        },
      });
    },
    [mutate],
  );
  return {
    run,
    busy: mutation.isPending,
    args: mutation.variables,
    error: mutation.error === null ? null : errorText(mutation.error),
  };
}
