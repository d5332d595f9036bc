// The frame of a form sent to the API: no browser validation (the contract's schema checks it),
// its refusal as a whole above the fields, its submit button under them; and the "Fermer" button
// of a side panel's form.
import type { FormEvent, ReactNode } from 'react';
import { ErrorAlert } from './alerts';
import type { FormErrors } from './errors';
import { SubmitButton } from './submit-button';

/**
 * `<form className="form" noValidate>`: the form's error sentence, the fields, then the submit
 * button, disabled while the form's request is in flight.
 */
export function FormFrame({
  form,
  onSubmit,
  submit,
  busyText,
  children,
}: {
  /** The `useForm` state: its errors and whether its request is in flight. */
  form: { errors: FormErrors; busy: boolean };
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** The submit button's text. */
  submit: ReactNode;
  /** The button's text while the request is in flight (e.g. "Enregistrement…"). */
  busyText?: string;
  children: ReactNode;
}) {
  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      <ErrorAlert message={form.errors.form} />
      {children}
      <SubmitButton busy={form.busy} busyText={busyText}>
        {submit}
      </SubmitButton>
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
