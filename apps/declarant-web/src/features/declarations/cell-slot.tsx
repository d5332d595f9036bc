// One cell of a form in the editor: its input(s) (one per row of a repeatable cell) and its
// anomalies' messages; re-rendered only when they change (some forms have 100 cells and more).
import { memo } from 'react';
import type { DeclarationAnomaly } from '@passerelle/contracts';
import { CellInput, type InputState } from './cell-input';
import {
  cellInputId,
  cellInputKind,
  cellInputName,
  cellInputText,
  entryRows,
} from './declaration-cells';
import type { CellEntry, CellInputKind, CellPlace, EditorCell } from './declaration-cells';

/** What the cells of a form need of the editor. */
export interface SlotEditing {
  form: string;
  occurrence: number;
  readOnly: boolean;
  anomaliesByCode: ReadonlyMap<string, readonly DeclarationAnomaly[]>;
  entryOf: (form: string, occurrence: number, cell: EditorCell) => CellEntry | null | undefined;
  draftOf: (inputId: string) => string | undefined;
  errorOf: (inputId: string) => string | undefined;
  onEdit: (place: CellPlace, text: string) => void;
  onLeave: (inputId: string) => void;
}

/** The kind of input a cell gets here (every cell is read-only in a read-only form). */
export const slotKind = (cell: EditorCell, readOnly: boolean): CellInputKind =>
  readOnly ? 'readonly' : cellInputKind(cell);

/**
 * How many rows the repeatable cells of a form show: as many as the fullest of them, plus an
 * empty one to add a line (so the rows of a table's columns stay side by side).
 */
export function repeatedRowCount(cells: readonly EditorCell[], editing: SlotEditing): number {
  return cells.reduce((most, cell) => {
    if (!cell.repeatable) return most;
    const rows = entryRows(editing.entryOf(editing.form, editing.occurrence, cell)).length;
    return Math.max(most, slotKind(cell, editing.readOnly) === 'readonly' ? rows : rows + 1);
  }, 1);
}

/** The props of the slot of `cell`. */
export function slotProps(cell: EditorCell, rowCount: number, editing: SlotEditing): CellSlotProps {
  const { form, occurrence } = editing;
  const kind = slotKind(cell, editing.readOnly);
  const values = entryRows(editing.entryOf(form, occurrence, cell));
  const shown = cell.repeatable ? Math.max(1, rowCount) : 1;
  const inputs: InputState[] = [];
  for (let row = 0; row < shown; row++) {
    if (kind === 'readonly' && row > 0 && row >= values.length) break;
    const id = cellInputId(form, cell.code, occurrence, row);
    const value = values[row];
    inputs.push({
      id,
      text: editing.draftOf(id) ?? cellInputText(kind, value === undefined ? null : value, cell),
      error: editing.errorOf(id),
    });
  }
  const anomalies = editing.anomaliesByCode.get(cell.code) ?? [];
  return {
    form,
    occurrence,
    cell,
    kind,
    inputs,
    anomalyText: anomalies.map((anomaly) => anomaly.message).join('\n'),
    hasError: anomalies.some((anomaly) => anomaly.severity === 'error'),
    onEdit: editing.onEdit,
    onLeave: editing.onLeave,
  };
}

export interface CellSlotProps {
  form: string;
  occurrence: number;
  cell: EditorCell;
  kind: CellInputKind;
  inputs: readonly InputState[];
  /** The anomalies' messages on this cell, one a line ('' when none). */
  anomalyText: string;
  hasError: boolean;
  onEdit: (place: CellPlace, text: string) => void;
  onLeave: (inputId: string) => void;
}

const sameInputs = (a: readonly InputState[], b: readonly InputState[]) =>
  a.length === b.length &&
  a.every((input, index) => {
    const other = b[index];
    return other?.id === input.id && other.text === input.text && other.error === input.error;
  });

/** The input(s) of one cell and its anomalies. */
export const CellSlot = memo(
  function CellSlot({
    form,
    occurrence,
    cell,
    kind,
    inputs,
    anomalyText,
    hasError,
    onEdit,
    onLeave,
  }: CellSlotProps) {
    const anomalyId =
      anomalyText === '' ? undefined : `${cellInputId(form, cell.code, occurrence)}-anomalies`;
    return (
      <>
        {inputs.map((input, row) => (
          <CellInput
            key={input.id}
            input={input}
            kind={kind}
            cell={cell}
            name={cellInputName(cell, cell.repeatable ? row : undefined)}
            invalid={hasError || input.error !== undefined}
            describedBy={[input.error === undefined ? undefined : `${input.id}-error`, anomalyId]
              .filter(Boolean)
              .join(' ')}
            onChange={(text) =>
              onEdit({ form, occurrence, cell, kind, ...(cell.repeatable ? { row } : {}) }, text)
            }
            onBlur={() => onLeave(input.id)}
          />
        ))}
        {anomalyText !== '' && (
          <p id={anomalyId} className={hasError ? 'cell-anomaly' : 'cell-anomaly cell-warning'}>
            {anomalyText}
          </p>
        )}
      </>
    );
  },
  (previous, next) =>
    previous.cell === next.cell &&
    previous.kind === next.kind &&
    previous.form === next.form &&
    previous.occurrence === next.occurrence &&
    previous.anomalyText === next.anomalyText &&
    previous.hasError === next.hasError &&
    previous.onEdit === next.onEdit &&
    previous.onLeave === next.onLeave &&
    sameInputs(previous.inputs, next.inputs),
);
