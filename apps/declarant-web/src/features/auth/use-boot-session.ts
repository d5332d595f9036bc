// The session as the page load finds it (GET /api/me once, through the data cache), then as
// sign-in, sign-out and refreshes change it; why the user is signed out, when the server said.
import { useCallback, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { CurrentUser } from '@passerelle/contracts';
import { ApiError } from '../../api/client';
import { getSession } from '../../api/endpoints';
import { errorText } from '../../shared/errors';
import { messages } from '../../shared/messages';

interface BootAnswer {
  user: CurrentUser | null;
  /** Why there is no session (expired, account deactivated), to say on the sign-in page. */
  notice?: string;
}

/** GET /api/me at page load: a refusal of the session is an answer (signed out), not a failure. */
async function bootSession(): Promise<BootAnswer> {
  try {
    return { user: await getSession(false) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) {
      return {
        user: null,
        notice: error.code === 'SESSION_EXPIRED' ? messages.SESSION_EXPIRED : undefined,
      };
    }
    if (error instanceof ApiError && error.code === 'ACCOUNT_INACTIVE') {
      return { user: null, notice: messages.ACCOUNT_INACTIVE };
    }
    throw error;
  }
}

/** The session of the whole UI. */
export interface BootSession {
  /** Undefined until the page load's answer. */
  user: CurrentUser | null | undefined;
  setUser: (user: CurrentUser | null, notice?: string) => void;
  /** Why there is no session (as the page load found it, or as `setUser(null, notice)` said). */
  notice: string | undefined;
  /** The page load could not ask (network, server): in French. */
  error: string | null;
}

/** Reads the session once per page load; `setUser` replaces it afterwards. */
export function useBootSession(): BootSession {
  const boot = useQuery({
    queryKey: ['session-at-load'],
    queryFn: bootSession,
    staleTime: Infinity,
  });
  // Once someone signs in or out, the page load's answer is forgotten.
  const [changed, setChanged] = useState<BootAnswer | undefined>(undefined);
  const setUser = useCallback(
    (user: CurrentUser | null, notice?: string) =>
      setChanged({ user, notice: user === null ? notice : undefined }),
    [],
  );
  const answer = changed ?? boot.data;
  return {
    user: answer?.user,
    setUser,
    notice: answer?.notice,
    error: boot.error === null ? null : errorText(boot.error),
  };
}
