/**
 * The local HTTP bridge: hosts the same services and the built renderer for a browser, on
 * 127.0.0.1 only, behind a random per-launch token. It is what lets every screen run in plain
 * Chromium (tests, machines without Electron) and lets the headless command drive the app.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDispatch } from '../../shared/contract/dispatch.ts';
import { fail, ok, type Result } from '../../shared/contract/result.ts';
import { fromWire, toWire } from '../../shared/contract/wire.ts';
import { containerMimeType } from '../services/media/container.ts';
import { findFfmpeg } from '../services/media/ffmpeg.ts';
import { parseRange } from '../services/http-range.ts';
import { SECURITY_HEADERS } from '../services/security.ts';
import { openServices, type Services } from '../services/services.ts';
import { resolveStaticFile } from '../services/static-files.ts';
import type { ReportPrinter } from './print-report.ts';

/** The checkout the bridge runs from (its node_modules holds the bundled ffmpeg). */
const CHECKOUT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface BridgeOptions {
  dataDir: string;
  rendererDir: string;
  appVersion: string;
  /** 0 picks a free port. */
  port?: number;
  busyTimeoutMs?: number;
  /** Prints the bridge's own report page to PDF (print-report.ts); without it report.pdf is unavailable. */
  printReport?: ReportPrinter;
  /** The ffmpeg for conversions; by default the one installed with the checkout (media/ffmpeg.ts). */
  ffmpegPath?: string | null;
}

export interface Bridge {
  /** The address to open, carrying the token once; the page then keeps it in a cookie. */
  url: string;
  origin: string;
  token: string;
  services: Services;
  close(): Promise<void>;
}

/** Landmark tracks travel in API bodies: a minute at 240 fps is about 15 MB as base64. */
const MAX_JSON_BYTES = 256 * 1024 * 1024;
export const TOKEN_HEADER = 'x-gaitlens-token';

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const site = { origin: '', token: randomBytes(24).toString('base64url') };
  const { printReport } = options;
  const services = openServices(
    options.dataDir,
    {
      transport: 'http',
      appVersion: options.appVersion,
      ffmpegPath: options.ffmpegPath === undefined ? findFfmpeg([CHECKOUT]) : options.ffmpegPath,
      ...(printReport ? { printReport: (visitId: string) => printReport(site, visitId) } : {}),
    },
    { busyTimeoutMs: options.busyTimeoutMs },
  );
  const dispatch = createDispatch(services.handlers, {
    onUnexpectedError: (channel, error) => console.error(`[bridge] ${channel} failed:`, error),
  });
  const { token } = site;
  let port = 0;
  const cookieName = () => `gaitlens_${port}`;

  const authorised = (req: IncomingMessage): boolean => {
    const presented =
      (req.headers[TOKEN_HEADER] as string | undefined) ??
      parseCookies(req.headers.cookie ?? '')[cookieName()];
    return presented !== undefined && safeEqual(presented, token);
  };

  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (!hostAllowed(req.headers.host, port)) return send(res, 421, 'text/plain', 'Misdirected request.');

      if (req.method === 'GET' && url.searchParams.has('token')) {
        if (!safeEqual(url.searchParams.get('token') ?? '', token)) return unauthorised(res);
        res.writeHead(303, {
          'Set-Cookie': `${cookieName()}=${token}; HttpOnly; SameSite=Strict; Path=/`,
          Location: url.pathname,
          'Cache-Control': 'no-store',
        });
        return res.end();
      }
      if (!authorised(req)) return unauthorised(res);
      if (req.method === 'POST' && !originAllowed(req.headers.origin, port)) {
        return send(res, 403, 'text/plain', 'Cross-origin requests are refused.');
      }

      if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
        const body = await readJson(req);
        const result = body.ok ? await dispatch(url.pathname.slice('/api/'.length), body.value) : body;
        return sendJson(res, result);
      }
      if (req.method === 'POST' && url.pathname === '/upload') {
        const uploadId = await services.uploads.receive(req);
        return sendJson(res, ok({ uploadId }));
      }
      if ((req.method === 'GET' || req.method === 'HEAD') && url.pathname.startsWith('/media/')) {
        return serveMedia(services, decodeURIComponent(url.pathname.slice('/media/'.length)), req, res);
      }
      if (req.method === 'GET' || req.method === 'HEAD') {
        const file = resolveStaticFile(options.rendererDir, url.pathname);
        if (!file) return send(res, 404, 'text/plain', 'Not found.');
        res.writeHead(200, { ...SECURITY_HEADERS, 'Content-Type': file.mimeType, 'Cache-Control': 'no-cache' });
        if (req.method === 'HEAD') return res.end();
        return createReadStream(file.path).pipe(res);
      }
      return send(res, 405, 'text/plain', 'Method not allowed.');
    } catch (error) {
      console.error('[bridge] request failed:', error);
      if (!res.headersSent) sendJson(res, fail('internal', `Something unexpected went wrong: ${(error as Error).message}`));
      else res.destroy();
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  site.origin = origin;

  return {
    url: `${origin}/?token=${token}`,
    origin,
    token,
    services,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      services.close();
    },
  };
}

function serveMedia(services: Services, mediaId: string, req: IncomingMessage, res: ServerResponse): void {
  const media = services.media.locate(mediaId);
  if (!media) return send(res, 404, 'text/plain', 'This video is not in the data folder.');
  const range = parseRange(req.headers.range, media.sizeBytes);
  const common = {
    'Content-Type': containerMimeType[media.container],
    'Accept-Ranges': 'bytes',
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  };
  if (range === 'unsatisfiable') {
    res.writeHead(416, { ...common, 'Content-Range': `bytes */${media.sizeBytes}` });
    return void res.end();
  }
  const { start, end } = range ?? { start: 0, end: media.sizeBytes - 1 };
  res.writeHead(range ? 206 : 200, {
    ...common,
    'Content-Length': String(end - start + 1),
    ...(range ? { 'Content-Range': `bytes ${start}-${end}/${media.sizeBytes}` } : {}),
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(media.path, { start, end }).pipe(res);
}

async function readJson(req: IncomingMessage): Promise<Result<unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON_BYTES) return fail('invalid-argument', 'The request is too large.');
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return ok({});
  try {
    return ok(fromWire(Buffer.concat(chunks).toString('utf8')));
  } catch {
    return fail('invalid-argument', 'The request is not valid JSON.');
  }
}

function sendJson(res: ServerResponse, result: Result<unknown>): void {
  send(res, 200, 'application/json', toWire(result));
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'Content-Type': type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(body);
}

function unauthorised(res: ServerResponse): void {
  send(
    res,
    401,
    'text/plain; charset=utf-8',
    'GaitLens: open the address printed by "npm run web" (it carries this launch\'s access token).',
  );
}

function hostAllowed(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function originAllowed(origin: string | undefined, port: number): boolean {
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

function parseCookies(header: string): Record<string, string> {
  return Object.fromEntries(
    header
      .split(';')
      .map((part) => part.trim().split('='))
      .filter((pair): pair is [string, string] => pair.length === 2 && pair[0] !== ''),
  );
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
