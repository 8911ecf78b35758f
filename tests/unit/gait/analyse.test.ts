import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseTrack } from '../../../shared/gait/analyse.ts';
import { generateTrack, runningSpec } from '../../support/synthetic/generator.ts';

test('the result is plain JSON: it survives a round trip unchanged', () => {
  const gen = generateTrack(runningSpec({ fps: 60, durationS: 4, noise: { seed: 1, jitterPx: 2, dropoutRate: 0.05 } }));
  // a 20-frame stretch without pose: longer than the gap limit
  const track = { ...gen.track, frames: gen.track.frames.map((f) => (f.i >= 100 && f.i < 120 ? { ...f, landmarks: null } : f)) };
  const a = analyseTrack(track, { calibration: { kind: 'height', heightCm: 178 } });
  assert.deepEqual(JSON.parse(JSON.stringify(a)), a);
  assert.equal(a.angles.kneeFlexionDeg.left.length, track.frames.length);
  assert.equal(a.frames.frame.length, track.frames.length);
  assert.ok(a.angles.kneeFlexionDeg.left.some((v) => v === null), 'dropouts longer than the gap limit stay unknown (null)');
});

test('deterministic: same input, same output', () => {
  const { track } = generateTrack(runningSpec({ fps: 60, durationS: 3, noise: { seed: 7, jitterPx: 2 } }));
  assert.deepEqual(analyseTrack(track), analyseTrack(track));
});

test('events carry the pipeline frame index and capture time', () => {
  const { track } = generateTrack(runningSpec({ fps: 60, durationS: 3 }));
  // frame numbers that do not start at 0 (a trimmed track) are kept as they are
  const shifted = { ...track, frames: track.frames.map((f) => ({ ...f, i: f.i + 1000 })) };
  const a = analyseTrack(shifted);
  for (const e of a.events) {
    const f = shifted.frames.find((x) => x.i === e.frame);
    assert.ok(f);
    assert.ok(Math.abs(f.tMs - e.tMs) < 0.001);
  }
  assert.ok(a.events.length > 10);
});

test('a track with no pose at all gives an analysis with reasons, not an exception', () => {
  const { track } = generateTrack(runningSpec({ fps: 30, durationS: 1 }));
  const empty = { ...track, frames: track.frames.map((f) => ({ ...f, landmarks: null, world: null })) };
  const a = analyseTrack(empty);
  assert.equal(a.events.length, 0);
  assert.equal(a.gait.kind, 'unknown');
  assert.equal(a.metrics.cadenceSpm.mean, null);
  assert.ok(a.metrics.cadenceSpm.reasonIfAbsent);
  assert.ok(a.angles.kneeFlexionDeg.left.every((v) => v === null));
});
