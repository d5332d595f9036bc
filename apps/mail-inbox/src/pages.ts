import type { ReceivedMail } from '@passerelle/mail';
import { escapeHtml, linkify, parisTime } from './html';

/** The page style, served as /style.css (the CSP allows no inline style). */
export const STYLE = `body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #ccd;vertical-align:top}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#f4f5f7;padding:1rem;border-radius:4px}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:600}dd{margin:0}
iframe{width:100%;height:30rem;border:1px solid #ccd}.note{color:#555}
`;

/**
 * The list's script, served as /refresh.js: every 5 s it asks for the messages and reloads the
 * page only when they changed. A timed `<meta http-equiv="refresh">` reloaded the page under the
 * reader every 5 s, which WCAG 2.2.1 forbids (axe-core's meta-refresh rule).
 */
export const REFRESH_SCRIPT = `'use strict';
const shown = document.body.dataset.messages;
setInterval(() => {
  fetch('/api/messages', { cache: 'no-store' })
    .then((answer) => answer.json())
    .then(({ messages }) => {
      if (messages.map((m) => m.id).join(',') !== shown) location.reload();
    })
    .catch(() => undefined);
}, 5000);
`;

/** A page; `messageIds` (the list's) makes it reload itself when the messages change. */
function layout(title: string, body: string, messageIds?: string[]): string {
  const watched =
    messageIds === undefined ? '' : ` data-messages="${escapeHtml(messageIds.join(','))}"`;
  return (
    `<!doctype html><html lang="fr"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${escapeHtml(title)}</title><link rel="stylesheet" href="/style.css">` +
    (messageIds === undefined ? '' : '<script src="/refresh.js" defer></script>') +
    `</head><body${watched}><main>${body}</main></body></html>`
  );
}

const subjectOf = (mail: ReceivedMail) => mail.subject || '(sans objet)';

/** The list of messages, newest first; it reloads itself when a message arrives. */
export function listPage(messages: ReceivedMail[], maxMessages: number): string {
  const rows = messages
    .map(
      (m) =>
        `<tr><td>${escapeHtml(parisTime(m.receivedAt))}</td><td>${escapeHtml(m.from)}</td>` +
        `<td>${escapeHtml(m.to.join(', '))}</td>` +
        `<td><a href="/messages/${encodeURIComponent(m.id)}">${escapeHtml(subjectOf(m))}</a></td></tr>`,
    )
    .join('');
  const table =
    messages.length === 0
      ? '<p>Aucun message pour le moment.</p>'
      : '<table><thead><tr><th scope="col">Reçu le</th><th scope="col">De</th>' +
        `<th scope="col">À</th><th scope="col">Objet</th></tr></thead><tbody>${rows}</tbody></table>`;
  return layout(
    'Boîte de réception locale',
    '<h1>Boîte de réception locale</h1>' +
      '<p>Les emails envoyés par Passerelle pendant la démonstration arrivent ici. ' +
      `Ils sont gardés en mémoire seulement (les ${maxMessages} plus récents) ` +
      'et disparaissent à l’arrêt. La page se met à jour d’elle-même quand un message arrive.</p>' +
      table,
    messages.map((m) => m.id),
  );
}

/** One message: its headers, its text with http(s) addresses as links, its HTML sandboxed. */
export function messagePage(mail: ReceivedMail): string {
  // A sandbox without allowances: no script, no form, no same-origin access to this page.
  const htmlPart =
    mail.html === undefined
      ? ''
      : '<h2>Version HTML</h2><p class="note">Affichée sans scripts, formulaires, styles intégrés ni images distantes.</p>' +
        `<iframe sandbox="" srcdoc="${escapeHtml(mail.html)}" title="Version HTML du message"></iframe>`;
  return layout(
    subjectOf(mail),
    '<p><a href="/">← Boîte de réception</a></p>' +
      `<h1>${escapeHtml(subjectOf(mail))}</h1>` +
      `<dl><dt>De</dt><dd>${escapeHtml(mail.from)}</dd>` +
      `<dt>À</dt><dd>${escapeHtml(mail.to.join(', '))}</dd>` +
      `<dt>Reçu le</dt><dd>${escapeHtml(parisTime(mail.receivedAt))}</dd></dl>` +
      `<h2>Texte</h2><pre>${linkify(mail.text)}</pre>` +
      htmlPart,
  );
}

/** The page for an unknown or dropped message id. */
export function notFoundPage(): string {
  return layout(
    'Message introuvable',
    '<p><a href="/">← Boîte de réception</a></p><h1>Message introuvable</h1>' +
      '<p>Il a peut-être été effacé, ou la boîte a redémarré (les messages sont en mémoire).</p>',
  );
}
