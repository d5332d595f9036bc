// Accessibility audit (issue #14 item 7): axe-core from the npm registry, evaluated in the page
// under test, with the WCAG 2.0 and 2.1 A and AA rules only.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import type { AxeResults, RunOptions } from 'axe-core';

const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

/** The conformance level asserted: WCAG 2.1 AA (with the 2.0 rules it includes). */
export const WCAG_21_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

const OPTIONS: RunOptions = {
  runOnly: { type: 'tag', values: WCAG_21_AA },
  // The inbox shows an email's HTML in a sandboxed iframe where no script may run: axe cannot
  // enter it (it would wait for the frame's answer); the iframe element itself is still audited.
  iframes: false,
  resultTypes: ['violations'],
};

/**
 * The WCAG 2.1 AA violations on the page as it is now, one readable line per rule: `state`, rule
 * id, impact, what it asks, the offending elements' selectors and axe's explanation of the first.
 * Evaluated through the DevTools protocol (`page.evaluate`), so the pages' Content Security
 * Policy, which forbids inline scripts, stays in force for the page itself.
 */
export async function axeViolations(page: Page, state: string): Promise<string[]> {
  const injected = await page.evaluate(() => 'axe' in window);
  if (!injected) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(
    (options) =>
      (window as unknown as { axe: { run(c: Document, o: unknown): Promise<AxeResults> } }).axe.run(
        document,
        options,
      ),
    OPTIONS,
  );
  return results.violations.map((violation) => {
    const targets = violation.nodes.map((node) => node.target.join(' ')).join(' | ');
    const first = violation.nodes[0]?.failureSummary?.replace(/\s+/g, ' ') ?? '';
    return `${state} — ${violation.id} (${violation.impact ?? '?'}): ${violation.help} — ${targets} — ${first}`;
  });
}
