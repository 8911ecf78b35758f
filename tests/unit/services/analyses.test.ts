import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { createDispatch, ServiceError } from '../../../shared/contract/dispatch.ts';
import { decodeTrack, encodeTrack } from '../../../shared/pose/track-codec.ts';
import { migrations } from '../../../electron/services/storage/migrations.ts';
import { sampleTrack } from '../../support/sample-track.ts';
import { tempServices, visitWithVideo } from '../../support/services.ts';
import { testVideo, VIDEOS } from '../../support/videos.ts';

test('an analysis is stored as a file beside the visit, listed with its video, and loads back exactly', async (t) => {
  const video = testVideo(VIDEOS.treadmillLeft30);
  if ('skip' in video) return t.skip(video.skip);
  const { services, dir } = tempServices(t, 'analyses');
  const { video: attached } = await visitWithVideo(services, video.path, '2026-11-20');
  assert.equal(attached.analysis, null);
  const track = sampleTrack(30);
  const summary = await services.handlers['analyses.save']({ visitVideoId: attached.id, track: encodeTrack(track), startS: 0, endS: 1 });
  assert.equal(summary.frames, 30);
  assert.equal(summary.framesWithPose, 24);
  assert.equal(summary.model, 'full');
  assert.equal(summary.captureFps, 120);
  assert.equal(summary.fileFps, 30);
  assert.equal(summary.analysedS, 30 / 120);
  assert.deepEqual(readdirSync(join(dir, 'analyses')), [`${summary.id}.gltrack`]);

  const visit = await services.handlers['visits.get']({ id: attached.visitId });
  assert.deepEqual(visit.videos[0]?.analysis, summary);
  assert.deepEqual(decodeTrack(await services.handlers['analyses.track']({ analysisId: summary.id })), track);

  const newer = await services.handlers['analyses.save']({ visitVideoId: attached.id, track: encodeTrack(sampleTrack(10)), startS: 0, endS: 1 });
  assert.equal((await services.handlers['visits.get']({ id: attached.visitId })).videos[0]?.analysis?.id, newer.id);
});

test('a damaged track file is detected when it is loaded', async (t) => {
  const video = testVideo(VIDEOS.overgroundRun);
  if ('skip' in video) return t.skip(video.skip);
  const { services, dir } = tempServices(t, 'analyses');
  const { video: attached } = await visitWithVideo(services, video.path, '2026-11-20');
  const summary = await services.handlers['analyses.save']({ visitVideoId: attached.id, track: encodeTrack(sampleTrack(5)), startS: 0, endS: 1 });
  writeFileSync(join(dir, 'analyses', `${summary.id}.gltrack`), encodeTrack(sampleTrack(6)));
  await assert.rejects(services.handlers['analyses.track']({ analysisId: summary.id }), (e: unknown) => e instanceof ServiceError && /damaged/.test(e.message));
  rmSync(join(dir, 'analyses', `${summary.id}.gltrack`));
  await assert.rejects(services.handlers['analyses.track']({ analysisId: summary.id }), (e: unknown) => e instanceof ServiceError && /missing/.test(e.message));
});

test('bytes that are not a track are refused and nothing is written', async (t) => {
  const video = testVideo(VIDEOS.overgroundRun);
  if ('skip' in video) return t.skip(video.skip);
  const { services, dir } = tempServices(t, 'analyses');
  const { video: attached } = await visitWithVideo(services, video.path, '2026-11-20');
  const dispatch = createDispatch(services.handlers);
  const result = await dispatch('analyses.save', { visitVideoId: attached.id, track: new Uint8Array(64), startS: 0, endS: 1 });
  assert.equal(result.ok, false);
  assert.match(result.ok ? '' : result.error.message, /not readable/);
  const notBytes = await dispatch('analyses.save', { visitVideoId: attached.id, track: 'AAAA', startS: 0, endS: 1 });
  assert.match(notBytes.ok ? '' : notBytes.error.message, /Expected binary data.*\(track\)/);
  assert.throws(() => readdirSync(join(dir, 'analyses')));
});

test('the capture rate is kept per video and validated', async (t) => {
  const video = testVideo(VIDEOS.treadmillSlowmo);
  if ('skip' in video) return t.skip(video.skip);
  const { services } = tempServices(t, 'analyses');
  const { video: attached } = await visitWithVideo(services, video.path, '2026-11-20');
  const dispatch = createDispatch(services.handlers);
  const set = await dispatch('videos.setCaptureFps', { visitVideoId: attached.id, captureFps: 240 });
  assert.equal(set.ok && (set.value as { captureFps: number }).captureFps, 240);
  const bad = await dispatch('videos.setCaptureFps', { visitVideoId: attached.id, captureFps: 0 });
  assert.match(bad.ok ? '' : bad.error.message, /between 1 and 2000/);
  assert.equal((await services.handlers['visits.get']({ id: attached.visitId })).videos[0]?.captureFps, 240);
});

test('a version 1 database is migrated with its clients and visits kept', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gaitlens-migrate-'));
  const raw = new DatabaseSync(join(dir, 'gaitlens.db'));
  raw.exec(migrations[0]!);
  raw.exec('PRAGMA user_version = 1');
  raw.exec("INSERT INTO clients (id, name, notes, created_at, updated_at) VALUES ('c', 'Ann', '', 'x', 'x')");
  raw.exec("INSERT INTO visits (id, client_id, visit_date, created_at) VALUES ('v', 'c', '2026-01-05', 'x')");
  raw.close();
  const { services } = tempServices(t, 'analyses', {}, dir);
  assert.equal(services.database.schemaVersion, migrations.length);
  assert.deepEqual(
    services.database.read((db) => ({ ...db.prepare("SELECT name FROM clients WHERE id = 'c'").get() })),
    { name: 'Ann' },
  );
  assert.equal(services.database.read((db) => (db.prepare('SELECT COUNT(*) AS n FROM visits').get() as { n: number }).n), 1);
});
