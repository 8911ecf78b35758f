/** Stored frames of rotated files turned upright in the worker (renderer/src/analysis/upright.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { storedRect, uprightPixels, type Rotation } from '../../../renderer/src/analysis/upright.ts';

const W = 7;
const H = 4;
/** A stored frame whose every pixel holds its own (x, y). */
const stored = new Uint32Array(W * H).map((_, k) => ((k % W) << 8) | Math.floor(k / W));
const at = (value: number) => ({ x: value >> 8, y: value & 255 });

test('turned clockwise: the upright corners are the stored ones a quarter, half or three quarters round', () => {
  const corner = (rotation: Rotation) => at(uprightPixels(stored, W, H, rotation)[0]!);
  assert.deepEqual(corner(0), { x: 0, y: 0 });
  assert.deepEqual(corner(90), { x: 0, y: H - 1 }); // the stored bottom-left comes to the top-left
  assert.deepEqual(corner(180), { x: W - 1, y: H - 1 });
  assert.deepEqual(corner(270), { x: W - 1, y: 0 });
  // upright width is the stored height at 90 and 270: its top row runs up the stored left column (90)
  const turned = uprightPixels(stored, W, H, 90);
  assert.deepEqual([0, 1, 2, 3].map((X) => at(turned[X]!)), [3, 2, 1, 0].map((y) => ({ x: 0, y })));
});

test('a region of the upright picture read from the stored frame and turned equals the same region of the turned frame', () => {
  for (const rotation of [0, 90, 180, 270] as const) {
    const uprightWidth = rotation % 180 === 0 ? W : H;
    const uprightHeight = rotation % 180 === 0 ? H : W;
    const whole = uprightPixels(stored, W, H, rotation);
    for (const rect of [{ x: 1, y: 2, width: 2, height: 1 }, { x: 0, y: 0, width: uprightWidth, height: uprightHeight }, { x: 1, y: 1, width: 3, height: 2 }]) {
      const s = storedRect(rect, rotation, W, H);
      assert.ok(s.x >= 0 && s.y >= 0 && s.x + s.width <= W && s.y + s.height <= H, `rotation ${rotation}: ${JSON.stringify(s)} inside the stored frame`);
      const region = new Uint32Array(s.width * s.height);
      for (let y = 0; y < s.height; y++) for (let x = 0; x < s.width; x++) region[y * s.width + x] = stored[(s.y + y) * W + s.x + x]!;
      const turned = uprightPixels(region, s.width, s.height, rotation);
      const expected: number[] = [];
      for (let y = rect.y; y < rect.y + rect.height; y++) for (let x = rect.x; x < rect.x + rect.width; x++) expected.push(whole[y * uprightWidth + x]!);
      assert.deepEqual([...turned], expected, `rotation ${rotation}, ${JSON.stringify(rect)}`);
    }
  }
});
