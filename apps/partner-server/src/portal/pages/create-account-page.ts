import { alertBox, field } from '../form-widgets';
import { html, type Html } from '../html';
import type { FormError } from './sign-in-page';

/** Values typed in the account form that are written back after a refusal (never passwords). */
export interface AccountFormValues {
  firmName?: string | undefined;
  siret?: string | undefined;
  adminFirstName?: string | undefined;
  adminLastName?: string | undefined;
  adminEmail?: string | undefined;
}

/** The form's inputs, in order, with their exact French labels. */
const FIELDS = [
  { name: 'firmName', label: 'Raison sociale', autocomplete: 'organization' },
  { name: 'siret', label: 'SIRET', autocomplete: 'off' },
  { name: 'adminFirstName', label: 'Prénom de l’administrateur', autocomplete: 'given-name' },
  { name: 'adminLastName', label: 'Nom de l’administrateur', autocomplete: 'family-name' },
  {
    name: 'adminEmail',
    label: 'Adresse email de l’administrateur',
    type: 'email',
    autocomplete: 'email',
  },
  { name: 'password', label: 'Mot de passe', type: 'password', autocomplete: 'new-password' },
  {
    name: 'passwordConfirmation',
    label: 'Confirmation du mot de passe',
    type: 'password',
    autocomplete: 'new-password',
  },
] as const;

/** Whether a refusal belongs next to one of the account form's inputs. */
export function isAccountFormField(name: string | undefined): boolean {
  return FIELDS.some((f) => f.name === name);
}

/** "Créer un compte client": the form, with a refusal next to its field. */
export function createAccountPage(
  options: { values?: AccountFormValues; error?: FormError | undefined } = {},
): Html {
  const values: Record<string, string | undefined> = { ...options.values };
  const { error } = options;
  const onField = isAccountFormField(error?.field);
  return html`<h1>Créer un compte client</h1>
    ${alertBox(error && !onField ? error.message : undefined)}
    <section>
      <form method="post" action="/portail/creer-un-compte" novalidate>
        ${FIELDS.map((f) =>
          field({
            name: f.name,
            label: f.label,
            type: 'type' in f ? f.type : 'text',
            value: values[f.name],
            error: error?.field === f.name ? error.message : undefined,
            autocomplete: f.autocomplete,
          }),
        )}
        <button type="submit">Créer</button>
      </form>
    </section>
    <p>Déjà un compte ? <a href="/portail/connexion">Se connecter</a></p>`;
}

/**
 * After the form: the same words whether the address was new or already an account's (its
 * owner then gets a reminder instead of a link), so the page tells nobody which it was.
 */
export function accountCreatedPage(email: string, hours: number): Html {
  return html`<h1>Vérifiez votre adresse email</h1>
    <section>
      <p role="status">
        Un email a été envoyé à <strong>${email}</strong>. Pour activer le compte client, ouvrez le
        lien qu’il contient dans les ${hours} heures et saisissez le mot de passe que vous venez de
        choisir ; le code confidentiel EDI-TDFC sera alors envoyé à cette même adresse. Si cette
        adresse a déjà un compte client, l’email vous le rappelle.
      </p>
    </section>`;
}
