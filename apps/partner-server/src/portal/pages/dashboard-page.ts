import type {
  Account,
  Deposit,
  Page,
  PortalDashboardQuery,
  PortalUser,
  SessionUser,
  Signature,
} from '@passerelle/contracts';
import { postButton, statusBox } from '../form-widgets';
import { frenchDate, html, type Html } from '../html';
import { countLine, sectionPager } from '../section-pager';
import { depositsSection, type RefusalCount } from './deposits-section';
import { signaturesSection } from './signatures-section';
import { usersSection } from './users-section';

/** A live API session of the account (one sign-in of a software and its token rotations). */
export interface SoftwareConnection {
  id: string;
  createdAt: string;
}

/**
 * The signed-in dashboard: account, subscription and code, then signatures, connections and
 * deposits, each one page at a time (`query` holds each section's cursor).
 */
export function dashboardPage(options: {
  account: Account;
  /** The personal portal user signed in; null for the account's administrator. */
  user: SessionUser;
  /** The administrator's "Utilisateurs" page; undefined for a personal user. */
  users?: Page<PortalUser> | undefined;
  query: PortalDashboardQuery;
  signatures: Page<Signature>;
  connections: Page<SoftwareConnection>;
  deposits: Page<Deposit>;
  refusals: RefusalCount[];
  notice?: string | undefined;
  /** When "Envoyer un nouveau code" is available again, while a re-issue's cooldown runs. */
  codeReissueAt?: string | undefined;
}): Html {
  const { account, user } = options;
  const sub = account.subscription;
  return html`<h1>Espace client — ${account.firmName}</h1>
    ${statusBox(options.notice)}
    <section aria-labelledby="titre-compte">
      <h2 id="titre-compte">Compte client</h2>
      <dl>
        <dt>Raison sociale</dt>
        <dd>${account.firmName}</dd>
        <dt>SIRET</dt>
        <dd>${account.siret}</dd>
        <dt>Administrateur</dt>
        <dd>${account.adminFirstName} ${account.adminLastName} (${account.adminEmail})</dd>
        ${
          user
            ? html`<dt>Connecté en tant que</dt>
                <dd>${user.firstName} ${user.lastName} (${user.email})</dd>`
            : ''
        }
      </dl>
      ${user ? '' : html`<p><a href="/portail/mot-de-passe">Changer le mot de passe</a></p>`}
    </section>
    <section aria-labelledby="titre-abonnement">
      <h2 id="titre-abonnement">Abonnement EDI-TDFC</h2>
      <p>Statut : ${sub.status === 'active' ? 'Actif' : 'Inactif'}</p>
      ${
        sub.codeSentAt && sub.codeSentTo
          ? html`<p>
              Code confidentiel envoyé le ${frenchDate(sub.codeSentAt)} à ${sub.codeSentTo}
            </p>`
          : ''
      }
      ${user ? '' : codeButton(options.codeReissueAt)}
    </section>
    ${options.users ? usersSection(options.users, options.query) : ''}
    ${signaturesSection(options.signatures, options.query, user?.id)}
    ${connectionsSection(options.connections, options.query)}
    ${depositsSection(options.deposits, options.refusals, options.query)}
    ${postButton({ action: '/portail/deconnexion', label: 'Se déconnecter', secondary: true })}`;
}

/** "Envoyer un nouveau code", disabled with the time it comes back while its cooldown runs. */
function codeButton(reissueAt: string | undefined): Html {
  const button = (disabled: boolean) =>
    postButton({
      action: '/portail/nouveau-code',
      label: 'Envoyer un nouveau code',
      disabled,
      ...(disabled ? { describedBy: 'nouveau-code-disponible' } : {}),
    });
  if (!reissueAt) return button(false);
  return html`<p id="nouveau-code-disponible">
      Un nouveau code pourra être demandé à partir du ${frenchDate(reissueAt, { seconds: true })}.
    </p>
    ${button(true)}`;
}

function connectionsSection(
  connections: Page<SoftwareConnection>,
  query: PortalDashboardQuery,
): Html {
  return html`<section aria-labelledby="titre-connexions">
    <h2 id="titre-connexions">Connexions des logiciels</h2>
    ${countLine(connections.total, 'logiciel connecté', 'logiciels connectés')}
    ${
      connections.items.length === 0
        ? html`<p>Aucun logiciel connecté.</p>`
        : html`<ul>
            ${connections.items.map((c) => {
              // Seconds keep two sign-ins of the same minute apart (the button's name is the date).
              const since = frenchDate(c.createdAt, { seconds: true });
              return html`<li>
                Connecté depuis le ${since}
                ${postButton({
                  action: `/portail/connexions/${encodeURIComponent(c.id)}/revocation`,
                  label: 'Révoquer',
                  ariaLabel: `Révoquer la connexion du ${since}`,
                  secondary: true,
                })}
              </li>`;
            })}
          </ul>`
    }
    ${sectionPager({
      section: 'connexions',
      query,
      nextCursor: connections.nextCursor,
      anchor: 'titre-connexions',
      nextLabel: 'Connexions plus anciennes',
      name: 'Pages des connexions',
    })}
  </section>`;
}
