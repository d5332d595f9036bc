import type { Page, PortalDashboardQuery } from '@passerelle/contracts';
import { html, type Html } from './html';

/** The dashboard's paged sections, named as in the query string. */
export type PagedSection = 'depots' | 'signatures' | 'connexions' | 'utilisateurs';

const SECTIONS: readonly PagedSection[] = ['depots', 'signatures', 'connexions', 'utilisateurs'];

/** The dashboard's URL with one section moved to `cursor` (its first page when undefined). */
function dashboardUrl(
  query: PortalDashboardQuery,
  section: PagedSection,
  cursor: string | undefined,
  anchor: string,
): string {
  const params = new URLSearchParams();
  for (const name of SECTIONS) {
    const value = name === section ? cursor : query[name];
    if (value !== undefined) params.set(name, value);
  }
  const search = params.toString();
  return `/portail${search ? `?${search}` : ''}#${anchor}`;
}

/**
 * The links under a paged section: "… plus anciens" to its next page, and "Revenir au début"
 * once past the first; the other sections keep their own page. Plain links: the portal has no
 * script, and a keyset cursor only goes forward.
 */
export function sectionPager(options: {
  section: PagedSection;
  query: PortalDashboardQuery;
  nextCursor: string | null;
  /** The section's heading id: the links bring the reader back to it. */
  anchor: string;
  /** "Dépôts plus anciens", … */
  nextLabel: string;
  /** Accessible name of the navigation ("Pages des dépôts"). */
  name: string;
}): Html {
  const { section, query, nextCursor, anchor } = options;
  const started = query[section] !== undefined;
  if (nextCursor === null && !started) return html``;
  return html`<nav aria-label="${options.name}" class="pager">
    ${
      started
        ? html`<a href="${dashboardUrl(query, section, undefined, anchor)}">Revenir au début</a>`
        : ''
    }
    ${
      nextCursor !== null
        ? html`<a href="${dashboardUrl(query, section, nextCursor, anchor)}"
            >${options.nextLabel}</a
          >`
        : ''
    }
  </nav>`;
}

/** "1 234 dépôts" (French thousands), or nothing when the page does not know the count. */
export function countLine(total: number | null, singular: string, plural: string): Html {
  if (total === null) return html``;
  return html`<p>${total.toLocaleString('fr-FR')} ${total > 1 ? plural : singular}</p>`;
}

/** A section's table of one page of items, or the sentence that says there are none. */
export function sectionTable<T>(options: {
  items: readonly T[];
  empty: string;
  headers: readonly string[];
  row: (item: T) => Html;
}): Html {
  if (options.items.length === 0) return html`<p>${options.empty}</p>`;
  return html`<table>
    <thead>
      <tr>
        ${options.headers.map((header) => html`<th scope="col">${header}</th>`)}
      </tr>
    </thead>
    <tbody>
      ${options.items.map(options.row)}
    </tbody>
  </table>`;
}

/**
 * One paged section of the dashboard: its heading (`titre-<section>`, where the pager's links
 * bring the reader back), `intro`, the count, the page's table (or `empty`), the pager and
 * `outro`.
 */
export function pagedSection<T>(options: {
  section: PagedSection;
  /** The heading: "Dépôts", "Signatures"… (the pager is named "Pages des dépôts"…). */
  title: string;
  page: Page<T>;
  query: PortalDashboardQuery;
  count: { singular: string; plural: string };
  empty: string;
  headers: readonly string[];
  row: (item: T) => Html;
  nextLabel: string;
  intro?: Html;
  outro?: Html;
}): Html {
  const { section, title, page } = options;
  const anchor = `titre-${section}`;
  return html`<section aria-labelledby="${anchor}">
    <h2 id="${anchor}">${title}</h2>
    ${options.intro ?? ''} ${countLine(page.total, options.count.singular, options.count.plural)}
    ${sectionTable({ items: page.items, empty: options.empty, headers: options.headers, row: options.row })}
    ${sectionPager({
      section,
      query: options.query,
      nextCursor: page.nextCursor,
      anchor,
      nextLabel: options.nextLabel,
      name: `Pages des ${title.toLowerCase()}`,
    })}
    ${options.outro ?? ''}
  </section>`;
}
