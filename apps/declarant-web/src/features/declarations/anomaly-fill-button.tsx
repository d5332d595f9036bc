// « Reporter 17 000 »: a coherence total's expected value, set into its cell in one click
// through the editor's usual cell-edit save path.
import type { DeclarationAnomaly, EditorLayout } from '@passerelle/contracts';
import { cellInputId, cellInputKind, formatAmount } from './declaration-cells';
import type { CellPlace } from './declaration-cells';

/** The anomalies a click can fix: a total with its expected value, on a cell of the editor. */
export const isFillable = (
  anomaly: DeclarationAnomaly,
): anomaly is DeclarationAnomaly & { expected: number; form: string; code: string } =>
  anomaly.expected !== null && anomaly.form !== null && anomaly.code !== null;

interface AnomalyFillButtonProps {
  anomaly: DeclarationAnomaly & { expected: number; form: string; code: string };
  onFill: (anomaly: DeclarationAnomaly) => void;
}

export function AnomalyFillButton({ anomaly, onFill }: AnomalyFillButtonProps) {
  const amount = formatAmount(anomaly.expected);
  return (
    <button
      type="button"
      className="button button-small anomaly-fill"
      aria-label={`Reporter ${amount} dans la case ${anomaly.code}`}
      onClick={() => onFill(anomaly)}
    >
      Reporter {amount}
    </button>
  );
}

/** The editor's cell-edit path, as `fillAnomaly` uses it. */
interface CellEditor {
  edit: (place: CellPlace, text: string) => void;
  leave: (inputId: string) => void;
}

/**
 * Types the expected amount into the anomaly's cell and leaves it, as a user would: the value is
 * read (whole euros, sign allowed by the table), saved at once and validated again.
 */
export function fillAnomaly(
  forms: EditorLayout['forms'],
  editor: CellEditor,
  anomaly: DeclarationAnomaly,
): void {
  if (!isFillable(anomaly)) return;
  const cell = forms
    .find((form) => form.id === anomaly.form)
    ?.cells.find((candidate) => candidate.code === anomaly.code);
  if (cell === undefined || cell.repeatable) return;
  const occurrence = anomaly.formOccurrence ?? 0;
  editor.edit(
    { form: anomaly.form, occurrence, cell, kind: cellInputKind(cell) },
    formatAmount(anomaly.expected),
  );
  editor.leave(cellInputId(anomaly.form, anomaly.code, occurrence));
}
