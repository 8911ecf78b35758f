/**
 * `npm run web`: serves GaitLens to a browser on this computer (where the desktop app is not
 * available). Usage: node electron/bridge/cli.ts [--data DIR] [--port N]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ServiceError } from '../../shared/contract/dispatch.ts';
import { defaultDataDir } from '../services/data-dir.ts';
import { printReportWithChromium } from './print-report.ts';
import { startBridge } from './server.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({
  options: { data: { type: 'string' }, port: { type: 'string', default: '0' } },
});
const rendererDir = join(root, 'dist', 'renderer');
if (!existsSync(join(rendererDir, 'index.html'))) {
  console.error('The app is not built yet: run "npm run build" (or "npm run web", which builds first).');
  process.exit(1);
}
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };

const dataDir = resolve(values.data ?? defaultDataDir());
try {
  const bridge = await startBridge({
    dataDir,
    rendererDir,
    appVersion: version,
    port: Number(values.port),
    printReport: printReportWithChromium,
  });
  console.log(`GaitLens is running. Open this address in Chromium or Chrome:\n\n  ${bridge.url}\n`);
  console.log(`Data folder: ${dataDir}`);
  console.log('Press Ctrl+C to stop.');
  const stop = () => void bridge.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(error instanceof ServiceError ? error.message : error);
  process.exit(1);
}
