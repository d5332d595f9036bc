import type { Page, PortalDashboardQuery, PortalUser } from '@passerelle/contracts';
import { postButton } from '../form-widgets';
import { frenchDate, html, type Html } from '../html';
import { pagedSection } from '../section-pager';

const STATUS: Record<PortalUser['status'], string> = {
  invited: 'Invité',
  active: 'Actif',
  revoked: 'Révoqué',
};

/**
 * The administrator's "Utilisateurs": the account's personal users, a page at a time by
 * address, each with its status and "Révoquer"; "Inviter un utilisateur" opens the form.
 */
export function usersSection(users: Page<PortalUser>, query: PortalDashboardQuery): Html {
  return pagedSection({
    section: 'utilisateurs',
    title: 'Utilisateurs',
    page: users,
    query,
    intro: html`<p>
        Chaque personne invitée choisit son propre mot de passe, se connecte à l’espace client et y
        connecte son logiciel. La révoquer ferme ses sessions et révoque ses signatures.
      </p>
      <p><a href="/portail/utilisateurs/inviter">Inviter un utilisateur</a></p>`,
    count: { singular: 'utilisateur', plural: 'utilisateurs' },
    empty: 'Aucun utilisateur invité.',
    headers: ['Nom', 'Adresse email', 'Statut', 'Action'],
    row: userRow,
    nextLabel: 'Utilisateurs suivants',
  });
}

function userRow(user: PortalUser): Html {
  const name = `${user.firstName} ${user.lastName}`;
  const status =
    user.status === 'invited' && user.invitationExpiresAt
      ? `${STATUS.invited} (lien valable jusqu’au ${frenchDate(user.invitationExpiresAt)})`
      : STATUS[user.status];
  return html`<tr>
    <td>${name}</td>
    <td>${user.email}</td>
    <td>${status}</td>
    <td>
      ${
        user.status === 'revoked'
          ? ''
          : postButton({
              action: `/portail/utilisateurs/${encodeURIComponent(user.id)}/revocation`,
              label: 'Révoquer',
              ariaLabel: `Révoquer l’accès de ${name}`,
              secondary: true,
            })
      }
    </td>
  </tr>`;
}
