/**
 * The bridge's report printer: a headless Chromium (playwright-core, Debian's /usr/bin/chromium or
 * GAITLENS_CHROMIUM) opens the bridge's own report page with the launch token, waits until the
 * page says it is drawn (body[data-report-ready]) and prints it to an A4 PDF. Requests to anywhere
 * but the bridge's origin are refused.
 */
import { existsSync } from 'node:fs';
import { chromium, errors, type Browser } from 'playwright-core';
import { ServiceError } from '../../shared/contract/dispatch.ts';

export const CHROMIUM_ENV = 'GAITLENS_CHROMIUM';
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
/** How long the report page may take to load its analyses and draw. */
const READY_TIMEOUT_MS = 90_000;

/** Where the report page is served: the bridge's origin and its launch token. */
export interface ReportSite {
  origin: string;
  token: string;
}

export type ReportPrinter = (site: ReportSite, visitId: string) => Promise<Uint8Array>;

export function chromiumPath(): string {
  return process.env[CHROMIUM_ENV] ?? DEFAULT_CHROMIUM;
}

/** Prints the visit's report page in an open browser. */
export async function printReportPage(browser: Browser, site: ReportSite, visitId: string): Promise<Uint8Array> {
  const context = await browser.newContext();
  try {
    await context.route('**/*', (route) =>
      route.request().url().startsWith(`${site.origin}/`) || route.request().url().startsWith('blob:')
        ? route.continue()
        : route.abort('blockedbyclient'),
    );
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${site.origin}/?token=${encodeURIComponent(site.token)}#/visits/${encodeURIComponent(visitId)}/report`);
    await page.waitForSelector('body[data-report-ready], body[data-report-error]', { state: 'attached', timeout: READY_TIMEOUT_MS }).catch((error: unknown) => {
      if (error instanceof errors.TimeoutError) {
        throw new ServiceError('unavailable', `The report page did not finish drawing within ${READY_TIMEOUT_MS / 1000} s, so no PDF was made.`);
      }
      throw error;
    });
    const reportError = await page.getAttribute('body', 'data-report-error');
    if (reportError !== null) throw new ServiceError('unavailable', `The report cannot be printed: ${reportError}`);
    if (problems.length > 0) throw new ServiceError('internal', `The report page failed while drawing: ${problems.join('; ')}`);
    return new Uint8Array(await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true }));
  } finally {
    await context.close();
  }
}

/** Launches Chromium for one report, prints it, and closes the browser. */
export const printReportWithChromium: ReportPrinter = async (site, visitId) => {
  const executablePath = chromiumPath();
  if (!existsSync(executablePath)) {
    throw new ServiceError('unavailable', `Printing the report needs Chromium, which is not at ${executablePath}. Install it, or set ${CHROMIUM_ENV} to its path.`);
  }
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    return await printReportPage(browser, site, visitId);
  } finally {
    await browser.close();
  }
};
