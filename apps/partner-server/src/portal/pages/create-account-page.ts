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
  { name: 'adminFirstName', label: "Prénom de l'administrateur", autocomplete: 'given-name' },
  { name: 'adminLastName', label: "Nom de l'administrateur", autocomplete: 'family-name' },
  {
    name: 'adminEmail',
    label: "Adresse email de l'administrateur",
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
    <p>Déjà un compte ? <a href="/portail/connexion">Se connecter</a></p>`;
}

/** After creation: the address must be confirmed from the emailed link. */
export function accountCreatedPage(email: string): Html {
  return html`<h1>Vérifiez votre adresse email</h1>
    <section>
      <p role="status">
        Un lien de confirmation a été envoyé à <strong>${email}</strong>. Ouvrez-le pour activer le
        compte client ; le code confidentiel EDI-TDFC sera alors envoyé à cette même adresse.
      </p>
    </section>`;
}
