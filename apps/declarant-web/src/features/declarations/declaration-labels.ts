// What the declaration pages say about declarations and their anomalies (pure, tested).
import { declarationStatusLabels, editableDeclarationStatuses } from '@passerelle/contracts';
import type {
  DeclarationAnomaly,
  DeclarationStatus,
  DeclarationSummary,
} from '@passerelle/contracts';
import { exercisePeriod } from '../dossiers/dossier-labels';

/** The identification form: read-only in the editor, shown as "Identification". */
export const IDENTIFICATION_FORM = 'F-IDENTIF';

/** "Identification" for F-IDENTIF, else the form's own label ("2033-A"). */
export function formTabLabel(form: { id: string; label: string }): string {
  return form.id === IDENTIFICATION_FORM ? 'Identification' : form.label;
}

/** "Déclaration Boulangerie des Lilas — exercice du 01/01/2025 au 31/12/2025". */
export function declarationTitle(
  declaration: Pick<DeclarationSummary, 'dossierName' | 'exercise'>,
): string {
  return `Déclaration ${declaration.dossierName} — exercice ${exercisePeriod(declaration.exercise)}`;
}

/** "Brouillon", "Prête", "Transmise", "Acceptée"… */
export function declarationStatusText(status: DeclarationStatus): string {
  return declarationStatusLabels[status];
}

/** A tag colour (a class suffix of styles.css: `tag-<tone>`). */
export type StatusTone = 'success' | 'warning' | 'danger' | 'pending';

const statusTones: Record<DeclarationStatus, StatusTone> = {
  draft: 'warning',
  ready: 'success',
  queued: 'pending',
  transmitted: 'pending',
  deposited: 'pending',
  accepted: 'success',
  partially_rejected: 'warning',
  rejected: 'danger',
  syntax_rejected: 'danger',
  partner_refused: 'danger',
  delivery_failed: 'danger',
};

/**
 * The tag colour of a status: ready and accepted are successes, a draft or a partial rejection
 * needs a look, refusals are errors, and the steps of a sending in progress are neutral.
 */
export function declarationStatusTone(status: DeclarationStatus): StatusTone {
  return statusTones[status];
}

const plural = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;

/** "3 erreurs, 1 avertissement"; "Aucune anomalie" when both are 0. */
export function anomalyCountText(errorCount: number, warningCount: number): string {
  const parts: string[] = [];
  if (errorCount > 0) parts.push(plural(errorCount, 'erreur', 'erreurs'));
  if (warningCount > 0) parts.push(plural(warningCount, 'avertissement', 'avertissements'));
  return parts.length === 0 ? 'Aucune anomalie' : parts.join(', ');
}

/**
 * "Millésime 25 — tables de la campagne 2025, édition 1": which DGFiP tables (campaign pack)
 * the declaration was last validated with (« Paramètres du cabinet › Campagnes »).
 */
export function millesimeText(
  millesime: string,
  pack: { campaign: string; edition: number } | null,
): string {
  return pack === null
    ? `Millésime ${millesime} — tables de la DGFiP non installées`
    : `Millésime ${millesime} — tables de la campagne ${pack.campaign}, édition ${pack.edition}`;
}

/** The counts of a list of anomalies. */
export function countAnomalies(anomalies: readonly Pick<DeclarationAnomaly, 'severity'>[]): {
  errorCount: number;
  warningCount: number;
} {
  const errorCount = anomalies.filter((anomaly) => anomaly.severity === 'error').length;
  return { errorCount, warningCount: anomalies.length - errorCount };
}

/**
 * Errors first, then warnings; within each, in the order of `formOrder` (the editor's tabs),
 * the validator's order kept otherwise (it lists them in the order a reader fixes things).
 */
export function sortAnomalies<A extends Pick<DeclarationAnomaly, 'severity' | 'form'>>(
  anomalies: readonly A[],
  formOrder: readonly string[] = [],
): A[] {
  const rank = (form: string | null) => {
    const index = form === null ? -1 : formOrder.indexOf(form);
    return index === -1 ? (form === null ? -1 : formOrder.length) : index;
  };
  return anomalies
    .map((anomaly, index) => ({ anomaly, index }))
    .sort(
      (a, b) =>
        Number(a.anomaly.severity !== 'error') - Number(b.anomaly.severity !== 'error') ||
        rank(a.anomaly.form) - rank(b.anomaly.form) ||
        a.index - b.index,
    )
    .map(({ anomaly }) => anomaly);
}

/** "La déclaration est prête à être envoyée." once no error is left. */
export const readyNotice = 'La déclaration est prête à être envoyée.';

/** Shown when the editor reloaded a declaration someone else changed meanwhile. */
export const reloadedNotice =
  'La déclaration a été modifiée entre-temps (dans un autre onglet ou par un collègue) : elle vient d’être rechargée. Vérifiez vos dernières saisies.';

/** "2 déclarations importées." */
export function importedText(count: number): string {
  return count === 1 ? '1 déclaration importée.' : `${count} déclarations importées.`;
}

/** Sent declarations are read-only until a refusal leaves nothing at the DGFiP. */
export const isEditable = (status: DeclarationStatus): boolean =>
  editableDeclarationStatuses.includes(status);
