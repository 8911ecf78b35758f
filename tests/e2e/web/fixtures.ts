/**
 * Each test gets its own bridge process on a fresh data folder and a page of Debian's Chromium
 * opened on it, waiting for the app's "ready" marker. Requests to anywhere but the app's own
 * origin fail the test (GaitLens is offline), and so do page errors (CSP violations included).
 */
import { test as base, chromium, expect, type Browser, type Page } from '@playwright/test';
import { startBridgeProcess, removeDataDir, type BridgeProcess } from '../../support/bridge-process.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/chromium.ts';

interface Fixtures {
  bridge: BridgeProcess;
  app: Page;
}

export const test = base.extend<Fixtures, { browser: Browser }>({
  browser: [
    async ({}, use) => {
      const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
      await use(browser);
      await browser.close();
    },
    { scope: 'worker' },
  ],
  bridge: async ({}, use) => {
    const bridge = await startBridgeProcess();
    await use(bridge);
    await bridge.stop();
    removeDataDir(bridge.dataDir);
  },
  app: async ({ browser, bridge }, use) => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 860 } });
    const foreign: string[] = [];
    const problems: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${bridge.origin}/`) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
      foreign.push(url);
      return route.abort('blockedbyclient');
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && /Content Security Policy|Refused to/.test(message.text())) problems.push(message.text());
    });
    await page.goto(bridge.url);
    await expect(page.getByTestId('app-ready')).toBeVisible();
    await use(page);
    await context.close();
    expect(foreign, 'requests outside the app origin').toEqual([]);
    expect(problems, 'page errors').toEqual([]);
  },
});

export { expect };
