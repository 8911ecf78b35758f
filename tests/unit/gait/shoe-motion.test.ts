import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractBody } from '../../../shared/gait/body.ts';
import { MIN_FOOT_PX, mirrorShoeMotion, shoeMotion, swapShoeMotion, usableShoeMotion } from '../../../shared/gait/shoe-motion.ts';
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

test('motion taken where the heel landmark jumped off the foot (a label on the other foot for a frame) is not used', () => {
  const { track } = generateTrack(runningSpec({ fps: 60, durationS: 1 }));
  for (const f of track.frames.slice(1)) f.feet = { right: { dx: -5, dy: 0, score: 0.95 } };
  const body = extractBody(track);
  const usable = (t: typeof track) => usableShoeMotion(shoeMotion(t), extractBody(t), body).right.dx.map(Number.isFinite);
  const k = 20;
  assert.equal(usable(track)[k], true);
  const moved = (landmark: number, to: (l: { x: number; y: number }) => { x: number; y: number }) => ({
    ...track,
    frames: track.frames.map((f, j) => (j === k ? { ...f, landmarks: f.landmarks!.map((l, i) => (i === landmark ? { ...l, ...to(l) } : l)) } : f)),
  });
  // frame k's right heel landmark drawn on something else, a foot's length and more away
  assert.equal(usable(moved(Landmark.rightHeel, (l) => ({ x: l.x + 0.2, y: l.y })))[k], false);
  assert.equal(usable(moved(Landmark.rightHeel, (l) => ({ x: l.x + 0.01, y: l.y })))[k], true, 'a few pixels off: still on the foot');
});

test('a foot under 40 px is not followed: the patch would hold more belt than shoe', () => {
  const { track } = generateTrack(runningSpec({ fps: 60, durationS: 1, image: { width: 240, height: 180 } }));
  for (const f of track.frames.slice(1)) f.feet = { right: { dx: -5, dy: 0, score: 0.95 }, left: { dx: -5, dy: 0, score: 0.95 } };
  const body = extractBody(track);
  const foot = Math.hypot(body.right.toe.x[10]! - body.right.heel.x[10]!, body.right.toe.y[10]! - body.right.heel.y[10]!);
  assert.ok(foot < MIN_FOOT_PX, `foot ${foot.toFixed(1)} px`);
  const usable = usableShoeMotion(shoeMotion(track), body, body);
  assert.ok([...usable.left.dx, ...usable.right.dx].every(Number.isNaN));
});
