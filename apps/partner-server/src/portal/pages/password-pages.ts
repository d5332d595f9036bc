import { field } from '../form-widgets';
import { html, type Html } from '../html';
import {
  errorOn,
  formAlert,
  hiddenUsername,
  linkFormIdentity,
  newPasswordInputs,
} from './form-parts';
import type { FormError } from './sign-in-page';

const NEW_PASSWORD = {
  password: 'Nouveau mot de passe',
  confirmation: 'Confirmation du nouveau mot de passe',
};

/** "Mot de passe oublié" (from the sign-in page): the address to send a reset link to. */
export function forgotPasswordPage(
  options: { email?: string | undefined; error?: FormError | undefined } = {},
): Html {
  const { error } = options;
  return html`<h1>Mot de passe oublié</h1>
    ${formAlert(error, ['email'])}
    <section>
      <p>
        Saisissez l’adresse email du compte client : un lien pour choisir un nouveau mot de passe y
        sera envoyé.
      </p>
      <form method="post" action="/portail/mot-de-passe-oublie" novalidate>
        ${field({
          name: 'email',
          label: 'Adresse email',
          type: 'email',
          value: options.email,
          error: errorOn(error, 'email'),
          autocomplete: 'username',
        })}
        <button type="submit">Envoyer le lien</button>
      </form>
    </section>
    <p><a href="/portail/connexion">Retour à la connexion</a></p>`;
}

/** After the request: the same words whether the address has an account or not. */
export function resetLinkSentPage(email: string, minutes: number): Html {
  return html`<h1>Vérifiez votre adresse email</h1>
    <section>
      <p role="status">
        Si un compte client existe avec l’adresse <strong>${email}</strong>, un lien pour choisir un
        nouveau mot de passe vient d’y être envoyé. Il est valable ${minutes} minutes et ne sert
        qu’une fois.
      </p>
      <p><a href="/portail/connexion">Retour à la connexion</a></p>
    </section>`;
}

/** The page the emailed reset link opens: only its form uses the link. */
export function newPasswordPage(options: {
  token: string;
  email: string;
  error?: FormError | undefined;
}): Html {
  const { error } = options;
  return html`<h1>Choisir un nouveau mot de passe</h1>
    ${formAlert(error, ['password', 'passwordConfirmation'])}
    <section>
      <p>
        Compte client de <strong>${options.email}</strong>. Les sessions ouvertes et les connexions
        des logiciels seront fermées.
      </p>
      <form method="post" action="/portail/nouveau-mot-de-passe" novalidate>
        ${linkFormIdentity(options)} ${newPasswordInputs(error, NEW_PASSWORD)}
        <button type="submit">Enregistrer le mot de passe</button>
      </form>
    </section>`;
}

/** "Changer le mot de passe" (signed in): the current password, then the new one twice. */
export function changePasswordPage(options: { email: string; error?: FormError | undefined }) {
  const { error } = options;
  return html`<h1>Changer le mot de passe</h1>
    ${formAlert(error, ['currentPassword', 'password', 'passwordConfirmation'])}
    <section>
      <p>
        Les autres sessions de l’espace client et les connexions des logiciels (Passerelle…) seront
        fermées : reconnectez-les ensuite avec le nouveau mot de passe.
      </p>
      <form method="post" action="/portail/mot-de-passe" novalidate>
        ${hiddenUsername(options.email)}
        ${field({
          name: 'currentPassword',
          label: 'Mot de passe actuel',
          type: 'password',
          error: errorOn(error, 'currentPassword'),
          autocomplete: 'current-password',
        })}
        ${newPasswordInputs(error, NEW_PASSWORD)}
        <button type="submit">Changer le mot de passe</button>
      </form>
    </section>
    <p><a href="/portail">Retour à l’espace client</a></p>`;
}
