import {
  transmissionStatuses,
  type DeclarationSummary,
  type Transmission,
} from '@passerelle/contracts';
import type { Invocation } from '../args';
import { findDeclarations } from '../declarations/find-declarations';
import { findLatestTransmissions } from '../declarations/latest-transmissions';
import { ExitCode } from '../exit-codes';
import {
  declarationStatusLabel,
  dossierLabel,
  formatDateTime,
  formatDay,
  transmissionStatusLabel,
} from '../format/labels';
import { renderTable } from '../format/table';
import type { CliIo } from '../io';
import { openSession } from '../session';

type StatusInvocation = Extract<Invocation, { command: 'status' }>;

const sentStatuses: ReadonlySet<string> = new Set(transmissionStatuses);

/**
 * `passerelle status`: the declarations (all, a dossier's, or those named) with their status
 * and, for sent ones, their latest transmission (status, dates, number of DGFiP error lines).
 * `--json` prints the same data, labels included, for scripts.
 */
export async function runStatus(
  invocation: StatusInvocation,
  io: CliIo,
  signal?: AbortSignal,
): Promise<ExitCode> {
  const { client } = await openSession(invocation.connection, io, signal);
  const declarations = await findDeclarations(client, {
    dossier: invocation.dossier,
    ids: invocation.ids,
  });
  // A declaration edited after a rejection is "Prête" again but has a past transmission: asked
  // for when named, skipped in long lists (one request per declaration).
  const named = new Set(invocation.ids);
  const latest = await findLatestTransmissions(
    client,
    declarations.filter((d) => sentStatuses.has(d.status) || named.has(d.id)).map((d) => d.id),
  );
  io.stdout.write(
    invocation.json
      ? `${JSON.stringify({ declarations: declarations.map((d) => statusJson(d, latest.get(d.id))) }, null, 2)}\n`
      : renderStatusTable(declarations, latest),
  );
  return ExitCode.ok;
}

/** A declaration and its latest transmission, with French labels, for `--json`. */
export function statusJson(
  declaration: DeclarationSummary,
  transmission: Transmission | undefined,
) {
  return {
    ...declaration,
    statusLabel: declarationStatusLabel(declaration.status),
    latestTransmission: transmission
      ? {
          ...transmission,
          statusLabel: transmissionStatusLabel(transmission.status),
          errorCount: transmission.errors.length,
        }
      : null,
  };
}

/** The human view: one row per declaration, "—" where nothing was sent. */
export function renderStatusTable(
  declarations: readonly DeclarationSummary[],
  latest: ReadonlyMap<string, Transmission>,
): string {
  if (declarations.length === 0) return 'Aucune déclaration.\n';
  const rows = declarations.map((declaration) => {
    const transmission = latest.get(declaration.id);
    return [
      declaration.id,
      dossierLabel(declaration),
      formatDay(declaration.exercise.end),
      declarationStatusLabel(declaration.status),
      transmission ? transmissionStatusLabel(transmission.status) : '—',
      transmission ? formatDateTime(transmission.createdAt) : '—',
      transmission ? formatDateTime(transmission.updatedAt) : '—',
      transmission ? String(transmission.errors.length) : '—',
    ];
  });
  return `${renderTable(
    [
      'Déclaration',
      'Dossier',
      'Clôture',
      'Statut',
      'Dernière transmission',
      'Envoyée le',
      'Mise à jour',
      'Erreurs',
    ],
    rows,
  )}\n`;
}
