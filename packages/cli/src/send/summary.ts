import type { DeclarationSummary, Transmission } from '@passerelle/contracts';
import { transmissionProblemLines } from '../format/deposit-errors';
import { declarationStatusLabel, dossierLabel, exerciseLabel, formatDay } from '../format/labels';
import { renderTable } from '../format/table';
import { plural } from '../progress/progress-text';
import { troubledStatuses } from './outcome';

/**
 * What `send` prints on stdout at the end: one row per declaration (id, dossier, exercise,
 * status in French), then the reasons of every rejection or failure, then the totals.
 */
export function renderSendSummary(
  declarations: readonly DeclarationSummary[],
  latest: ReadonlyMap<string, Transmission>,
): string {
  const table = renderTable(
    ['Déclaration', 'Dossier', 'Clôture', 'Statut'],
    declarations.map((declaration) => [
      declaration.id,
      dossierLabel(declaration),
      formatDay(declaration.exercise.end),
      declarationStatusLabel(declaration.status),
    ]),
  );
  const sections = [table];
  const troubled = declarations.filter((declaration) => troubledStatuses.has(declaration.status));
  for (const declaration of troubled) {
    const transmission = latest.get(declaration.id);
    const lines = transmission ? transmissionProblemLines(transmission) : [];
    sections.push(
      [
        `${declarationStatusLabel(declaration.status)} : ${dossierLabel(declaration)}, exercice ${exerciseLabel(declaration)} (${declaration.id})`,
        ...lines.map((line) => `  • ${line}`),
      ].join('\n'),
    );
  }
  sections.push(totalsLine(declarations));
  return `${sections.join('\n\n')}\n`;
}

/** "3 déclarations — Acceptée : 2 · Rejetée : 1" (labels as the UI writes them, not pluralised). */
export function totalsLine(declarations: readonly DeclarationSummary[]): string {
  const byLabel = new Map<string, number>();
  for (const declaration of declarations) {
    const label = declarationStatusLabel(declaration.status);
    byLabel.set(label, (byLabel.get(label) ?? 0) + 1);
  }
  const parts = [...byLabel].map(([label, count]) => `${label} : ${count}`);
  return `${plural(declarations.length, 'déclaration')} — ${parts.join(' · ')}`;
}
