// What one input's text does to the editor's local edits (pure, tested): kept as typed, read,
// and when it is a valid value different from the shown one, queued to be sent.
import type { CellEdits } from './cell-edits';
import { cellInputId, parseCellInput, sameEntry, withRow } from './declaration-cells';
import type { CellEntry, CellPlace } from './declaration-cells';

/**
 * `refused`: not a valid value (its message shown after the pause or on leaving the field);
 * `same`: nothing to send; `sent-later` / `sent-now`: a change to send after the pause, or at
 * once (boxes and lists).
 */
export type CellInputOutcome = 'refused' | 'same' | 'sent-later' | 'sent-now';

/** Applies `text`, typed or chosen in the input of `place`, to `edits`. */
export function applyCellInput(
  edits: CellEdits,
  place: CellPlace,
  text: string,
  current: CellEntry | null | undefined,
): CellInputOutcome {
  const { form, occurrence, cell, kind, row } = place;
  const inputId = cellInputId(form, cell.code, occurrence, row ?? 0);
  const immediate = kind === 'checkbox' || kind === 'select';
  if (!immediate) edits.setDraft(inputId, text);
  const parsed = parseCellInput(kind, text, cell.signed);
  if (!parsed.ok) {
    edits.refuse(inputId, parsed.message);
    return 'refused';
  }
  edits.accept(inputId);
  const next = cell.repeatable ? withRow(current, row ?? 0, parsed.value) : parsed.value;
  if (sameEntry(next, current)) return 'same';
  edits.change(form, occurrence, cell.code, next);
  return immediate ? 'sent-now' : 'sent-later';
}
