/** The Chromium the tests drive: Debian's by default (Playwright's own browser download is not reachable here). */
export const CHROMIUM_PATH = process.env.GAITLENS_CHROMIUM ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
