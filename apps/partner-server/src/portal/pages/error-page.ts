import { alertBox } from '../form-widgets';
import { html, type Html } from '../html';

/** A refusal that has no form to go back to: its title, its French message, a way out. */
export function errorPage(title: string, message: string): Html {
  return html`<h1>${title}</h1>
    ${alertBox(message)}
    <p><a href="/portail">Retour à l’espace client</a></p>`;
}
