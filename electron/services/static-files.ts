/** Maps a URL path to a file of the built renderer, refusing anything outside its folder. */
import { existsSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import { STATIC_MIME_TYPES } from './security.ts';

export interface StaticFile {
  path: string;
  mimeType: string;
}

export function resolveStaticFile(rootDir: string, urlPath: string): StaticFile | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const path = normalize(join(rootDir, relative));
  if (!path.startsWith(normalize(rootDir) + sep)) return null;
  if (!existsSync(path) || !statSync(path).isFile()) return null;
  return { path, mimeType: STATIC_MIME_TYPES[extname(path)] ?? 'application/octet-stream' };
}
