/**
 * The app's own origin, gaitlens://app/: serves the built renderer and the stored videos (with
 * HTTP Range, so the player can seek). Not file:// (module scripts need an origin), not a dev
 * server.
 */
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { protocol, type Session } from 'electron';
import { containerMimeType } from '../services/media/container.ts';
import type { MediaStore } from '../services/media/media-store.ts';
import { parseRange } from '../services/http-range.ts';
import { SECURITY_HEADERS } from '../services/security.ts';
import { resolveStaticFile } from '../services/static-files.ts';

export const APP_SCHEME = 'gaitlens';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true } },
  ]);
}

export function handleAppProtocol(session: Session, rendererDir: string, media: MediaStore): void {
  session.protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    if (url.host !== 'app') return new Response('Not found', { status: 404 });
    if (url.pathname.startsWith('/media/')) {
      return mediaResponse(media, decodeURIComponent(url.pathname.slice('/media/'.length)), request.headers.get('range'));
    }
    const file = resolveStaticFile(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(Readable.toWeb(createReadStream(file.path)) as ReadableStream, {
      headers: { ...SECURITY_HEADERS, 'Content-Type': file.mimeType },
    });
  });
}

function mediaResponse(media: MediaStore, mediaId: string, rangeHeader: string | null): Response {
  const stored = media.locate(mediaId);
  if (!stored) return new Response('This video is not in the data folder.', { status: 404 });
  const headers: Record<string, string> = { 'Content-Type': containerMimeType[stored.container], 'Accept-Ranges': 'bytes' };
  const range = parseRange(rangeHeader, stored.sizeBytes);
  if (range === 'unsatisfiable') {
    return new Response(null, { status: 416, headers: { ...headers, 'Content-Range': `bytes */${stored.sizeBytes}` } });
  }
  const { start, end } = range ?? { start: 0, end: stored.sizeBytes - 1 };
  headers['Content-Length'] = String(end - start + 1);
  if (range) headers['Content-Range'] = `bytes ${start}-${end}/${stored.sizeBytes}`;
  return new Response(Readable.toWeb(createReadStream(stored.path, { start, end })) as ReadableStream, {
    status: range ? 206 : 200,
    headers,
  });
}
