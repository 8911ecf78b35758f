import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AnalysisSummary, Visit, VisitVideo } from '../../../shared/contract/entities.ts';
import { clock, isMeasured, measuredVideo, parseClock, proposeWindows, runWindowsOf, windowLabel } from '../../../shared/endurance/windows.ts';

test('times in the run are written and read as the clinician writes them', () => {
  assert.equal(clock(0), '0:00');
  assert.equal(clock(45.4), '0:45.4');
  assert.equal(clock(59.96), '1:00');
  assert.equal(clock(720), '12:00');
  assert.equal(clock(3723), '1:02:03');
  assert.equal(parseClock('12:30'), 750);
  assert.equal(parseClock(' 1:02:03 '), 3723);
  assert.equal(parseClock('90'), 90);
  assert.equal(parseClock('2.5'), 2.5);
  assert.equal(parseClock('0:07.5'), 7.5);
  for (const bad of ['', '1:75', '1:2', 'ten', '-5', '1:60:00']) assert.equal(parseClock(bad), null, bad);
});

test('window labels name the minute of the run, or the clock times when a window spans minutes', () => {
  assert.equal(windowLabel(0, 60), 'minute 1');
  assert.equal(windowLabel(660, 720), 'minute 12');
  assert.equal(windowLabel(75, 120), 'minute 2');
  assert.equal(windowLabel(50, 70), '0:50-1:10');
  assert.equal(windowLabel(2, 10), '0:02-0:10');
  assert.equal(windowLabel(14.2, 19.2), '0:14.2-0:19.2');
});

test('the default windows: the first and the last minute and one every N minutes between', () => {
  assert.deepEqual(proposeWindows(15 * 60), [
    { startS: 0, endS: 60 },
    { startS: 300, endS: 360 },
    { startS: 600, endS: 660 },
    { startS: 840, endS: 900 },
  ]);
  assert.deepEqual(proposeWindows(12 * 60 + 30, 60, 10), [
    { startS: 0, endS: 60 },
    { startS: 600, endS: 660 },
    { startS: 690, endS: 750 },
  ]);
  // a clip shorter than two windows: its two halves
  assert.deepEqual(proposeWindows(90), [{ startS: 0, endS: 45 }, { startS: 45, endS: 90 }]);
  assert.deepEqual(proposeWindows(30, 10, 5), [{ startS: 0, endS: 10 }, { startS: 20, endS: 30 }]);
  assert.deepEqual(proposeWindows(0), []);
});

const summary = (id: string, startS: number, analysedS: number, fps = { file: 30, capture: 30 }): AnalysisSummary => ({
  id, visitVideoId: 'v', model: 'full', frames: 10, framesWithPose: 10, width: 720, height: 1280, rotation: 0,
  fileFps: fps.file, captureFps: fps.capture, startS, endS: startS + analysedS, analysedS, trackBytes: 1, createdAt: '2026-12-07T00:00:00Z',
});

function video(id: string, patch: Partial<VisitVideo>): VisitVideo {
  return {
    id, visitId: 'visit', mediaId: 'm', container: 'mp4', originalName: `${id}.mp4`, sizeBytes: 1, sha256: 'x', attachedAt: '2026-12-07T00:00:00Z',
    original: null, captureFps: null, analysis: null, runStartS: null, runWindows: [], ...patch,
  };
}

test("a visit's run: a long clip's analysed windows, short clips at their time into the run, in run order", () => {
  const long = video('long', {
    analysis: summary('own', 0, 20),
    runWindows: [
      { id: 'w1', visitVideoId: 'long', startS: 0, endS: 60, analysis: summary('a1', 0, 60), createdAt: '' },
      { id: 'w2', visitVideoId: 'long', startS: 300, endS: 360, analysis: null, createdAt: '' },
      { id: 'w3', visitVideoId: 'long', startS: 840, endS: 900, analysis: summary('a3', 840, 60), createdAt: '' },
    ],
  });
  const late = video('late', { runStartS: 1200, analysis: summary('a-late', 2, 10) });
  const notInRun = video('side', { analysis: summary('a-side', 0, 10) });
  const slowmo = video('slow', { runStartS: 600, analysis: summary('a-slow', 8, 1, { file: 30, capture: 240 }) });
  const visit = { videos: [late, notInRun, long, slowmo] } as unknown as Visit;
  const run = runWindowsOf(visit);
  assert.deepEqual(
    run.map((r) => [r.key, r.windowId, r.runStartS, r.runEndS]),
    [
      ['w1', 'w1', 0, 60],
      ['slow', null, 601, 602],
      ['w3', 'w3', 840, 900],
      ['late', null, 1202, 1212],
    ],
  );
  assert.ok(!run.some((r) => r.analysis.id === 'own'), "a long clip's own analysis is not a window");
});

test("a video counts in its visit's measures by its own analysis, else by its run's first analysed window (named with its times)", () => {
  const own = video('own', { analysis: summary('a-own', 0, 10), runWindows: [{ id: 'w', visitVideoId: 'own', startS: 0, endS: 60, analysis: summary('a-w', 0, 60), createdAt: '' }] });
  assert.equal(measuredVideo(own)?.analysis?.id, 'a-own');
  const long = video('long', {
    runWindows: [
      { id: 'w0', visitVideoId: 'long', startS: 0, endS: 60, analysis: null, createdAt: '' },
      { id: 'w1', visitVideoId: 'long', startS: 300, endS: 360, analysis: summary('a-w1', 300, 60), createdAt: '' },
      { id: 'w2', visitVideoId: 'long', startS: 840, endS: 900, analysis: summary('a-w2', 840, 60), createdAt: '' },
    ],
  });
  const measured = measuredVideo(long)!;
  assert.equal(measured.analysis?.id, 'a-w1');
  assert.equal(measured.originalName, 'long.mp4 (5:00-6:00)');
  assert.equal(measured.id, 'long');
  const none = video('none', { runWindows: [{ id: 'w', visitVideoId: 'none', startS: 0, endS: 60, analysis: null, createdAt: '' }] });
  assert.equal(measuredVideo(none), null);
  assert.equal(isMeasured({ videos: [none] }), false);
  assert.equal(isMeasured({ videos: [none, long] }), true);
});
