// Where the editor shows each anomaly (pure): beside its cell ("form|occurrence" then code), as a
// count on its form's tab, and what a link of the "Anomalies" panel focuses.
import type { DeclarationAnomaly, EditorLayout } from '@passerelle/contracts';
import { cellInputId } from './declaration-cells';

/** The id of a form panel's heading (what an anomaly of the whole form focuses). */
export const panelHeadingId = (form: string) => `formulaire-${form}`;

/** Anomalies by "form|occurrence" then cell code. */
export function indexAnomalies(
  anomalies: readonly DeclarationAnomaly[],
): Map<string, Map<string, DeclarationAnomaly[]>> {
  const index = new Map<string, Map<string, DeclarationAnomaly[]>>();
  for (const anomaly of anomalies) {
    if (anomaly.form === null || anomaly.code === null) continue;
    const key = `${anomaly.form}|${anomaly.formOccurrence ?? 0}`;
    const byCode = index.get(key) ?? new Map<string, DeclarationAnomaly[]>();
    byCode.set(anomaly.code, [...(byCode.get(anomaly.code) ?? []), anomaly]);
    index.set(key, byCode);
  }
  return index;
}

/** The number of errors (not warnings) of each form. */
export function errorsByForm(anomalies: readonly DeclarationAnomaly[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const anomaly of anomalies) {
    if (anomaly.severity === 'error' && anomaly.form !== null)
      counts.set(anomaly.form, (counts.get(anomaly.form) ?? 0) + 1);
  }
  return counts;
}

/** The element an anomaly's link focuses: its cell's input, else its form's heading. */
export function anomalyTarget(
  forms: EditorLayout['forms'],
  anomaly: DeclarationAnomaly,
): string | null {
  const form = forms.find((candidate) => candidate.id === anomaly.form);
  if (form === undefined) return null;
  const occurrence = anomaly.formOccurrence ?? 0;
  if (anomaly.code !== null && form.cells.some((cell) => cell.code === anomaly.code))
    return cellInputId(form.id, anomaly.code, occurrence, anomaly.valueIndex ?? 0);
  return panelHeadingId(form.id);
}
