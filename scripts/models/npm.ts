// Fetches pinned npm package tarballs with `npm pack` (no install, no lifecycle scripts, no
// peer dependencies) into a cache directory, and checks their sha256.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { HashMismatchError, sha256 } from './hash.ts';

export interface PinnedPackage {
  /** name@version, exact. */
  spec: string;
  /** The file name `npm pack` gives the tarball. */
  tarball: string;
  sha256: string;
}

export interface FetchedPackage {
  bytes: Uint8Array;
  fromCache: boolean;
}

/** Returns the package's tarball from `cacheDir`, downloading it first if absent or corrupt. */
export function fetchPackage(pkg: PinnedPackage, cacheDir: string): FetchedPackage {
  const path = join(cacheDir, pkg.tarball);
  if (existsSync(path)) {
    const cached = readFileSync(path);
    if (sha256(cached) === pkg.sha256) return { bytes: cached, fromCache: true };
    rmSync(path);
  }
  mkdirSync(cacheDir, { recursive: true });
  execFileSync('npm', ['pack', pkg.spec, '--pack-destination', cacheDir, '--ignore-scripts', '--silent'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  });
  if (!existsSync(path)) throw new Error(`npm pack ${pkg.spec} did not write ${path}`);
  const bytes = readFileSync(path);
  const actual = sha256(bytes);
  if (actual !== pkg.sha256) {
    rmSync(path);
    throw new HashMismatchError(`${pkg.spec} (${pkg.tarball})`, pkg.sha256, actual);
  }
  return { bytes, fromCache: false };
}
