// The browser of one spec file, as Vitest hooks: launched once, a fresh traced context per
// need, and after each test every context closed (its screenshots and trace kept on failure).
import type { BrowserContext, Page, Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchBrowser, newTracedContext, saveFailureArtifacts } from './browser';

/** What a spec gets from {@link useBrowser}. */
export interface TestBrowser {
  /** A fresh context (own cookies, in French, traced), closed after the test. */
  newContext(): Promise<BrowserContext>;
  /** A page in a fresh context. */
  newPage(): Promise<Page>;
}

/** Registers the hooks of a spec's browser (call it in the `describe`). */
export function useBrowser(): TestBrowser {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async ({ task }) => {
    const failed = task.result?.state === 'fail';
    for (const [index, context] of contexts.splice(0).entries()) {
      const name = index === 0 ? task.name : `${task.name}-${index}`;
      if (failed) await saveFailureArtifacts(name, context, context.pages());
      await context.close();
    }
  });
  afterAll(async () => {
    await browser?.close();
  });
  const newContext = async () => {
    if (browser === undefined) throw new Error('the browser is not launched yet');
    const context = await newTracedContext(browser);
    contexts.push(context);
    return context;
  };
  return { newContext, newPage: async () => (await newContext()).newPage() };
}
