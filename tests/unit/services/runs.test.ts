import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ServiceError } from '../../../shared/contract/dispatch.ts';
import { encodeTrack } from '../../../shared/pose/track-codec.ts';
import { sampleTrack } from '../../support/sample-track.ts';
import { tempServices, visitWithVideo } from '../../support/services.ts';
import { testVideo, VIDEOS } from '../../support/videos.ts';

test('a video starts at a time in the run, kept with the video and cleared with null', async (t) => {
  const video = testVideo(VIDEOS.treadmillLeft30);
  if ('skip' in video) return t.skip(video.skip);
  const { services } = tempServices(t, 'runs');
  const { video: attached } = await visitWithVideo(services, video.path);
  assert.equal(attached.runStartS, null);
  assert.deepEqual(attached.runWindows, []);
  const set = await services.handlers['videos.setRunStart']({ visitVideoId: attached.id, runStartS: 720 });
  assert.equal(set.runStartS, 720);
  assert.equal((await services.handlers['visits.get']({ id: attached.visitId })).videos[0]?.runStartS, 720);
  assert.equal((await services.handlers['videos.setRunStart']({ visitVideoId: attached.id, runStartS: null })).runStartS, null);
});

test("a window's analysis is the window's, not the video's newest; windows given again keep theirs, removed ones lose theirs with the file", async (t) => {
  const video = testVideo(VIDEOS.treadmillLeft30);
  if ('skip' in video) return t.skip(video.skip);
  const { services, dir } = tempServices(t, 'runs');
  const { video: attached } = await visitWithVideo(services, video.path);
  const withWindows = await services.handlers['videos.setRunWindows']({
    visitVideoId: attached.id,
    windows: [{ startS: 6, endS: 9 }, { startS: 0, endS: 3 }],
  });
  assert.deepEqual(withWindows.runWindows.map((w) => [w.startS, w.endS, w.analysis]), [[0, 3, null], [6, 9, null]]);
  const [first, last] = withWindows.runWindows as [(typeof withWindows.runWindows)[0], (typeof withWindows.runWindows)[0]];

  const own = await services.handlers['analyses.save']({ visitVideoId: attached.id, track: encodeTrack(sampleTrack(20)), startS: 0, endS: 9 });
  const a1 = await services.handlers['analyses.save']({ visitVideoId: attached.id, track: encodeTrack(sampleTrack(10)), startS: 0, endS: 3, runWindowId: first.id });
  const a2 = await services.handlers['analyses.save']({ visitVideoId: attached.id, track: encodeTrack(sampleTrack(12)), startS: 6, endS: 9, runWindowId: last.id });
  let v = (await services.handlers['visits.get']({ id: attached.visitId })).videos[0]!;
  assert.equal(v.analysis?.id, own.id, 'the newest window analysis does not replace the video analysis');
  assert.deepEqual(v.runWindows.map((w) => w.analysis?.id), [a1.id, a2.id]);

  // the first window given again (rounded as the UI rounds), the last moved: it is a new window, without analysis
  v = await services.handlers['videos.setRunWindows']({ visitVideoId: attached.id, windows: [{ startS: 0.02, endS: 3 }, { startS: 5, endS: 8 }] });
  assert.equal(v.runWindows[0]?.id, first.id);
  assert.equal(v.runWindows[0]?.analysis?.id, a1.id);
  assert.notEqual(v.runWindows[1]?.id, last.id);
  assert.equal(v.runWindows[1]?.analysis, null);
  assert.ok(existsSync(join(dir, 'analyses', `${a1.id}.gltrack`)));
  assert.ok(!existsSync(join(dir, 'analyses', `${a2.id}.gltrack`)), "the removed window's landmark file is gone");
  await assert.rejects(services.handlers['analyses.track']({ analysisId: a2.id }), (e: unknown) => e instanceof ServiceError && e.code === 'not-found');
  assert.equal(v.analysis?.id, own.id);
});

test('overlapping windows and an analysis for a window that is gone are refused with a clear message', async (t) => {
  const video = testVideo(VIDEOS.treadmillLeft30);
  if ('skip' in video) return t.skip(video.skip);
  const { services } = tempServices(t, 'runs');
  const { video: attached } = await visitWithVideo(services, video.path);
  await assert.rejects(
    services.handlers['videos.setRunWindows']({ visitVideoId: attached.id, windows: [{ startS: 0, endS: 5 }, { startS: 4, endS: 8 }] }),
    (e: unknown) => e instanceof ServiceError && /overlap/.test(e.message),
  );
  const v = await services.handlers['videos.setRunWindows']({ visitVideoId: attached.id, windows: [{ startS: 0, endS: 3 }] });
  const windowId = v.runWindows[0]!.id;
  await services.handlers['videos.setRunWindows']({ visitVideoId: attached.id, windows: [] });
  await assert.rejects(
    services.handlers['analyses.save']({ visitVideoId: attached.id, track: encodeTrack(sampleTrack(5)), startS: 0, endS: 3, runWindowId: windowId }),
    (e: unknown) => e instanceof ServiceError && /no longer exists/.test(e.message),
  );
});
