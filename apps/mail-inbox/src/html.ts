import { escapeHtml } from '@passerelle/server-kit';

export { escapeHtml };

// http(s) only, so no `javascript:` link can come out of a message.
const URL_PATTERN = /https?:\/\/[^\s<>"'`]+/g;
// Sentence punctuation right after a URL belongs to the sentence, not to the URL.
const TRAILING_PUNCTUATION = /[.,;:!?)\]}»]+$/;

/** Escapes plain text and turns its http(s) URLs into links (the rest stays text). */
export function linkify(text: string): string {
  let out = '';
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(TRAILING_PUNCTUATION, '');
    out += escapeHtml(text.slice(last, match.index));
    out += `<a href="${escapeHtml(url)}" rel="noreferrer">${escapeHtml(url)}</a>`;
    last = match.index + url.length;
  }
  return out + escapeHtml(text.slice(last));
}

/** A date as people in France read it: Europe/Paris time, e.g. `14/07/2026 10:30:00`. */
export function parisTime(iso: string): string {
  return new Date(iso).toLocaleString('fr-FR', {
    timeZone: 'Europe/Paris',
    dateStyle: 'short',
    timeStyle: 'medium',
  });
}
