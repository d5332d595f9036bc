// The input of one cell (or one row of a repeatable cell), by kind: amount, box, list, date,
// text, or a read-only value that anomaly links can still focus.
import type { CellInputKind, EditorCell } from './declaration-cells';

/** One input's id, shown text and refusal. */
export interface InputState {
  id: string;
  text: string;
  error: string | undefined;
}

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
export function CellInput({
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
