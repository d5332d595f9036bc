import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const root = resolve(import.meta.dirname, '../..');
/** Where failed tests leave their screenshot and Playwright trace (git-ignored). */
export const ARTIFACTS_DIR = join(root, 'test-results', 'e2e');

/** Debian's Chromium (never a downloaded browser); `CHROMIUM_PATH` overrides. */
export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) {
    throw new Error(`Chromium introuvable (${path}) : apt-get install -y chromium`);
  }
  return path;
}

/** Launches headless Chromium with the flags this closed network needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser context (own cookies) with tracing on, in French. */
export async function newTracedContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'fr-FR', timezoneId: 'Europe/Paris' });
  context.setDefaultTimeout(15_000);
  await context.tracing.start({ screenshots: true, snapshots: true });
  return context;
}

/** Saves a screenshot of each page and the trace under test-results/e2e/<name>. */
export async function saveFailureArtifacts(name: string, context: BrowserContext, pages: Page[]) {
  mkdirSync(ARTIFACTS_DIR, { recursive: true });
  const safe = name.replace(/[^\w-]+/g, '_').slice(0, 120);
  for (const [index, page] of pages.entries()) {
    await page
      .screenshot({ path: join(ARTIFACTS_DIR, `${safe}-${index}.png`), fullPage: true })
      .catch(() => undefined);
  }
  await context.tracing
    .stop({ path: join(ARTIFACTS_DIR, `${safe}-trace.zip`) })
    .catch(() => undefined);
}
