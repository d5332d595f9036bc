import type {
  Deposit,
  DepositError,
  DepositStatus,
  Page,
  PortalDashboardQuery,
} from '@passerelle/contracts';
import { frenchDate, html, type Html } from '../html';
import { pagedSection } from '../section-pager';

/** Each deposit status as the client space says it. */
export const DEPOSIT_STATUS_LABELS: Record<DepositStatus, string> = {
  received: 'Reçu',
  sent_to_dgfip: 'Transmis à la DGFiP',
  syntax_rejected: 'Rejet syntaxique (CONTRL)',
  accepted: 'Accepté',
  partially_rejected: 'Rejet partiel',
  rejected: 'Rejeté',
};

/** Refusals counted at intake, by code, in French. */
const REFUSAL_LABELS: Record<string, string> = {
  DEPOSIT_UNREADABLE: 'fichier illisible',
  DEPOSIT_SEAL_INVALID: 'signature invalide',
  DEPOSIT_CERTIFICATE_UNKNOWN: 'certificat inconnu',
  DEPOSIT_CERTIFICATE_EXPIRED: 'certificat non valide à la date de signature',
  DEPOSIT_CERTIFICATE_REVOKED: 'certificat révoqué',
  DEPOSIT_CERTIFICATE_FOREIGN: 'certificat d’un autre compte',
  DEPOSIT_DUPLICATE: 'interchange déjà déposé',
  IDEMPOTENCY_KEY_MISSING: 'identifiant de transmission absent',
  IDEMPOTENCY_KEY_REUSED: 'identifiant de transmission déjà utilisé',
  PAYLOAD_TOO_LARGE: 'fichier trop volumineux',
};

/** Deposits refused at intake (nothing of them is kept but this count). */
export interface RefusalCount {
  code: string;
  count: number;
  last_at: string;
}

function errorList(errors: DepositError[]): Html {
  if (errors.length === 0) return html``;
  const rejections = errors.filter((e) => e.severity === 'rejet').length;
  const summary =
    `${errors.length} ${errors.length > 1 ? 'erreurs' : 'erreur'}` +
    (rejections > 0 ? ` dont ${rejections} ${rejections > 1 ? 'rejets' : 'rejet'}` : '');
  return html`<details>
    <summary>${summary}</summary>
    <ul>
      ${errors.map(
        // The DGFiP's messages already say where: "Formulaire 2033-A, case AA (…) : …".
        (error) =>
          html`<li>
            <strong>${error.severity === 'rejet' ? 'Rejet' : 'Alerte'}</strong> : ${error.message}
            <small>(code ${error.code})</small>
          </li>`,
      )}
    </ul>
  </details>`;
}

function downloads(deposit: Deposit): Html {
  const base = `/portail/depots/${encodeURIComponent(deposit.id)}`;
  const name = deposit.interchangeReference ?? deposit.id;
  return html`${
    deposit.contrl !== null
      ? html`<a href="${base}/contrl" download aria-label="Télécharger le CONTRL du dépôt ${name}"
          >CONTRL</a
        >`
      : ''
  }
  ${
    deposit.cr !== null
      ? html`<a href="${base}/cr" download aria-label="Télécharger le compte rendu du dépôt ${name}"
          >Compte rendu</a
        >`
      : ''
  }`;
}

function depositRow(deposit: Deposit): Html {
  return html`<tr>
    <td>${frenchDate(deposit.receivedAt, { seconds: true })}</td>
    <td>${deposit.siren ?? '—'}</td>
    <td>
      <code>${deposit.interchangeReference ?? '—'}</code>${
        deposit.testIndicator ? html` <small>(test)</small>` : ''
      }
    </td>
    <td>${DEPOSIT_STATUS_LABELS[deposit.status]} ${errorList(deposit.errors)}</td>
    <td>${downloads(deposit)}</td>
  </tr>`;
}

function refusalsNote(refusals: RefusalCount[]): Html {
  if (refusals.length === 0) return html``;
  const total = refusals.reduce((sum, r) => sum + Number(r.count), 0);
  return html`<p>
    ${total} ${total > 1 ? 'dépôts refusés' : 'dépôt refusé'} à la réception (non conservés) :
    ${refusals.map((r) => `${REFUSAL_LABELS[r.code] ?? r.code} (${Number(r.count)})`).join(', ')}.
  </p>`;
}

/** A page of the account's deposits, newest first: status, errors of the returns, downloads. */
export function depositsSection(
  deposits: Page<Deposit>,
  refusals: RefusalCount[],
  query: PortalDashboardQuery,
): Html {
  return pagedSection({
    section: 'depots',
    title: 'Dépôts',
    page: deposits,
    query,
    count: { singular: 'dépôt', plural: 'dépôts' },
    empty: 'Aucun dépôt pour le moment.',
    headers: ['Reçu le', 'SIREN', 'Référence', 'Statut', 'Retours DGFiP'],
    row: depositRow,
    nextLabel: 'Dépôts plus anciens',
    outro: refusalsNote(refusals),
  });
}
