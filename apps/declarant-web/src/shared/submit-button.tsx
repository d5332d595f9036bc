// The submit button of a form, disabled while its request is in flight.
import type { ReactNode } from 'react';

/**
 * A submit button, disabled while `busy`; its text stays the same unless `busyText` is given
 * (e.g. "Enregistrement…").
 */
export function SubmitButton({
  busy,
  busyText,
  children,
}: {
  busy: boolean;
  busyText?: string;
  children: ReactNode;
}) {
  return (
    <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
      {busy && busyText !== undefined ? busyText : children}
    </button>
  );
}
