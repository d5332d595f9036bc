import { alertBox, field, statusBox } from '../form-widgets';
import { html, type Html } from '../html';

/** A refusal of the sign-in form: on one field (format) or on the whole (credentials, limits). */
export interface FormError {
  message: string;
  field?: string | undefined;
}

/** "Connexion à l'espace client", with the typed email kept after a refusal (never the password). */
export function signInPage(options: {
  email?: string | undefined;
  error?: FormError | undefined;
  notice?: string | undefined;
}): Html {
  const { error } = options;
  const errorOf = (name: string) => (error?.field === name ? error.message : undefined);
  const onField = error?.field === 'email' || error?.field === 'password';
  return html`<h1>Connexion à l’espace client</h1>
    ${statusBox(options.notice)} ${alertBox(error && !onField ? error.message : undefined)}
    <section>
      <form method="post" action="/portail/connexion" novalidate>
        ${field({
          name: 'email',
          label: 'Adresse email',
          type: 'email',
          value: options.email,
          error: errorOf('email'),
          autocomplete: 'username',
        })}
        ${field({
          name: 'password',
          label: 'Mot de passe',
          type: 'password',
          error: errorOf('password'),
          autocomplete: 'current-password',
        })}
        <button type="submit">Se connecter</button>
      </form>
      <p><a href="/portail/mot-de-passe-oublie">Mot de passe oublié ?</a></p>
    </section>
    <p>Pas encore de compte ? <a href="/portail/creer-un-compte">Créer un compte client</a></p>`;
}
