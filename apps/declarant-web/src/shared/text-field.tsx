// A labelled input with its hint and its error sentence, both bound for assistive technology.
import type { InputHTMLAttributes } from 'react';
import type { FieldBinding } from './use-form';

type TextFieldProps = FieldBinding & {
  label: string;
  hint?: string;
  /** Ids of other sentences describing the field (e.g. a warning above a group of fields). */
  describedBy?: string;
} & Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'autoComplete' | 'inputMode'>;

/** `<label>` + `<input>`; the error has role="alert" and is referenced by aria-describedby. */
export function TextField({
  id,
  label,
  hint,
  describedBy: extra,
  error,
  type = 'text',
  ...input
}: TextFieldProps) {
  const hintId = hint === undefined ? undefined : `${id}-hint`;
  const errorId = error === undefined ? undefined : `${id}-error`;
  const describedBy = [extra, hintId, errorId].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint !== undefined && (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      )}
      <input
        id={id}
        type={type}
        aria-invalid={error === undefined ? undefined : true}
        aria-describedby={describedBy}
        {...input}
      />
      {error !== undefined && (
        <p id={errorId} className="field-error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
