// The route table: every path of the UI, its page, who may see it and its title (also the
// title of the refusal shown to a user who may not). React Router ranks static paths before
// parameters, so `/declarations/import` wins over `/declarations/:id`.
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';
import { AppShell, RouteError } from './app';
import type { RouteAccess } from './app';
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

/** A page of the UI: its path, its component, who may see it, its title. */
function page(
  path: string,
  Component: ComponentType,
  access: RouteAccess,
  title: string,
): RouteObject {
  return { path, Component, handle: { access, title } };
}

/** Every route, under the shell (header, session, guards). */
export const routes: RouteObject[] = [
  {
    Component: AppShell,
    children: [
      {
        // A page that fails to render shows a French sentence, the header stays.
        ErrorBoundary: RouteError,
        children: [
          page('/', HomePage, 'public', 'Passerelle'),
          page(
            '/configuration',
            ConfigurationPage,
            'public',
            'Première configuration de Passerelle',
          ),
          page('/connexion', ConnexionPage, 'public', 'Connexion'),
          page(
            '/definir-mot-de-passe',
            DefinirMotDePassePage,
            'public',
            'Choisir votre mot de passe',
          ),
          page('/compte', ComptePage, 'user', 'Compte utilisateur'),
          page('/mot-de-passe', MotDePassePage, 'user', 'Changer mon mot de passe'),
          page('/utilisateurs', UtilisateursPage, 'admin', 'Utilisateurs'),
          page('/journal', JournalPage, 'admin', 'Journal d’audit'),
          page('/signatures', SignaturesCabinetPage, 'admin', 'Signatures du cabinet'),
          page('/cabinet', CabinetPage, 'admin', 'Paramètres du cabinet'),
          page('/cabinet/campagnes', CampaignsPage, 'admin', 'Campagnes'),
          page('/dossiers', DossiersPage, 'user', 'Dossiers'),
          page('/dossiers/:id', DossierPage, 'user', 'Dossier'),
          page('/declarations', DeclarationsPage, 'user', 'Déclarations'),
          page('/declarations/import', ImportDeclarationsPage, 'user', 'Importer des déclarations'),
          page('/declarations/:id', DeclarationPage, 'user', 'Déclaration'),
          page(
            '/declarations/:id/tableau',
            DeclarationTableauPage,
            'user',
            'Tableau de la déclaration',
          ),
          page('*', NotFoundPage, 'public', 'Page introuvable'),
        ],
      },
    ],
  },
];
