/**
 * Whether dist/ is current: a stamp file written after each successful build, against the newest
 * modification time of everything the build reads (sources, configuration, installed packages).
 */
import { existsSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const STAMP = join('dist', '.build-stamp');

/** What the build reads: folders walked whole, and single files. */
const INPUT_DIRS = ['renderer', 'shared', 'electron', join('scripts', 'models')];
const INPUT_FILES = ['scripts/build.ts', 'scripts/build-stamp.ts', 'vite.config.ts', 'package.json', 'package-lock.json', join('node_modules', '.package-lock.json')];

function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The newest modification time of the build's inputs (ms). */
export function newestInput(): number {
  const dirs = INPUT_DIRS.filter((d) => existsSync(d)).map(newestIn);
  const files = INPUT_FILES.filter((f) => existsSync(f)).map((f) => statSync(f).mtimeMs);
  return Math.max(0, ...dirs, ...files);
}

export function buildIsCurrent(): boolean {
  return existsSync(STAMP) && statSync(STAMP).mtimeMs >= newestInput();
}

export function writeBuildStamp(): void {
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}
