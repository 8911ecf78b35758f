/**
 * `npm run restore -- [--data DIR] FILE`: checks a backup completely, then replaces the data
 * folder's database, videos and analyses with it (docs/backup.md). The replaced data is kept in
 * the data folder as before-restore-<time>/. Close GaitLens first: a running app is detected and
 * nothing is changed.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ServiceError } from '../shared/contract/dispatch.ts';
import { restoreBackup } from '../electron/services/backup/backup.ts';
import { defaultDataDir } from '../electron/services/data-dir.ts';

const { values, positionals } = parseArgs({ options: { data: { type: 'string' } }, allowPositionals: true });
if (positionals.length !== 1) {
  console.error('Usage: npm run restore -- [--data DIR] BACKUP_FILE');
  process.exit(2);
}
const dataDir = resolve(values.data ?? defaultDataDir());

try {
  const summary = await restoreBackup(resolve(positionals[0]!), dataDir);
  console.log(`Restored ${summary.file}\n  into ${dataDir}`);
  console.log(`  ${summary.clients} clients, ${summary.visits} visits, ${summary.videos} videos, ${summary.analyses} analyses (backup of ${summary.createdAt})`);
  console.log(summary.previousDataKeptAt ? `  The data it replaced is kept in ${summary.previousDataKeptAt}` : '  The data folder was empty.');
} catch (error) {
  console.error(error instanceof ServiceError ? error.message : error);
  process.exit(1);
}
