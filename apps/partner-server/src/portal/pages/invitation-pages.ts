import { field } from '../form-widgets';
import { html, type Html } from '../html';
import { errorOn, formAlert, linkFormIdentity, newPasswordInputs } from './form-parts';
import type { FormError } from './sign-in-page';

/** "Inviter un utilisateur" (administrator): the person's address and names. */
export function inviteUserPage(
  options: {
    values?: {
      email?: string | undefined;
      firstName?: string | undefined;
      lastName?: string | undefined;
    };
    error?: FormError | undefined;
  } = {},
): Html {
  const { error, values = {} } = options;
  const fields = ['email', 'firstName', 'lastName'];
  return html`<h1>Inviter un utilisateur</h1>
    ${formAlert(error, fields)}
    <section>
      <p>
        La personne reçoit par email un lien à usage unique pour choisir son mot de passe. Elle
        pourra ensuite connecter son logiciel à l’espace client et créer sa signature avec le code
        confidentiel EDI-TDFC.
      </p>
      <form method="post" action="/portail/utilisateurs" novalidate>
        ${field({
          name: 'email',
          label: 'Adresse email',
          type: 'email',
          value: values.email,
          error: errorOn(error, 'email'),
          autocomplete: 'off',
        })}
        ${field({
          name: 'firstName',
          label: 'Prénom',
          value: values.firstName,
          error: errorOn(error, 'firstName'),
          autocomplete: 'off',
        })}
        ${field({
          name: 'lastName',
          label: 'Nom',
          value: values.lastName,
          error: errorOn(error, 'lastName'),
          autocomplete: 'off',
        })}
        <button type="submit">Envoyer l’invitation</button>
      </form>
    </section>
    <p><a href="/portail">Retour à l’espace client</a></p>`;
}

/** The page the emailed invitation link opens: only its form uses the link. */
export function acceptInvitationPage(options: {
  token: string;
  email: string;
  error?: FormError | undefined;
}): Html {
  const { error } = options;
  const fields = ['password', 'passwordConfirmation'];
  return html`<h1>Choisir votre mot de passe</h1>
    ${formAlert(error, fields)}
    <section>
      <p>
        Accès personnel à l’espace client pour <strong>${options.email}</strong>. Ce mot de passe
        servira aussi à connecter votre logiciel à l’espace client.
      </p>
      <form method="post" action="/portail/invitation" novalidate>
        ${linkFormIdentity(options)}
        ${newPasswordInputs(error, {
          password: 'Mot de passe',
          confirmation: 'Confirmation du mot de passe',
        })}
        <button type="submit">Enregistrer le mot de passe</button>
      </form>
    </section>`;
}
