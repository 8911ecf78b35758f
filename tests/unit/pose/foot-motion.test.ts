import { test } from 'node:test';
import assert from 'node:assert/strict';
import { footPatch, footPatchRect, patchMotion, searchRect } from '../../../shared/pose/foot-motion.ts';
import type { PixelRect } from '../../../shared/pose/shank-pixels.ts';
import { LANDMARK_COUNT, Landmark } from '../../../shared/pose/track.ts';

const W = 320;
const H = 240;

/** An RGBA frame: a dark, flat belt and wall, and a textured shoe (smooth blobs of light; or as dark and flat as the rest) with its top-left corner at (x, y). */
function frame(x: number, y: number, textured = true): Uint8ClampedArray {
  const rgba = new Uint8ClampedArray(W * H * 4);
  for (let py = 0; py < H; py++) {
    for (let px = 0; px < W; px++) {
      const u = px - x;
      const v = py - y;
      const onShoe = u >= 0 && u < 90 && v >= 0 && v < 36;
      const shade = !onShoe ? 30 : textured ? 120 + 60 * Math.sin(u / 5) * Math.cos(v / 4) + 40 * Math.sin((u + 2 * v) / 9) : 30;
      const q = (py * W + px) * 4;
      rgba.set([shade, shade * 0.9, shade * 0.8, 255], q);
    }
  }
  return rgba;
}

/** The pixels of rect, as the worker reads them. */
function read(rgba: Uint8ClampedArray, rect: PixelRect): Uint8ClampedArray {
  const out = new Uint8ClampedArray(rect.width * rect.height * 4);
  for (let r = 0; r < rect.height; r++) out.set(rgba.subarray(((rect.y + r) * W + rect.x) * 4, ((rect.y + r) * W + rect.x + rect.width) * 4), r * rect.width * 4);
  return out;
}

/** Landmarks with the right heel at the shoe's back, toe at its front (the foot 80 px long), in a frame whose shoe starts at (x, y). */
function landmarks(x: number, y: number) {
  const out = Array.from({ length: LANDMARK_COUNT }, () => ({ x: 0.5, y: 0.5, z: 0, visibility: 0.9, presence: 0.9 }));
  out[Landmark.rightHeel] = { ...out[0]!, x: (x + 5) / W, y: (y + 18) / H };
  out[Landmark.rightFootIndex] = { ...out[0]!, x: (x + 85) / W, y: (y + 22) / H };
  return out;
}

/** The motion from a frame with the shoe at `from` to one with it at `to`, as the worker measures it. */
function measure(from: [number, number], to: [number, number], textured = true) {
  const plan = footPatchRect(landmarks(...from), 'right', W, H);
  assert.ok(plan, 'the patch is placed');
  const patch = footPatch(read(frame(...from, textured), plan.rect), plan.rect, plan);
  const rect = searchRect(patch, W, H);
  return patchMotion(patch, read(frame(...to, textured), rect), rect);
}

test("a shoe carried back by the belt is followed to a fraction of a pixel, whatever the patch's cells", () => {
  for (const [dx, dy] of [
    [-31, 2],
    [-17, 0],
    [12, -9],
    [0, 0],
  ] as const) {
    const motion = measure([150, 120], [150 + dx, 120 + dy]);
    assert.ok(motion, `${dx},${dy}: found`);
    assert.ok(Math.abs(motion.dx - dx) <= 0.75 && Math.abs(motion.dy - dy) <= 0.75, `${dx},${dy}: measured ${motion.dx.toFixed(2)},${motion.dy.toFixed(2)}`);
    assert.ok(motion.score > 0.9, `${dx},${dy}: correlation ${motion.score.toFixed(2)}`);
  }
});

test('a shoe near the edge of the frame is still followed inside what the frame holds', () => {
  const motion = measure([40, 120], [18, 121]);
  assert.ok(motion && Math.abs(motion.dx + 22) <= 0.75 && Math.abs(motion.dy - 1) <= 0.75, JSON.stringify(motion));
});

test('nothing is read where there is nothing to follow: a flat picture, a foot too small or outside the frame', () => {
  assert.equal(measure([150, 120], [140, 120], false), null);
  const tiny = landmarks(150, 120);
  tiny[Landmark.rightFootIndex] = { ...tiny[Landmark.rightHeel]!, x: tiny[Landmark.rightHeel]!.x + 5 / W };
  assert.equal(footPatchRect(tiny, 'right', W, H), null);
  assert.equal(footPatchRect(landmarks(150, 225), 'right', W, H), null);
});
