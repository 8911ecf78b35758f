/**
 * `npm run backup -- [--data DIR] [--out FILE]`: writes a GaitLens data folder into one backup
 * archive (docs/backup.md). Safe while the app runs: the database is copied with SQLite's online
 * backup. Without --out, the archive goes into the current folder with a dated name.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ServiceError } from '../shared/contract/dispatch.ts';
import { backupFileName, createBackup } from '../electron/services/backup/backup.ts';
import { defaultDataDir } from '../electron/services/data-dir.ts';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { data: { type: 'string' }, out: { type: 'string' } } });
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
const dataDir = resolve(values.data ?? defaultDataDir());
const outFile = resolve(values.out ?? backupFileName(new Date()));

try {
  const started = performance.now();
  const summary = await createBackup(dataDir, outFile, { appVersion: version });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`Backed up ${dataDir}\n  to ${summary.file}`);
  console.log(
    `  ${summary.clients} clients, ${summary.visits} visits, ${summary.videos} videos, ${summary.analyses} analyses; ` +
      `${(summary.sizeBytes / 1e6).toFixed(1)} MB in ${seconds} s`,
  );
} catch (error) {
  console.error(error instanceof ServiceError ? error.message : error);
  process.exit(1);
}
