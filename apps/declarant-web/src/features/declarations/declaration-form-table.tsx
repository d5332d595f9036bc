// One form occurrence of the liasse editor: a table of its cells (code, label, input). Plain
// inputs only, rows memoized: some forms have more than 100 cells.
import { memo } from 'react';
import type { DeclarationAnomaly } from '@passerelle/contracts';
import {
  cellInputId,
  cellInputKind,
  cellInputName,
  cellInputText,
  entryRows,
} from './declaration-cells';
import type { CellEntry, CellInputKind, EditorCell } from './declaration-cells';
import type { CellPlace } from './use-declaration-editor';
import { TableHead } from '../../shared/table-head';

interface EditorForm {
  id: string;
  label: string;
  cells: readonly EditorCell[];
}

interface FormTableProps {
  form: EditorForm;
  occurrence: number;
  /** F-IDENTIF: shown, not edited (it comes from the dossier). */
  readOnly: boolean;
  /** Anomalies of this occurrence by cell code. */
  anomaliesByCode: ReadonlyMap<string, readonly DeclarationAnomaly[]>;
  entryOf: (form: string, occurrence: number, cell: EditorCell) => CellEntry | null | undefined;
  draftOf: (inputId: string) => string | undefined;
  errorOf: (inputId: string) => string | undefined;
  onEdit: (place: CellPlace, text: string) => void;
  onLeave: (inputId: string) => void;
}

/** The cells of `form` (occurrence `occurrence`), one row each. */
export function DeclarationFormTable({
  form,
  occurrence,
  readOnly,
  anomaliesByCode,
  entryOf,
  draftOf,
  errorOf,
  onEdit,
  onLeave,
}: FormTableProps) {
  const kinds = form.cells.map((cell) => (readOnly ? 'readonly' : cellInputKind(cell)));
  // Repeatable cells show as many rows as the fullest of them, plus an empty one to add a line.
  const rowCount = form.cells.reduce((most, cell, index) => {
    if (!cell.repeatable) return most;
    const rows = entryRows(entryOf(form.id, occurrence, cell)).length;
    return Math.max(most, kinds[index] === 'readonly' ? rows : rows + 1);
  }, 1);

  if (form.cells.length === 0)
    return <p>Aucune case connue pour ce formulaire dans le millésime de la déclaration.</p>;
  return (
    <div className="table-wrapper">
      <table className="cells-table">
        <caption className="visually-hidden">Cases du formulaire {form.label}</caption>
        <TableHead columns={['Case', 'Libellé', 'Valeur']} />
        <tbody>
          {form.cells.map((cell, index) => {
            const kind = kinds[index] ?? 'readonly';
            const entry = entryOf(form.id, occurrence, cell);
            const values = entryRows(entry);
            const shown = cell.repeatable ? Math.max(1, rowCount) : 1;
            const inputs: InputState[] = [];
            for (let row = 0; row < shown; row++) {
              if (kind === 'readonly' && row > 0 && row >= values.length) break;
              const id = cellInputId(form.id, cell.code, occurrence, row);
              const value = values[row];
              inputs.push({
                id,
                text: draftOf(id) ?? cellInputText(kind, value === undefined ? null : value, cell),
                error: errorOf(id),
              });
            }
            const anomalies = anomaliesByCode.get(cell.code) ?? [];
            return (
              <CellRow
                key={cell.code}
                form={form.id}
                occurrence={occurrence}
                cell={cell}
                kind={kind}
                inputs={inputs}
                anomalyText={anomalies.map((anomaly) => anomaly.message).join('\n')}
                hasError={anomalies.some((anomaly) => anomaly.severity === 'error')}
                onEdit={onEdit}
                onLeave={onLeave}
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

interface InputState {
  id: string;
  text: string;
  error: string | undefined;
}

interface CellRowProps {
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

/** One cell: code, label, its input(s), its anomalies; re-rendered only when they change. */
const CellRow = memo(
  function CellRow({
    form,
    occurrence,
    cell,
    kind,
    inputs,
    anomalyText,
    hasError,
    onEdit,
    onLeave,
  }: CellRowProps) {
    const anomalyId =
      anomalyText === '' ? undefined : `${cellInputId(form, cell.code, occurrence)}-anomalies`;
    return (
      <tr className={hasError ? 'cell-row has-error' : 'cell-row'}>
        <td className="cell-code">{cell.code}</td>
        <th scope="row" className="cell-label">
          {cell.label}
        </th>
        <td className="cell-value">
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
        </td>
      </tr>
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

interface CellInputProps {
  input: InputState;
  kind: CellInputKind;
  cell: EditorCell;
  name: string;
  invalid: boolean;
  describedBy: string;
  onChange: (text: string) => void;
  onBlur: () => void;
}

/** The input of one cell (or one row of a repeatable cell), by kind. */
function CellInput({
  input,
  kind,
  cell,
  name,
  invalid,
  describedBy,
  onChange,
  onBlur,
}: CellInputProps) {
  const common = {
    id: input.id,
    'aria-label': name,
    'aria-invalid': invalid ? true : undefined,
    'aria-describedby': describedBy === '' ? undefined : describedBy,
    onBlur,
  };
  let control;
  switch (kind) {
    case 'checkbox':
      control = (
        <input
          type="checkbox"
          className="cell-checkbox"
          checked={input.text === 'X'}
          onChange={(event) => onChange(event.target.checked ? 'X' : '')}
          {...common}
        />
      );
      break;
    case 'select': {
      const values = cell.values ?? [];
      const known = input.text === '' || values.some((option) => option.value === input.text);
      control = (
        <select value={input.text} onChange={(event) => onChange(event.target.value)} {...common}>
          <option value="">—</option>
          {!known && <option value={input.text}>{input.text}</option>}
          {values.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label === option.value ? option.value : `${option.value} — ${option.label}`}
            </option>
          ))}
        </select>
      );
      break;
    }
    case 'text':
      control = (
        <textarea
          rows={2}
          value={input.text}
          onChange={(event) => onChange(event.target.value)}
          {...common}
        />
      );
      break;
    case 'readonly':
      // Shown as wrapping text (parties and addresses are long), still named and focusable so
      // that an anomaly's link can lead to it.
      control = (
        <div
          id={input.id}
          className="cell-readonly"
          role="textbox"
          aria-readonly="true"
          aria-label={name}
          aria-invalid={common['aria-invalid']}
          aria-describedby={common['aria-describedby']}
          tabIndex={-1}
        >
          {input.text}
        </div>
      );
      break;
    default:
      control = (
        <input
          type={kind === 'date' ? 'date' : 'text'}
          className={kind === 'date' ? undefined : 'cell-number'}
          inputMode={
            kind === 'amount' || kind === 'integer'
              ? 'numeric'
              : kind === 'decimal'
                ? 'decimal'
                : undefined
          }
          autoComplete="off"
          value={input.text}
          onChange={(event) => onChange(event.target.value)}
          {...common}
        />
      );
  }
  return (
    <div className="cell-input">
      {control}
      {kind === 'amount' && <span aria-hidden="true"> €</span>}
      {input.error !== undefined && (
        <p id={`${input.id}-error`} className="field-error" role="alert">
          {input.error}
        </p>
      )}
    </div>
  );
}
