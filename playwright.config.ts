import { defineConfig } from '@playwright/test';

/** End-to-end tests: the renderer in Debian's Chromium through the bridge, and the Electron app where its binary exists. */
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  outputDir: 'test-results',
  use: { trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    { name: 'web', testDir: 'tests/e2e/web' },
    { name: 'electron', testDir: 'tests/e2e/electron' },
  ],
});
