import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startBridge, TOKEN_HEADER, type Bridge } from '../../../electron/bridge/server.ts';
import { parseRange } from '../../../electron/services/http-range.ts';
import { testVideo, VIDEOS } from '../../support/videos.ts';

async function bridge(t: { after: (fn: () => Promise<void>) => void }): Promise<Bridge> {
  const dir = mkdtempSync(join(tmpdir(), 'gaitlens-bridge-'));
  const rendererDir = join(dir, 'renderer');
  mkdirSync(rendererDir);
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>GaitLens</title>');
  writeFileSync(join(dir, 'secret.txt'), 'outside the renderer');
  const b = await startBridge({ dataDir: join(dir, 'data'), rendererDir, appVersion: 'test' });
  t.after(async () => {
    await b.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return b;
}

const auth = (b: Bridge, extra: Record<string, string> = {}) => ({ [TOKEN_HEADER]: b.token, ...extra });
const call = async (b: Bridge, channel: string, arg: unknown) =>
  (await fetch(`${b.origin}/api/${channel}`, {
    method: 'POST',
    headers: auth(b, { 'Content-Type': 'application/json' }),
    body: JSON.stringify(arg),
  }).then((r) => r.json())) as { ok: boolean; value?: any; error?: { message: string } };

test('parseRange serves the byte ranges video players ask for', () => {
  assert.deepEqual(parseRange('bytes=0-', 100), { start: 0, end: 99 });
  assert.deepEqual(parseRange('bytes=10-19', 100), { start: 10, end: 19 });
  assert.deepEqual(parseRange('bytes=90-500', 100), { start: 90, end: 99 });
  assert.deepEqual(parseRange('bytes=-10', 100), { start: 90, end: 99 });
  assert.equal(parseRange('bytes=100-', 100), 'unsatisfiable');
  assert.equal(parseRange(undefined, 100), null);
  assert.equal(parseRange('bytes=0-1,5-6', 100), null);
});

test('nothing is served without the launch token; the token link sets a cookie that then works', async (t) => {
  const b = await bridge(t);
  assert.equal((await fetch(`${b.origin}/`)).status, 401);
  assert.equal((await fetch(`${b.origin}/api/app.info`, { method: 'POST', body: '{}' })).status, 401);
  assert.equal((await fetch(`${b.origin}/?token=wrong`, { redirect: 'manual' })).status, 401);

  const entry = await fetch(b.url, { redirect: 'manual' });
  assert.equal(entry.status, 303);
  const cookie = entry.headers.get('set-cookie')?.split(';')[0];
  assert.ok(cookie && cookie.endsWith(b.token));
  assert.match(entry.headers.get('set-cookie') ?? '', /HttpOnly; SameSite=Strict/);
  const page = await fetch(`${b.origin}/`, { headers: { cookie } });
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'; script-src 'self' 'wasm-unsafe-eval'/);
  assert.match(await page.text(), /<title>GaitLens<\/title>/);
});

test('requests naming another host (DNS rebinding) or coming from another origin are refused', async (t) => {
  const b = await bridge(t);
  const port = new URL(b.origin).port;
  const status = (headers: Record<string, string>, method = 'GET') =>
    new Promise<number>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path: '/api/app.info', method, headers }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end('{}');
    });
  assert.equal(await status({ host: `evil.example:${port}`, [TOKEN_HEADER]: b.token }, 'POST'), 421);
  assert.equal(await status({ origin: 'http://evil.example', [TOKEN_HEADER]: b.token }, 'POST'), 403);
  assert.equal(await status({ [TOKEN_HEADER]: b.token }, 'POST'), 200);
});

test('the API answers results: ok values, and clear errors for bad JSON and bad arguments', async (t) => {
  const b = await bridge(t);
  const info = await call(b, 'app.info', {});
  assert.equal(info.ok, true);
  assert.equal(info.value.transport, 'http');
  const bad = await fetch(`${b.origin}/api/clients.create`, { method: 'POST', headers: auth(b), body: '{"name":' }).then((r) => r.json());
  assert.deepEqual(bad, { ok: false, error: { code: 'invalid-argument', message: 'The request is not valid JSON.' } });
  const invalid = await call(b, 'clients.create', { name: 'Ann' });
  assert.equal(invalid.ok, false);
  assert.match(invalid.error?.message ?? '', /dateOfBirth/);
});

test('files outside the renderer folder are not served', async (t) => {
  const b = await bridge(t);
  for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt']) {
    const response = await fetch(`${b.origin}${path}`, { headers: auth(b) });
    assert.equal(response.status, 404, path);
  }
});

test('a browser upload is attached to a visit, and the stored video is served with byte ranges', async (t) => {
  const video = testVideo(VIDEOS.overgroundRun);
  if ('skip' in video) return t.skip(video.skip);
  const b = await bridge(t);
  const bytes = readFileSync(video.path);
  const client = await call(b, 'clients.create', { name: 'Ann', dateOfBirth: null, heightCm: null, notes: '' });
  const visit = await call(b, 'visits.create', { clientId: client.value.id, visitDate: '2026-11-20', reason: '', notes: '' });
  const upload = await fetch(`${b.origin}/upload`, { method: 'POST', headers: auth(b), body: bytes }).then((r) => r.json());
  assert.equal(upload.ok, true);
  const attached = await call(b, 'visits.attachVideo', {
    visitId: visit.value.id,
    source: { kind: 'upload', uploadId: upload.value.uploadId, originalName: 'run.mp4' },
  });
  assert.equal(attached.ok, true);
  assert.equal(attached.value.originalName, 'run.mp4');
  assert.equal(attached.value.sizeBytes, bytes.length);

  const whole = await fetch(`${b.origin}/media/${attached.value.mediaId}`, { headers: auth(b) });
  assert.equal(whole.status, 200);
  assert.equal(whole.headers.get('content-type'), 'video/mp4');
  assert.deepEqual(Buffer.from(await whole.arrayBuffer()), bytes);

  const part = await fetch(`${b.origin}/media/${attached.value.mediaId}`, { headers: auth(b, { range: 'bytes=1000-1999' }) });
  assert.equal(part.status, 206);
  assert.equal(part.headers.get('content-range'), `bytes 1000-1999/${bytes.length}`);
  assert.deepEqual(Buffer.from(await part.arrayBuffer()), bytes.subarray(1000, 2000));

  const beyond = await fetch(`${b.origin}/media/${attached.value.mediaId}`, { headers: auth(b, { range: `bytes=${bytes.length}-` }) });
  assert.equal(beyond.status, 416);
  const again = await call(b, 'visits.attachVideo', {
    visitId: visit.value.id,
    source: { kind: 'upload', uploadId: upload.value.uploadId, originalName: 'run.mp4' },
  });
  assert.equal(again.ok, false, 'an upload is consumed by attaching it');
});
