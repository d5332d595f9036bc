// The application shell: session bootstrap, layout, access guards; the pages come from the
// route table (`routes.tsx`) through React Router's <Outlet>.
import { useEffect, useMemo, useRef } from 'react';
import { Outlet, ScrollRestoration, useLocation, useMatches, useNavigate } from 'react-router';
import type { CurrentUser } from '@passerelle/contracts';
import { setAuthFailureHandler } from '../api/client';
import { ErrorAlert } from '../shared/alerts';
import { Header } from './header';
import { Loading, Page } from '../shared/page';
import { SignatureBanner } from '../features/signatures/signature-banner';
import { adminOnlyMessage, messages } from '../shared/messages';
import type { RouteState } from '../shared/route-state';
import { SessionContext } from '../features/auth/session';
import { useBootSession } from '../features/auth/use-boot-session';
import { useEndSession } from '../features/auth/use-end-session';

/** Who may see a route: anyone, a signed-in user, an administrator. */
export type RouteAccess = 'public' | 'user' | 'admin';

/** What the route table attaches to each page (React Router's `handle`). */
export interface RouteHandle {
  access: RouteAccess;
  title: string;
}

/** The whole declarant UI around the current page. */
export function AppShell() {
  const { user, setUser, notice: bootNotice, error: bootError } = useBootSession();
  const session = useMemo(() => ({ user: user ?? null, setUser }), [user, setUser]);

  return (
    <SessionContext value={session}>
      <ScrollRestoration />
      <AuthFailureRedirect />
      <a
        className="skip-link"
        href="#contenu"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('contenu')?.focus();
        }}
      >
        Aller au contenu
      </a>
      <Header />
      <main id="contenu" tabIndex={-1}>
        <SignatureBanner />
        {bootError !== null ? (
          <Page title="Passerelle">
            <ErrorAlert message={bootError} />
            <button type="button" className="button" onClick={() => window.location.reload()}>
              Réessayer
            </button>
          </Page>
        ) : user === undefined ? (
          <Loading />
        ) : (
          <Guarded user={user} notice={bootNotice} />
        )}
      </main>
    </SessionContext>
  );
}

/** A call that finds the session gone (expired, account deactivated) leads to /connexion. */
function AuthFailureRedirect() {
  const endSession = useEndSession();
  useEffect(() => {
    setAuthFailureHandler((code) => void endSession(messages[code], { replace: true }));
    return () => setAuthFailureHandler(null);
  }, [endSession]);
  return null;
}

/** The current route's handle (the deepest match that has one). */
function useRouteHandle(): RouteHandle {
  const matches = useMatches();
  const handle = matches.at(-1)?.handle as RouteHandle | undefined;
  return handle ?? { access: 'public', title: 'Passerelle' };
}

/** Renders the route's page when the user may see it; redirects or refuses otherwise. */
function Guarded({ user, notice }: { user: CurrentUser | null; notice?: string }) {
  const navigate = useNavigate();
  const { pathname } = useLocation();
  const route = useRouteHandle();
  const mustSignIn = route.access !== 'public' && user === null;
  useEffect(() => {
    if (mustSignIn) {
      const state: RouteState = { notice: notice ?? messages.UNAUTHENTICATED };
      void navigate('/connexion', { replace: true, state });
    }
  }, [mustSignIn, notice, navigate]);
  useFocusOnNavigation(pathname);

  if (mustSignIn) return <Loading />;
  if (route.access === 'admin' && user?.role !== 'administrator') {
    return (
      <Page title={route.title}>
        <ErrorAlert message={adminOnlyMessage} />
      </Page>
    );
  }
  return <Outlet />;
}

/** After a navigation (not the first render), moves focus to the new page's heading. */
function useFocusOnNavigation(path: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.querySelector<HTMLElement>('main h1')?.focus();
  }, [path]);
}

/** A page that failed to render: a French sentence instead of React Router's English one. */
export function RouteError() {
  return (
    <Page title="Erreur">
      <ErrorAlert message="Cette page n’a pas pu être affichée. Rechargez la page ; si l’erreur persiste, signalez-la à votre administrateur." />
    </Page>
  );
}
