import { describe, expect, it } from 'vitest';
import { escapeHtml, linkify, parisTime } from './html';

describe('html helpers', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('links http(s) addresses, leaving sentence punctuation and other schemes as text', () => {
    expect(linkify('Voir https://exemple.fr/a?b=1&c=2, (http://x.test/y). ftp://z.test')).toBe(
      'Voir <a href="https://exemple.fr/a?b=1&amp;c=2" rel="noreferrer">https://exemple.fr/a?b=1&amp;c=2</a>, ' +
        '(<a href="http://x.test/y" rel="noreferrer">http://x.test/y</a>). ftp://z.test',
    );
    expect(linkify('« http://x.test/é »\nfin')).toBe(
      '« <a href="http://x.test/é" rel="noreferrer">http://x.test/é</a> »\nfin',
    );
  });

  it('shows instants in Paris time, summer and winter', () => {
    expect(parisTime('2026-07-14T08:30:00.000Z')).toBe('14/07/2026 10:30:00');
    expect(parisTime('2026-01-05T23:15:09.000Z')).toBe('06/01/2026 00:15:09');
  });
});
