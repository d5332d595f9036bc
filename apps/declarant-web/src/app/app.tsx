// The application shell: session bootstrap, route table, access guards and layout.
import { useEffect, useMemo, useRef } from 'react';
import type { ComponentType } from 'react';
import type { CurrentUser } from '@passerelle/contracts';
import { setAuthFailureHandler } from '../api/client';
import { ErrorAlert } from '../shared/alerts';
import { Header } from './header';
import { Loading, Page } from '../shared/page';
import { SignatureBanner } from '../features/signatures/signature-banner';
import { adminOnlyMessage, messages } from '../shared/messages';
import { matchPath, navigate, useLocation } from '../shared/router';
import type { RouteProps } from '../shared/router';
import { CabinetPage } from '../features/firm/cabinet-page';
import { CampaignsPage } from '../features/campaigns/campaigns-page';
import { ComptePage } from '../features/users/compte-page';
import { ConfigurationPage } from '../features/setup/configuration-page';
import { ConnexionPage } from '../features/auth/connexion-page';
import { DeclarationPage } from '../features/declarations/declaration-page';
import { DeclarationTableauPage } from '../features/declarations/declaration-tableau-page';
import { DeclarationsPage } from '../features/declarations/declarations-page';
import { DefinirMotDePassePage } from '../features/auth/definir-mot-de-passe-page';
import { DossierPage } from '../features/dossiers/dossier-page';
import { DossiersPage } from '../features/dossiers/dossiers-page';
import { HomePage } from './home-page';
import { ImportDeclarationsPage } from '../features/declarations/import-declarations-page';
import { JournalPage } from '../features/audit/journal-page';
import { MotDePassePage } from '../features/auth/mot-de-passe-page';
import { NotFoundPage } from './not-found-page';
import { SignaturesCabinetPage } from '../features/signatures/signatures-page';
import { UtilisateursPage } from '../features/users/utilisateurs-page';
import { SessionContext } from '../features/auth/session';
import { useBootSession } from '../features/auth/use-boot-session';

type Access = 'public' | 'user' | 'admin';
interface Route {
  page: ComponentType<RouteProps>;
  access: Access;
  title: string;
}

const routes: Partial<Record<string, Route>> = {
  '/': { page: HomePage, access: 'public', title: 'Passerelle' },
  '/configuration': {
    page: ConfigurationPage,
    access: 'public',
    title: 'Première configuration de Passerelle',
  },
  '/connexion': { page: ConnexionPage, access: 'public', title: 'Connexion' },
  '/definir-mot-de-passe': {
    page: DefinirMotDePassePage,
    access: 'public',
    title: 'Choisir votre mot de passe',
  },
  '/compte': { page: ComptePage, access: 'user', title: 'Compte utilisateur' },
  '/mot-de-passe': { page: MotDePassePage, access: 'user', title: 'Changer mon mot de passe' },
  '/utilisateurs': { page: UtilisateursPage, access: 'admin', title: 'Utilisateurs' },
  '/journal': { page: JournalPage, access: 'admin', title: 'Journal d’audit' },
  '/signatures': { page: SignaturesCabinetPage, access: 'admin', title: 'Signatures du cabinet' },
  '/cabinet': { page: CabinetPage, access: 'admin', title: 'Paramètres du cabinet' },
  '/cabinet/campagnes': { page: CampaignsPage, access: 'admin', title: 'Campagnes' },
  '/dossiers': { page: DossiersPage, access: 'user', title: 'Dossiers' },
  '/declarations': { page: DeclarationsPage, access: 'user', title: 'Déclarations' },
  '/declarations/import': {
    page: ImportDeclarationsPage,
    access: 'user',
    title: 'Importer des déclarations',
  },
};

/** Routes whose path has parameters (`:name`), tried in order after the exact paths. */
const paramRoutes: readonly (Route & { pattern: string })[] = [
  { pattern: '/dossiers/:id', page: DossierPage, access: 'user', title: 'Dossier' },
  { pattern: '/declarations/:id', page: DeclarationPage, access: 'user', title: 'Déclaration' },
  {
    pattern: '/declarations/:id/tableau',
    page: DeclarationTableauPage,
    access: 'user',
    title: 'Tableau de la déclaration',
  },
];

/** The route of `path` and its parameters, or undefined (page not found). */
function findRoute(path: string): { route: Route; params: RouteProps['params'] } | undefined {
  const exact = routes[path.length > 1 ? path.replace(/\/+$/, '') : path];
  if (exact !== undefined) return { route: exact, params: {} };
  for (const route of paramRoutes) {
    const params = matchPath(route.pattern, path);
    if (params !== null) return { route, params };
  }
  return undefined;
}

/** The whole declarant UI. */
export function App() {
  const { path } = useLocation();
  const { user, setUser, notice: bootNotice, error: bootError } = useBootSession();
  const session = useMemo(() => ({ user: user ?? null, setUser }), [user, setUser]);

  useEffect(() => {
    setAuthFailureHandler((code) => {
      setUser(null);
      navigate('/connexion', { replace: true, state: { notice: messages[code] } });
    });
    return () => setAuthFailureHandler(null);
  }, [setUser]);

  const found = findRoute(path);
  return (
    <SessionContext value={session}>
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
        ) : found === undefined ? (
          <NotFoundPage />
        ) : (
          <Guarded route={found.route} params={found.params} user={user} notice={bootNotice} />
        )}
      </main>
    </SessionContext>
  );
}

/** Renders the route's page when the user may see it; redirects or refuses otherwise. */
function Guarded({
  route,
  params,
  user,
  notice,
}: {
  route: Route;
  params: RouteProps['params'];
  user: CurrentUser | null;
  notice?: string;
}) {
  const { path } = useLocation();
  const mustSignIn = route.access !== 'public' && user === null;
  useEffect(() => {
    if (mustSignIn) {
      navigate('/connexion', {
        replace: true,
        state: { notice: notice ?? messages.UNAUTHENTICATED },
      });
    }
  }, [mustSignIn, notice]);
  useFocusOnNavigation(path);

  if (mustSignIn) return <Loading />;
  if (route.access === 'admin' && user?.role !== 'administrator') {
    return (
      <Page title={route.title}>
        <ErrorAlert message={adminOnlyMessage} />
      </Page>
    );
  }
  const Content = route.page;
  return <Content params={params} />;
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
