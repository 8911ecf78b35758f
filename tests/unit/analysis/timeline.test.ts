import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AnalysisError } from '../../../renderer/src/analysis/errors.ts';
import { buildTimeline, captureTimeMs, frameIndexAt, framesInWindow, splitRange } from '../../../renderer/src/analysis/timeline.ts';

const constant = (frames: number, fps: number, offset = 0) =>
  Array.from({ length: frames }, (_, k) => ({ timestamp: offset + k / fps, duration: 1 / fps }));

test('a constant-rate clip: frames, duration, rate', () => {
  const timeline = buildTimeline(constant(360, 30));
  assert.equal(timeline.timestamps.length, 360);
  assert.ok(Math.abs(timeline.durationS - 12) < 1e-9);
  assert.ok(Math.abs(timeline.fileFps - 30) < 1e-9);
  assert.equal(timeline.variableFrameRate, false);
});

test('packets in decode order (B-frames) come out in presentation order', () => {
  const order = [0, 3, 1, 2, 6, 4, 5];
  const timeline = buildTimeline(order.map((k) => ({ timestamp: k / 30, duration: 1 / 30 })));
  assert.deepEqual(Array.from(timeline.timestamps), [0, 1, 2, 3, 4, 5, 6].map((k) => k / 30));
});

test('variable frame rate: real intervals are kept and flagged', () => {
  const packets = [{ timestamp: 0, duration: 0.0144 }, ...constant(10, 30, 0.0144)];
  const timeline = buildTimeline(packets);
  assert.equal(timeline.variableFrameRate, true);
  assert.ok(Math.abs(timeline.timestamps[1]! - 0.0144) < 1e-12);
  assert.ok(Math.abs(timeline.fileFps - 11 / (0.0144 + 10 / 30)) < 1e-9);
});

test('millisecond rounding of a 29.97 fps clip is not variable frame rate', () => {
  const packets = Array.from({ length: 100 }, (_, k) => ({ timestamp: Math.round((k * 1001) / 30) / 1000, duration: 0.033 }));
  assert.equal(buildTimeline(packets).variableFrameRate, false);
});

test('frames cut by an edit list (ending before 0) are not frames', () => {
  const timeline = buildTimeline([{ timestamp: -2 / 30, duration: 1 / 30 }, ...constant(5, 30)]);
  assert.equal(timeline.timestamps.length, 5);
});

test('frameIndexAt finds a frame by a timestamp rounded to microseconds, and nothing between frames', () => {
  const { timestamps } = buildTimeline(constant(100, 29.97));
  assert.equal(frameIndexAt(timestamps, Math.round((40 / 29.97) * 1e6) / 1e6), 40);
  assert.equal(frameIndexAt(timestamps, 40.5 / 29.97), -1);
  assert.equal(frameIndexAt(timestamps, 0), 0);
  assert.equal(frameIndexAt(timestamps, 99 / 29.97), 99);
});

test('a time window selects [startS, endS) in seconds from the first frame', () => {
  const { timestamps } = buildTimeline(constant(360, 30, 0.5));
  assert.deepEqual(framesInWindow(timestamps), { start: 0, end: 360 });
  assert.deepEqual(framesInWindow(timestamps, 0, 2), { start: 0, end: 60 });
  assert.deepEqual(framesInWindow(timestamps, 1, 2), { start: 30, end: 60 });
  assert.deepEqual(framesInWindow(timestamps, 11.95, 100), { start: 359, end: 360 });
  for (const [start, end] of [[11.99, 13], [12, 13], [2, 1], [-1, 2], [Number.NaN, 1]] as const) {
    assert.throws(() => framesInWindow(timestamps, start, end), (error: unknown) => error instanceof AnalysisError && error.code === 'invalid-window');
  }
});

test('splitRange halves by frame count', () => {
  assert.deepEqual(splitRange({ start: 10, end: 71 }, 2), [
    { start: 10, end: 41 },
    { start: 41, end: 71 },
  ]);
  assert.deepEqual(splitRange({ start: 0, end: 1 }, 2), [{ start: 0, end: 1 }]);
  assert.deepEqual(splitRange({ start: 0, end: 9 }, 1), [{ start: 0, end: 9 }]);
});

test('capture time scales file time by fileFps / captureFps', () => {
  assert.equal(captureTimeMs(1.5, 0.5, 30, 30), 1000);
  assert.equal(captureTimeMs(1.5, 0.5, 30, 120), 250);
  assert.equal(captureTimeMs(0.5, 0.5, 30, 240), 0);
});
