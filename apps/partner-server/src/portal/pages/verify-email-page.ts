import { html, type Html } from '../html';

/**
 * The page the emailed link opens: only its button confirms, because mail scanners fetch links
 * (GET) before the person does and must not use up the one-time token.
 */
export function confirmEmailPage(token: string): Html {
  return html`<h1>Confirmer votre adresse email</h1>
    <section>
      <p>Pour activer le compte client, confirmez l'adresse email qui a reçu ce lien.</p>
      <form method="post" action="/portail/verifier-email">
        <input type="hidden" name="jeton" value="${token}" />
        <button type="submit">Confirmer mon adresse email</button>
      </form>
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
