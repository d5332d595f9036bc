import type { ReceivedMail } from '@passerelle/mail';

const escape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

const date = (iso: string) =>
  new Date(iso).toLocaleString('fr-FR', {
    timeZone: 'Europe/Paris',
    dateStyle: 'short',
    timeStyle: 'medium',
  });

const STYLE = `body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1b1f24}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem;border-bottom:1px solid #ccd}
pre{white-space:pre-wrap;background:#f4f5f7;padding:1rem;border-radius:4px}`;

function layout(title: string, body: string, refresh = false): string {
  return `<!doctype html><html lang="fr"><head><meta charset="utf-8"><title>${escape(title)}</title>${
    refresh ? '<meta http-equiv="refresh" content="5">' : ''
  }<style>${STYLE}</style></head><body><main>${body}</main></body></html>`;
}

/** The list of messages, newest first (refreshes itself every 5 s). */
export function listPage(messages: ReceivedMail[]): string {
  const rows = messages
    .map(
      (m) =>
        `<tr><td>${escape(date(m.receivedAt))}</td><td>${escape(m.from)}</td><td>${escape(m.to.join(', '))}</td>` +
        `<td><a href="/messages/${escape(m.id)}">${escape(m.subject || '(sans objet)')}</a></td></tr>`,
    )
    .join('');
  return layout(
    'Boîte de réception locale',
    `<h1>Boîte de réception locale</h1><p>Tous les emails envoyés par Passerelle pendant la démonstration arrivent ici. Ils sont gardés en mémoire et disparaissent à l'arrêt.</p>` +
      (messages.length === 0
        ? '<p>Aucun message pour le moment.</p>'
        : `<table><thead><tr><th>Reçu le</th><th>De</th><th>À</th><th>Objet</th></tr></thead><tbody>${rows}</tbody></table>`),
    true,
  );
}

/** One message: headers and its text, with addresses turned into links. */
export function messagePage(mail: ReceivedMail): string {
  const text = escape(mail.text).replace(
    /https?:\/\/[^\s<]+/g,
    (url) => `<a href="${url}">${url}</a>`,
  );
  return layout(
    mail.subject || 'Message',
    `<p><a href="/">← Boîte de réception</a></p><h1>${escape(mail.subject || '(sans objet)')}</h1>` +
      `<p>De : ${escape(mail.from)}<br>À : ${escape(mail.to.join(', '))}<br>Reçu le ${escape(date(mail.receivedAt))}</p>` +
      `<pre>${text}</pre>`,
  );
}
