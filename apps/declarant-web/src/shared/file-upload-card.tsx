// A card that sends one chosen file: its heading, file input with hint, the French refusal of the
// server (or of `send` itself) under the input, and a button busy while it is sent. Used by
// "Importer des déclarations" and "Campagnes".
import { useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { errorText } from './errors';

export interface FileUploadCardProps<T> {
  /** Prefix of the element ids (`<id>-titre`, `<id>-fichier`). */
  id: string;
  title: string;
  label: string;
  hint: string;
  accept: string;
  button: string;
  busyButton: string;
  /** Shown when the button is pressed before a file is chosen. */
  noFileMessage: string;
  send: (file: File) => Promise<T>;
  onSent: (result: T) => void;
  /** The text of a refusal (default: the API error's French text). */
  refusalText?: (caught: unknown) => string | null;
}

/** One file sent at a time; the input is emptied once it is accepted. */
export function FileUploadCard<T>(props: FileUploadCardProps<T>) {
  const { id, title, label, hint, accept, button, busyButton } = props;
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const inputId = `${id}-fichier`;
  const errorId = `${inputId}-error`;

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (busy) return;
    const file = input.current?.files?.[0];
    if (file === undefined) {
      setError(props.noFileMessage);
      input.current?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      props.onSent(await props.send(file));
      if (input.current !== null) input.current.value = '';
    } catch (caught) {
      setError((props.refusalText ?? errorText)(caught));
      input.current?.focus();
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby={`${id}-titre`}>
      <h2 id={`${id}-titre`}>{title}</h2>
      <form className="form" noValidate onSubmit={(event) => void submit(event)}>
        <div className="field">
          <label htmlFor={inputId}>{label}</label>
          <p id={`${inputId}-hint`} className="field-hint">
            {hint}
          </p>
          <input
            ref={input}
            id={inputId}
            type="file"
            accept={accept}
            aria-invalid={error === null ? undefined : true}
            aria-describedby={[`${inputId}-hint`, error === null ? '' : errorId]
              .filter(Boolean)
              .join(' ')}
            onChange={() => setError(null)}
          />
          {error !== null && (
            <p id={errorId} className="field-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
          {busy ? busyButton : button}
        </button>
      </form>
    </section>
  );
}
