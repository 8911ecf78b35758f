/**
 * Where the Electron binary is, or why it is absent. The electron package downloads its binary
 * on first run, which cannot happen on machines without internet access: those skip the Electron
 * suites with this reason instead of hanging on a download.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './videos.ts';

export function electronBinary(): { path: string; distDir: string } | { skip: string } {
  const pkg = join(REPO_ROOT, 'node_modules', 'electron');
  const pathFile = join(pkg, 'path.txt');
  const distDir = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? join(pkg, 'dist');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : 'electron';
  const path = join(distDir, executable);
  if (existsSync(path)) return { path, distDir };
  const reason = `the Electron binary is not installed (${path} is missing; it is downloaded on first run, which needs internet access: run "npx install-electron" where that is possible, or set ELECTRON_OVERRIDE_DIST_PATH)`;
  console.log(`SKIP: ${reason}`);
  return { skip: reason };
}
