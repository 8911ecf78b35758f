// Reads files out of a .tgz (an npm package tarball): gunzip, then walk the ustar headers.

import { gunzipSync } from 'node:zlib';

const BLOCK = 512;

function field(block: Uint8Array, start: number, length: number): string {
  const bytes = block.subarray(start, start + length);
  const nul = bytes.indexOf(0);
  return new TextDecoder().decode(nul === -1 ? bytes : bytes.subarray(0, nul));
}

function octal(block: Uint8Array, start: number, length: number, path: string): number {
  const text = field(block, start, length).trim();
  if (!/^[0-7]+$/.test(text)) throw new Error(`tar: bad size field "${text}" for ${path}`);
  return parseInt(text, 8);
}

/** The pax extended header's `path` record, if any ("<length> path=<value>\n" records). */
function paxPath(data: Uint8Array): string | null {
  const text = new TextDecoder().decode(data);
  for (const record of text.split('\n')) {
    const match = /^\d+ path=(.*)$/s.exec(record);
    if (match) return match[1]!;
  }
  return null;
}

/** Returns the files of a gzipped tarball whose paths are in `wanted`; throws if any is missing. */
export function extractFromTgz(tgz: Uint8Array, wanted: readonly string[]): Map<string, Uint8Array> {
  const tar = gunzipSync(tgz);
  const found = new Map<string, Uint8Array>();
  let nextPath: string | null = null;
  for (let pos = 0; pos + BLOCK <= tar.length; ) {
    const header = tar.subarray(pos, pos + BLOCK);
    if (header.every((byte) => byte === 0)) break;
    const name = field(header, 0, 100);
    const prefix = field(header, 345, 155);
    const path = nextPath ?? (prefix ? `${prefix}/${name}` : name);
    const size = octal(header, 124, 12, path);
    const type = String.fromCharCode(header[156]!);
    const data = tar.subarray(pos + BLOCK, pos + BLOCK + size);
    if (data.length !== size) throw new Error(`tar: ${path} is truncated`);
    nextPath = null;
    if (type === 'x') nextPath = paxPath(data);
    else if ((type === '0' || type === '\0') && wanted.includes(path)) found.set(path, data);
    pos += BLOCK + Math.ceil(size / BLOCK) * BLOCK;
  }
  const missing = wanted.filter((path) => !found.has(path));
  if (missing.length > 0) throw new Error(`tar: not in the archive: ${missing.join(', ')}`);
  return found;
}
