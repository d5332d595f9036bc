// "Prénom", "Nom", "Adresse email": who a user is, in the forms that create one (the first
// administrator at setup, a user added by an administrator).
import type { FieldBinding } from './use-form';
import { TextField } from './text-field';

/** The person's fields of a form whose request has `firstName`, `lastName` and `email`. */
export function PersonFields({
  field,
  own,
}: {
  /** The form's `field` (`useForm`). */
  field: (name: 'firstName' | 'lastName' | 'email') => FieldBinding;
  /**
   * True when the person fills in their own details (the browser may offer its autofill, and
   * the email is the account's username for password managers); false for someone else.
   */
  own: boolean;
}) {
  return (
    <>
      <TextField label="Prénom" autoComplete={own ? 'given-name' : 'off'} {...field('firstName')} />
      <TextField label="Nom" autoComplete={own ? 'family-name' : 'off'} {...field('lastName')} />
      <TextField
        label="Adresse email"
        type="email"
        autoComplete={own ? 'username' : 'off'}
        {...field('email')}
      />
    </>
  );
}
