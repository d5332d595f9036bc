import { escapeHtml } from '@passerelle/server-kit';

export { escapeHtml };
/** A fragment of HTML that is trusted (built by {@link html} or {@link raw}), never escaped again. */
export class Html {
  constructor(readonly value: string) {}
  toString() {
    return this.value;
  }
}

/**
 * Marks a fragment as trusted markup. Only for constant markup written in this folder: anything
 * typed by a person or read from the database goes through {@link html}'s interpolation instead.
 */
export function raw(markup: string): Html {
  return new Html(markup);
}

/**
 * Tagged template that escapes every interpolated value except {@link Html} fragments; arrays
 * are joined; `undefined`, `null` and `false` render nothing. The only way portal pages build
 * markup, so nothing typed by a person or read from the database reaches a page unescaped.
 */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((value, i) => {
    out += render(value) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

function render(value: unknown): string {
  if (value instanceof Html) return value.value;
  if (Array.isArray(value)) return value.map(render).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(String(value));
}

const PARIS = 'Europe/Paris';

/** A date and time in French, Paris time ("28 novembre 2026 à 17:46"; seconds when asked). */
export function frenchDate(iso: string, options: { seconds?: boolean } = {}): string {
  return new Date(iso).toLocaleString('fr-FR', {
    timeZone: PARIS,
    dateStyle: 'long',
    timeStyle: options.seconds ? 'medium' : 'short',
  });
}

/** A day in French, Paris time ("28/11/2026"). */
export function frenchDay(iso: string): string {
  return new Date(iso).toLocaleDateString('fr-FR', { timeZone: PARIS });
}

/**
 * The page shell: one stylesheet (the CSP allows no inline style and no script), the partner's
 * name in the header, the page's own h1 inside <main>.
 */
export function layout(partnerName: string, title: string, body: Html): string {
  return html`<!doctype html>
    <html lang="fr">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} — ${partnerName}</title>
        <link rel="stylesheet" href="/portail/style.css" />
      </head>
      <body>
        <header><a href="/portail">${partnerName}</a></header>
        <main>${body}</main>
      </body>
    </html>`.value;
}
