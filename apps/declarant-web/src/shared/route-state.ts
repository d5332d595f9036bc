// What a page may hand to the page it sends the user to (React Router's location state), and the
// one-time secret of a `#jeton=…` link.
import { useEffect, useState } from 'react';
import { useLocation, useNavigate } from 'react-router';

/** The location state of a navigation: a French sentence to show once on arrival. */
export interface RouteState {
  notice?: string;
}

/** The notice a location's state carries, if any (anything else in it is ignored). */
export function noticeOf(state: unknown): string | undefined {
  if (state === null || typeof state !== 'object') return undefined;
  const notice = (state as RouteState).notice;
  return typeof notice === 'string' ? notice : undefined;
}

/** The notice the page that sent the user here passed ("Votre session a expiré…"). */
export function useRouteNotice(): string | undefined {
  return noticeOf(useLocation().state);
}

/**
 * The notice passed on arrival ("Dossier … créé."), read once and then dropped from the history
 * entry, so that a reload or a return by "Précédent" does not show it again.
 */
export function useArrivalNotice(): string | undefined {
  const location = useLocation();
  const navigate = useNavigate();
  const [notice] = useState(() => noticeOf(location.state));
  useEffect(() => {
    if (notice === undefined) return;
    void navigate(`${location.pathname}${location.search}${location.hash}`, {
      replace: true,
      state: null,
      preventScrollReset: true,
    });
    // Only on arrival.
  }, []);
  return notice;
}

/** Reads the one-time secret from a `#jeton=<token>` URL fragment ('' when absent). */
export function tokenFromHash(hash: string): string {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  return params.get('jeton') ?? '';
}
