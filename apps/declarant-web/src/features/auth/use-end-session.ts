// Leaving the signed-in pages: the session forgotten with its reason, and the sign-in page.
import { useCallback } from 'react';
import { useNavigate } from 'react-router';
import type { RouteState } from '../../shared/route-state';
import { useSession } from './session';

/**
 * Forgets the user, saying why, and goes to /connexion with that notice. The guard of a signed-in
 * page that sees the user gone sends to /connexion too, with the same notice (the session's).
 */
export function useEndSession(): (
  notice: string,
  options?: { replace?: boolean },
) => Promise<void> {
  const navigate = useNavigate();
  const { setUser } = useSession();
  return useCallback(
    async (notice, options = {}) => {
      setUser(null, notice);
      const state: RouteState = { notice };
      await navigate('/connexion', { replace: options.replace, state });
    },
    [navigate, setUser],
  );
}
