// The frame of a form sent to the API: no browser validation (the contract's schema checks it),
// its refusal as a whole above the fields; and the "Fermer" button of a side panel's form.
import type { FormEvent, ReactNode } from 'react';
import { ErrorAlert } from './alerts';

/** `<form className="form" noValidate>` with the form's error sentence first. */
export function FormFrame({
  error,
  onSubmit,
  children,
}: {
  error: string | null;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  children: ReactNode;
}) {
  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      <ErrorAlert message={error} />
      {children}
    </form>
  );
}

/** "Fermer" under a side panel's form. */
export function CloseButton({ onClose }: { onClose: () => void }) {
  return (
    <button type="button" className="button" onClick={onClose}>
      Fermer
    </button>
  );
}
