import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ServiceError } from '../../../shared/contract/dispatch.ts';
import { sniffContainer } from '../../../electron/services/media/container.ts';
import { openServices, type Services } from '../../../electron/services/services.ts';
import { testVideo, VIDEOS } from '../../support/videos.ts';

function open(t: { after: (fn: () => void) => void }): { services: Services; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'gaitlens-media-'));
  const services = openServices(dir, { transport: 'http', appVersion: 'test' });
  t.after(() => {
    services.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { services, dir };
}

async function visitFor(services: Services): Promise<string> {
  const client = await services.handlers['clients.create']({ name: 'Ann', dateOfBirth: null, heightCm: null, legLengthCm: null, dominantSide: null, notes: '' });
  const visit = await services.handlers['visits.create']({ clientId: client.id, visitDate: '2026-11-20', reason: '', notes: '' });
  return visit.id;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

test('containers are recognised from their first bytes', () => {
  const ftyp = (brand: string) => Buffer.from([0, 0, 0, 0x20, ...Buffer.from('ftyp'), ...Buffer.from(brand), 0, 0, 0, 0]);
  assert.equal(sniffContainer(ftyp('isom')), 'mp4');
  assert.equal(sniffContainer(ftyp('qt  ')), 'mov');
  const ebml = (docType: string) => Buffer.from([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x82, 0x80 | docType.length, ...Buffer.from(docType)]);
  assert.equal(sniffContainer(ebml('webm')), 'webm');
  assert.equal(sniffContainer(ebml('matroska')), 'mkv');
  assert.equal(sniffContainer(Buffer.from([...Buffer.from('RIFF'), 0x10, 0, 0, 0, ...Buffer.from('AVI LIST')])), 'avi');
  assert.equal(sniffContainer(Buffer.from([...Buffer.from('RIFF'), 0x10, 0, 0, 0, ...Buffer.from('WAVEfmt ')])), null);
  const packets = (size: number, offset: number) => {
    const bytes = Buffer.alloc(600, 0xff);
    for (let k = 0; k < 3; k++) bytes[offset + k * size] = 0x47;
    return bytes;
  };
  assert.equal(sniffContainer(packets(188, 0)), 'ts');
  assert.equal(sniffContainer(packets(192, 4)), 'ts', 'AVCHD M2TS: a 4-byte time code before each packet');
  assert.equal(sniffContainer(Buffer.from([0x47, ...Buffer.alloc(599, 0)])), null, 'one sync byte is not a stream');
  assert.equal(sniffContainer(Buffer.from('%PDF-1.7 some document text')), null);
  assert.equal(sniffContainer(Buffer.from([0xff, 0xd8, 0xff, 0xe0])), null);
});

for (const name of [VIDEOS.treadmillLeft30, VIDEOS.walkingMultiVp9]) {
  test(`a real video (${name}) is copied in by content hash, once, and keeps its original name`, async (t) => {
    const video = testVideo(name);
    if ('skip' in video) return t.skip(video.skip);
    const { services, dir } = open(t);
    const original = readFileSync(video.path);
    const visitA = await visitFor(services);
    const visitB = await visitFor(services);

    const first = await services.handlers['visits.attachVideo']({ visitId: visitA, source: { kind: 'path', path: video.path } });
    const second = await services.handlers['visits.attachVideo']({ visitId: visitB, source: { kind: 'path', path: video.path } });

    assert.equal(first.originalName, name);
    assert.equal(first.sha256, sha256(original));
    assert.equal(first.sizeBytes, original.length);
    assert.equal(second.mediaId, first.mediaId, 'the same file is stored once');
    const stored = readdirSync(join(dir, 'media')).filter((f) => !f.startsWith('.'));
    assert.equal(stored.length, 1);
    const located = services.media.locate(first.mediaId);
    assert.ok(located);
    assert.equal(sha256(readFileSync(located.path)), sha256(original));
    assert.deepEqual(readdirSync(join(dir, 'media', '.incoming')), []);
    assert.deepEqual((await services.handlers['visits.get']({ id: visitA })).videos, [first]);
  });
}

test('attaching the same video to the same visit twice is refused and stores nothing more', async (t) => {
  const video = testVideo(VIDEOS.overgroundRun);
  if ('skip' in video) return t.skip(video.skip);
  const { services } = open(t);
  const visitId = await visitFor(services);
  await services.handlers['visits.attachVideo']({ visitId, source: { kind: 'path', path: video.path } });
  await assert.rejects(
    services.handlers['visits.attachVideo']({ visitId, source: { kind: 'path', path: video.path } }),
    (e: unknown) => e instanceof ServiceError && e.code === 'conflict' && /already attached/.test(e.message),
  );
  assert.equal((await services.handlers['visits.get']({ id: visitId })).videos.length, 1);
});

test('a file that is not a video, an empty file and a missing file are refused with clear messages', async (t) => {
  const { services, dir } = open(t);
  const visitId = await visitFor(services);
  const notVideo = join(dir, 'notes.pdf');
  writeFileSync(notVideo, '%PDF-1.7\nthis is a document, not a video\n');
  const empty = join(dir, 'empty.mp4');
  writeFileSync(empty, '');
  const attach = (path: string) => services.handlers['visits.attachVideo']({ visitId, source: { kind: 'path', path } });

  await assert.rejects(attach(notVideo), (e: unknown) => e instanceof ServiceError && /not a video file GaitLens can read/.test(e.message));
  await assert.rejects(attach(empty), (e: unknown) => e instanceof ServiceError && /empty \(0 bytes\)/.test(e.message));
  await assert.rejects(attach(join(dir, 'gone.mp4')), (e: unknown) => e instanceof ServiceError && /was not found/.test(e.message));
  await assert.rejects(attach(dir), (e: unknown) => e instanceof ServiceError && /not a file/.test(e.message));
  assert.deepEqual((await services.handlers['visits.get']({ id: visitId })).videos, []);
});

test('attaching to a visit that does not exist copies nothing', async (t) => {
  const video = testVideo(VIDEOS.overgroundRun);
  if ('skip' in video) return t.skip(video.skip);
  const { services, dir } = open(t);
  await assert.rejects(
    services.handlers['visits.attachVideo']({ visitId: crypto.randomUUID(), source: { kind: 'path', path: video.path } }),
    (e: unknown) => e instanceof ServiceError && e.code === 'not-found',
  );
  assert.throws(() => readdirSync(join(dir, 'media')));
});
