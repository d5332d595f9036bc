import { alertBox, field } from '../form-widgets';
import { html, type Html } from '../html';
import type { FormError } from './sign-in-page';

/** The refusal's message for `name` when it is about that input. */
export const errorOn = (error: FormError | undefined, name: string) =>
  error?.field === name ? error.message : undefined;

/** A refusal that is about none of `names`, shown above the form. */
export const formAlert = (error: FormError | undefined, names: string[]) =>
  alertBox(error && !names.includes(error.field ?? '') ? error.message : undefined);

/**
 * The hidden part of a form an emailed link opens: its one-time token, and the address as a
 * read-only username, so that password managers file the new password under it.
 */
export function linkFormIdentity(options: { token: string; email: string }): Html {
  return html`<input type="hidden" name="jeton" value="${options.token}" />
    ${hiddenUsername(options.email)}`;
}

/** The account's address as a hidden, read-only username, for password managers. */
export function hiddenUsername(email: string): Html {
  return html`<input
    type="email"
    name="username"
    value="${email}"
    autocomplete="username"
    hidden
    readonly
  />`;
}

/** The two inputs of a new password (`password`, `passwordConfirmation`), with their refusals. */
export function newPasswordInputs(
  error: FormError | undefined,
  labels: { password: string; confirmation: string },
): Html {
  return html`${field({
    name: 'password',
    label: labels.password,
    type: 'password',
    error: errorOn(error, 'password'),
    autocomplete: 'new-password',
  })}
  ${field({
    name: 'passwordConfirmation',
    label: labels.confirmation,
    type: 'password',
    error: errorOn(error, 'passwordConfirmation'),
    autocomplete: 'new-password',
  })}`;
}
