import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractBody } from '../../../shared/gait/body.ts';
import { mirrorShoeMotion, usableShoeMotion, shoeMotion, swapShoeMotion } from '../../../shared/gait/shoe-motion.ts';
import { Landmark } from '../../../shared/pose/track.ts';
import { sampleTrack } from '../../support/sample-track.ts';
import { generateTrack, runningSpec } from '../../support/synthetic/generator.ts';

test('the motion read at frame k + 1 belongs to frame k; unread or poorly matched motion is unknown', () => {
  const track = sampleTrack(5, 0);
  track.frames[1]!.feet = { left: { dx: -30, dy: 2, score: 0.9 } };
  track.frames[2]!.feet = { left: { dx: -31, dy: 1, score: 0.4 }, right: { dx: 12, dy: -3, score: 0.8 } };
  const m = shoeMotion(track);
  assert.deepEqual(m.left.dx, [-30, Number.NaN, Number.NaN, Number.NaN, Number.NaN]);
  assert.deepEqual(m.right.dy, [Number.NaN, -3, Number.NaN, Number.NaN, Number.NaN]);
});

test('labels exchanged where the landmarks were, and x reversed where the body is mirrored', () => {
  const track = sampleTrack(3, 0);
  track.frames[1]!.feet = { left: { dx: -30, dy: 2, score: 0.9 }, right: { dx: 10, dy: 0, score: 0.9 } };
  track.frames[2]!.feet = { left: { dx: -20, dy: 1, score: 0.9 }, right: { dx: 15, dy: 0, score: 0.9 } };
  const swapped = swapShoeMotion(shoeMotion(track), [false, true, false]);
  assert.deepEqual(swapped.left.dx.slice(0, 2), [-30, 15]);
  assert.deepEqual(swapped.right.dx.slice(0, 2), [10, -20]);
  assert.deepEqual(mirrorShoeMotion(swapped).left.dx.slice(0, 2), [30, -15]);
});

test("motion taken where the heel landmark jumped off the foot, or where the other leg crosses the patch, is not used", () => {
  const { track } = generateTrack(runningSpec({ fps: 60, durationS: 1 }));
  for (const f of track.frames.slice(1)) f.feet = { right: { dx: -5, dy: 0, score: 0.95 } };
  const body = extractBody(track);
  const usable = (t: typeof track) => usableShoeMotion(shoeMotion(t), extractBody(t), body).right.dx.map(Number.isFinite);
  const clear = usable(track);
  // the right foot's patch is clear of the left leg in some frames and not in others (the legs pass each other)
  const k = clear.findIndex((ok) => ok);
  assert.ok(k >= 0 && clear.some((ok, j) => j < clear.length - 1 && !ok), `usable frames ${clear.map(Number).join('')}`);
  const moved = (landmark: number, to: (l: { x: number; y: number }) => { x: number; y: number }) => ({
    ...track,
    frames: track.frames.map((f, j) => (j === k ? { ...f, landmarks: f.landmarks!.map((l, i) => (i === landmark ? { ...l, ...to(l) } : l)) } : f)),
  });
  // frame k's right heel landmark drawn on something else, a foot's length and more away
  assert.equal(usable(moved(Landmark.rightHeel, (l) => ({ x: l.x + 0.2, y: l.y })))[k], false);
  // the left ankle drawn at the right heel in frame k: the left shank crosses the patch
  const heel = track.frames[k]!.landmarks![Landmark.rightHeel]!;
  assert.equal(usable(moved(Landmark.leftAnkle, () => ({ x: heel.x, y: heel.y })))[k], false);
  assert.equal(usable(track)[k], true);
});
