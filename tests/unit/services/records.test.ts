import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { createDispatch } from '../../../shared/contract/dispatch.ts';
import { emptyIntake } from '../../../shared/plan/intake.ts';
import { encodeTrack } from '../../../shared/pose/track-codec.ts';
import { openServices, type Services } from '../../../electron/services/services.ts';
import { sampleTrack } from '../../support/sample-track.ts';

const FIXTURE = join(import.meta.dirname, '../../fixtures/empty-scene-vp8.webm');

function open(t: { after: (fn: () => void) => void }, dir = mkdtempSync(join(tmpdir(), 'gaitlens-records-'))) {
  const services = openServices(dir, { transport: 'http', appVersion: 'test' });
  t.after(() => {
    services.close();
    rmSync(dir, { recursive: true, force: true });
  });
  return { services, dir };
}

const person = (name: string) => ({ name, dateOfBirth: null, heightCm: null, legLengthCm: null, dominantSide: null, notes: '' });

async function clientWithVideo(services: Services, name: string, videoPath = FIXTURE) {
  const client = await services.handlers['clients.create'](person(name));
  const visit = await services.handlers['visits.create']({ clientId: client.id, visitDate: '2026-11-20', reason: '', notes: '' });
  const video = await services.handlers['visits.attachVideo']({ visitId: visit.id, source: { kind: 'path', path: videoPath } });
  return { client, visit, video };
}

/** A real PNG file of the given size (one grey scanline per row). */
function png(width: number, height: number): Uint8Array {
  const crc = (bytes: Uint8Array) => {
    let c = ~0;
    for (const b of bytes) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  };
  const chunk = (type: string, data: Uint8Array) => {
    const body = new Uint8Array([...Buffer.from(type, 'ascii'), ...data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.set(body, 4);
    out.writeUInt32BE(crc(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const raw = Buffer.alloc((width + 1) * height, 128);
  for (let row = 0; row < height; row++) raw[row * (width + 1)] = 0;
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', new Uint8Array())]),
  );
}

test('corrections are saved as revisions: undo, redo, a new correction drops the undone ones, all kept across a restart', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gaitlens-records-'));
  let { services } = open(t, dir);
  const { video } = await clientWithVideo(services, 'Ann');
  const h = services.handlers;
  assert.deepEqual(await h['videos.corrections']({ visitVideoId: video.id }), {
    visitVideoId: video.id, options: {}, revision: 0, latestRevision: 0, canUndo: false, canRedo: false,
  });
  const swap = { swapStretches: [{ startFrame: 10, endFrame: 20 }] };
  const moved = { ...swap, eventEdits: { remove: [{ side: 'left' as const, type: 'IC' as const, frame: 40 }], add: [{ side: 'left' as const, type: 'IC' as const, frame: 42 }] } };
  await h['videos.setCorrections']({ visitVideoId: video.id, options: swap });
  const second = await h['videos.setCorrections']({ visitVideoId: video.id, options: moved });
  assert.equal(second.revision, 2);
  assert.deepEqual(second.options, moved);
  const undone = await h['videos.undoCorrections']({ visitVideoId: video.id });
  assert.deepEqual([undone.revision, undone.canUndo, undone.canRedo], [1, true, true]);
  assert.deepEqual(undone.options, swap);
  assert.deepEqual((await h['videos.redoCorrections']({ visitVideoId: video.id })).options, moved);
  await h['videos.undoCorrections']({ visitVideoId: video.id });
  const branched = await h['videos.setCorrections']({ visitVideoId: video.id, options: { ...swap, captureFps: 240 } });
  assert.deepEqual([branched.revision, branched.latestRevision, branched.canRedo], [2, 2, false]);

  services.close();
  services = openServices(dir, { transport: 'http', appVersion: 'test' });
  t.after(() => services.close());
  const reopened = await services.handlers['videos.corrections']({ visitVideoId: video.id });
  assert.deepEqual(reopened.options, { ...swap, captureFps: 240 });
  const dispatch = createDispatch(services.handlers);
  await dispatch('videos.undoCorrections', { visitVideoId: video.id });
  await dispatch('videos.undoCorrections', { visitVideoId: video.id });
  const none = await dispatch('videos.undoCorrections', { visitVideoId: video.id });
  assert.match(none.ok ? '' : none.error.message, /no correction to undo/);
});

test('corrections are validated before anything is written', async (t) => {
  const { services } = open(t);
  const { video } = await clientWithVideo(services, 'Ann');
  const dispatch = createDispatch(services.handlers);
  const bad = [
    [{ swapStretches: [{ startFrame: 20, endFrame: 10 }] }, /end at or after/],
    [{ view: { kind: 'sagittal', side: 'rear' } }, /side view faces left or right/],
    [{ calibration: { kind: 'height', heightCm: 20 } }, /between 50 and 250/],
    [{ eventEdits: { add: [{ side: 'middle', type: 'IC', frame: 3 }] } }, /side/],
    [{ unknownOption: true }, /unknownOption|Unrecognized/],
  ] as const;
  for (const [options, message] of bad) {
    const result = await dispatch('videos.setCorrections', { visitVideoId: video.id, options });
    assert.equal(result.ok, false, JSON.stringify(options));
    assert.match(result.ok ? '' : result.error.message, message);
  }
  assert.equal((await services.handlers['videos.corrections']({ visitVideoId: video.id })).revision, 0);
});

test('key frames keep their image bytes and size, list per visit, and go with their video', async (t) => {
  const { services } = open(t);
  const { visit, video } = await clientWithVideo(services, 'Ann');
  const h = services.handlers;
  const image = png(64, 48);
  const added = await h['keyFrames.add']({ visitVideoId: video.id, frame: 12, tMs: 400, label: 'Left initial contact', imageType: 'image/png', image });
  assert.deepEqual([added.width, added.height, added.visitId, added.frame], [64, 48, visit.id, 12]);
  assert.deepEqual(await h['keyFrames.image']({ id: added.id }), image);
  assert.deepEqual((await h['keyFrames.list']({ visitId: visit.id })).map((k) => k.label), ['Left initial contact']);

  const dispatch = createDispatch(services.handlers);
  const notPng = await dispatch('keyFrames.add', { visitVideoId: video.id, frame: 1, tMs: 0, label: '', imageType: 'image/png', image: new Uint8Array(100) });
  assert.match(notPng.ok ? '' : notPng.error.message, /not a valid PNG/);

  await h['keyFrames.remove']({ id: added.id });
  assert.deepEqual(await h['keyFrames.list']({ visitId: visit.id }), []);
});

test('clinic settings keep the name, clinician and logo', async (t) => {
  const { services } = open(t);
  const h = services.handlers;
  assert.deepEqual(await h['settings.get']({}), { clinicName: '', clinicianName: '', contactLine: '', logo: null });
  const logo = png(32, 32);
  const saved = await h['settings.update']({ clinicName: 'Harbour Physio', clinicianName: 'Dr Sam Lee, PT', contactLine: '1 Quay St', logo: { imageType: 'image/png', bytes: logo } });
  assert.deepEqual(saved, await h['settings.get']({}));
  assert.deepEqual(saved.logo?.bytes, logo);
  const cleared = await h['settings.update']({ ...saved, logo: null });
  assert.equal(cleared.logo, null);
});

test('the client profile keeps leg length and dominant side; archived clients leave the list but stay whole', async (t) => {
  const { services } = open(t);
  const h = services.handlers;
  const ann = await h['clients.create']({ ...person('Ann'), heightCm: 168, legLengthCm: 86.5, dominantSide: 'right' });
  assert.deepEqual([ann.legLengthCm, ann.dominantSide, ann.archivedAt], [86.5, 'right', null]);
  await h['clients.create'](person('Bo'));
  const archived = await h['clients.archive']({ id: ann.id, archived: true });
  assert.ok(archived.archivedAt);
  assert.deepEqual((await h['clients.list']({ query: '', includeArchived: false })).map((c) => c.name), ['Bo']);
  assert.deepEqual((await h['clients.list']({ query: 'an', includeArchived: true })).map((c) => c.name), ['Ann']);
  assert.equal((await h['clients.archive']({ id: ann.id, archived: false })).archivedAt, null);
  const dispatch = createDispatch(services.handlers);
  const bad = await dispatch('clients.update', { ...person('Ann'), id: ann.id, legLengthCm: 12 });
  assert.match(bad.ok ? '' : bad.error.message, /Leg length must be between 30 and 150 cm/);
});

test("deleting a client removes their records and files, and keeps a video another client's visit uses", async (t) => {
  const { services, dir } = open(t);
  const h = services.handlers;
  const own = join(dir, 'own-copy.webm');
  copyFileSync(FIXTURE, own);
  const ann = await clientWithVideo(services, 'Ann');
  const second = await h['visits.attachVideo']({ visitId: ann.visit.id, source: { kind: 'path', path: join(import.meta.dirname, '../../fixtures/hevc-testsrc.mp4') } });
  const bo = await clientWithVideo(services, 'Bo', own);
  const track = await h['analyses.save']({ visitVideoId: second.id, track: encodeTrack(sampleTrack(10)), startS: 0, endS: 1 });
  await h['keyFrames.add']({ visitVideoId: second.id, frame: 1, tMs: 0, label: '', imageType: 'image/png', image: png(8, 8) });
  await h['videos.setCorrections']({ visitVideoId: second.id, options: { autoSwapFix: false } });
  const mediaBefore = readdirSync(join(dir, 'media')).filter((f) => !f.startsWith('.'));
  assert.equal(mediaBefore.length, 2, 'the same video content is stored once');

  const deleted = await h['clients.delete']({ id: ann.client.id });
  assert.deepEqual(deleted, { clientId: ann.client.id, visits: 1, videos: 2, filesRemoved: 2, filesLeft: [] });
  assert.ok(!existsSync(join(dir, 'analyses', `${track.id}.gltrack`)));
  assert.deepEqual(readdirSync(join(dir, 'media')).filter((f) => !f.startsWith('.')).length, 1);
  const rows = services.database.read((db) =>
    ['visits', 'visit_videos', 'analyses', 'key_frames', 'video_corrections', 'media'].map((table) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n),
  );
  assert.deepEqual(rows, [1, 1, 0, 0, 0, 1]);
  const boVisit = await h['visits.get']({ id: bo.visit.id });
  assert.equal(boVisit.videos[0]?.sha256, ann.video.sha256, "Bo's video is still there");
  const dispatch = createDispatch(services.handlers);
  const again = await dispatch('clients.get', { id: ann.client.id });
  assert.match(again.ok ? '' : again.error.message, /no longer exists/);
});

test('the intake is saved with the visit and validated', async (t) => {
  const { services } = open(t);
  const { visit } = await clientWithVideo(services, 'Ann');
  const intake = { ...emptyIntake(), reason: 'Outer hip pain when running', painScore: 4, longRunDay: 'sun' as const, redFlags: { ...emptyIntake().redFlags, painAtRestOrNight: true } };
  const saved = await services.handlers['visits.setIntake']({ visitId: visit.id, intake });
  assert.deepEqual(saved.intake, intake);
  assert.deepEqual((await services.handlers['visits.list']({ clientId: visit.clientId }))[0]?.intake, intake);
  const dispatch = createDispatch(services.handlers);
  const bad = await dispatch('visits.setIntake', { visitId: visit.id, intake: { ...intake, painScore: 11 } });
  assert.match(bad.ok ? '' : bad.error.message, /pain score must be from 0 to 10/);
  assert.equal((await services.handlers['visits.get']({ id: visit.id })).intake?.painScore, 4);
  assert.equal((await services.handlers['visits.setPlan']({ visitId: visit.id, plan: null })).plan, null);
});
