import type { Page, PortalDashboardQuery, Signature } from '@passerelle/contracts';
import { postButton } from '../form-widgets';
import { frenchDay, html, type Html } from '../html';
import { pagedSection } from '../section-pager';

const STATUS: Record<Signature['status'], string> = {
  valid: 'Valide',
  expired: 'Expirée',
  revoked: 'Révoquée',
};

/**
 * A page of the account's signatures, newest first; a valid one can be revoked from its row (by
 * a personal user, only the ones obtained through their own connection).
 */
export function signaturesSection(
  signatures: Page<Signature>,
  query: PortalDashboardQuery,
  portalUserId?: string,
): Html {
  const signatureRow = (signature: Signature) =>
    row(signature, !portalUserId || signature.portalUserId === portalUserId);
  return pagedSection({
    section: 'signatures',
    title: 'Signatures',
    page: signatures,
    query,
    count: { singular: 'signature émise', plural: 'signatures émises' },
    empty: 'Aucune signature émise.',
    headers: ['Titulaire', 'Numéro de série', 'Validité', 'Statut', 'Action'],
    row: signatureRow,
    nextLabel: 'Signatures plus anciennes',
  });
}

function row(signature: Signature, revocable: boolean): Html {
  const holder = `${signature.holder.firstName} ${signature.holder.lastName}`;
  return html`<tr>
    <td>${holder}<br /><small>${signature.holder.email}</small></td>
    <td><code>${signature.serial}</code></td>
    <td>du ${frenchDay(signature.notBefore)} au ${frenchDay(signature.notAfter)}</td>
    <td>${STATUS[signature.status]}</td>
    <td>
      ${
        signature.status === 'valid' && revocable
          ? postButton({
              action: `/portail/signatures/${encodeURIComponent(signature.serial)}/revocation`,
              label: 'Révoquer',
              ariaLabel: `Révoquer la signature de ${holder}`,
              secondary: true,
            })
          : ''
      }
    </td>
  </tr>`;
}
