import { alertBox, field } from '../form-widgets';
import { html, type Html } from '../html';
import type { FormError } from './sign-in-page';

const errorOn = (error: FormError | undefined, name: string) =>
  error?.field === name ? error.message : undefined;

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
    ${alertBox(error && !fields.includes(error.field ?? '') ? error.message : undefined)}
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
    ${alertBox(error && !fields.includes(error.field ?? '') ? error.message : undefined)}
    <section>
      <p>
        Accès personnel à l’espace client pour <strong>${options.email}</strong>. Ce mot de passe
        servira aussi à connecter votre logiciel à l’espace client.
      </p>
      <form method="post" action="/portail/invitation" novalidate>
        <input type="hidden" name="jeton" value="${options.token}" />
        <input
          type="email"
          name="username"
          value="${options.email}"
          autocomplete="username"
          hidden
          readonly
        />
        ${field({
          name: 'password',
          label: 'Mot de passe',
          type: 'password',
          error: errorOn(error, 'password'),
          autocomplete: 'new-password',
        })}
        ${field({
          name: 'passwordConfirmation',
          label: 'Confirmation du mot de passe',
          type: 'password',
          error: errorOn(error, 'passwordConfirmation'),
          autocomplete: 'new-password',
        })}
        <button type="submit">Enregistrer le mot de passe</button>
      </form>
    </section>`;
}
