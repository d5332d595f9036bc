import { alertBox, field } from '../form-widgets';
import { html, type Html } from '../html';
import { linkFormIdentity } from './form-parts';
import type { FormError } from './sign-in-page';

/**
 * The page the emailed link opens. Only its form confirms, because mail scanners fetch links
 * (GET) before the person does and must not use up the one-time token; and the form asks for
 * the password chosen at registration, so that the address is confirmed only by someone who
 * both reads the mailbox and chose that password (never a stranger's account on one's address).
 */
export function confirmEmailPage(options: {
  token: string;
  email: string;
  error?: FormError | undefined;
}): Html {
  const { error } = options;
  const onField = error?.field === 'password';
  return html`<h1>Confirmer votre adresse email</h1>
    ${alertBox(error && !onField ? error.message : undefined)}
    <section>
      <p>
        Pour activer le compte client de <strong>${options.email}</strong>, saisissez le mot de
        passe choisi lors de sa création.
      </p>
      <form method="post" action="/portail/verifier-email" novalidate>
        ${linkFormIdentity(options)}
        ${field({
          name: 'password',
          label: 'Mot de passe',
          type: 'password',
          error: onField ? error.message : undefined,
          autocomplete: 'current-password',
        })}
        <button type="submit">Confirmer mon adresse email</button>
      </form>
      <p>
        Vous n’avez pas créé ce compte ? Ignorez ce lien : sans confirmation, la demande est
        supprimée. Mot de passe oublié avant la confirmation ?
        <a href="/portail/creer-un-compte">Créez le compte à nouveau</a> : la nouvelle demande
        remplace celle-ci.
      </p>
    </section>`;
}

/** The address is confirmed and the account subscribed: the code is on its way. */
export function emailConfirmedPage(email: string): Html {
  return html`<h1>Adresse email confirmée</h1>
    <section>
      <p role="status">
        Le compte client est abonné à EDI-TDFC. Le code confidentiel EDI-TDFC a été envoyé par email
        à <strong>${email}</strong>.
      </p>
      <p><a href="/portail/connexion">Se connecter</a></p>
    </section>`;
}
