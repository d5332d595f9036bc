// A labelled select with its error sentence.
import type { FieldBinding } from './use-form';

type SelectFieldProps = FieldBinding & {
  label: string;
  options: readonly { value: string; label: string }[];
};

/** `<label>` + `<select>`; the error has role="alert" and is referenced by aria-describedby. */
export function SelectField({ id, label, error, options, ...select }: SelectFieldProps) {
  const errorId = error === undefined ? undefined : `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={errorId}
        {...select}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {error !== undefined && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
