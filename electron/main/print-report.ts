/**
 * The desktop app's report printer: a hidden window, as locked down as the main one, loads the
 * report page from the app's own origin, waits until it says it is drawn (body[data-report-ready])
 * and prints it to an A4 PDF with Chromium's printToPDF, then closes.
 */
import { BrowserWindow } from 'electron';
import { ServiceError } from '../../shared/contract/dispatch.ts';
import { APP_ORIGIN } from './app-protocol.ts';
import { secureWebPreferences } from './window.ts';

/** How long the report page may take to load its analyses and draw. */
const READY_TIMEOUT_MS = 90_000;
const POLL_MS = 100;

const READY_STATE = `(() => {
  const data = document.body ? document.body.dataset : {};
  return data.reportReady === 'true' ? { ok: true } : data.reportError ? { ok: false, message: data.reportError } : null;
})()`;

type ReadyState = { ok: true } | { ok: false; message: string } | null;

export function reportPrinter(preloadPath: string): (visitId: string) => Promise<Uint8Array> {
  return async (visitId) => {
    const window = new BrowserWindow({
      show: false,
      width: 1000,
      height: 1400,
      webPreferences: {
        ...secureWebPreferences(preloadPath),
        spellcheck: false,
        // the page polls with timers until its charts are drawn: keep them running while hidden
        backgroundThrottling: false,
      },
    });
    try {
      await window.loadURL(`${APP_ORIGIN}/index.html#/visits/${encodeURIComponent(visitId)}/report`);
      const started = Date.now();
      for (;;) {
        const state = (await window.webContents.executeJavaScript(READY_STATE)) as ReadyState;
        if (state?.ok) break;
        if (state && !state.ok) throw new ServiceError('unavailable', `The report cannot be printed: ${state.message}`);
        if (Date.now() - started > READY_TIMEOUT_MS) {
          throw new ServiceError('unavailable', `The report page did not finish drawing within ${READY_TIMEOUT_MS / 1000} s, so no PDF was made.`);
        }
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
      const pdf = await window.webContents.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
      return new Uint8Array(pdf);
    } finally {
      window.destroy();
    }
  };
}
