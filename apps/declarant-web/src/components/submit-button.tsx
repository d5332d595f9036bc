// The submit button of a form, disabled while its request is in flight.
import type { ReactNode } from 'react';

/** A submit button whose visible text stays the same; disabled while `busy`. */
export function SubmitButton({ busy, children }: { busy: boolean; children: ReactNode }) {
  return (
    <button type="submit" className="button button-primary" disabled={busy} aria-busy={busy}>
      {children}
    </button>
  );
}
