import { test } from 'node:test';
import assert from 'node:assert/strict';
import { clampPan, containBox, imageToScreen, NO_ZOOM, screenToImage, zoomAt } from '../../../renderer/src/review/stage-geometry.ts';

test('a portrait clip in a landscape stage is pillarboxed, centred', () => {
  const box = containBox(800, 600, 720, 1280);
  assert.equal(box.height, 600);
  assert.ok(Math.abs(box.width - 337.5) < 1e-9);
  assert.ok(Math.abs(box.x - 231.25) < 1e-9);
  assert.equal(box.y, 0);
  const landscape = containBox(400, 600, 1920, 1080);
  assert.equal(landscape.width, 400);
  assert.ok(Math.abs(landscape.y - (600 - 225) / 2) < 1e-9);
});

test('image points land in the content box, and back, with and without zoom', () => {
  const box = containBox(800, 600, 720, 1280);
  assert.deepEqual(imageToScreen(box, NO_ZOOM, 0, 0), { x: box.x, y: 0 });
  assert.deepEqual(imageToScreen(box, NO_ZOOM, 1, 1), { x: box.x + box.width, y: 600 });
  const zoomed = zoomAt(NO_ZOOM, 2, 400, 300, 800, 600);
  const p = imageToScreen(box, zoomed, 0.3, 0.7);
  const back = screenToImage(box, zoomed, p.x, p.y);
  assert.ok(Math.abs(back.x - 0.3) < 1e-9 && Math.abs(back.y - 0.7) < 1e-9);
});

test('zoom keeps the point under the cursor still and never pans past the picture', () => {
  const box = containBox(800, 600, 720, 1280);
  const under = screenToImage(box, NO_ZOOM, 420, 250);
  const zoomed = zoomAt(NO_ZOOM, 3, 420, 250, 800, 600);
  const after = imageToScreen(box, zoomed, under.x, under.y);
  assert.ok(Math.abs(after.x - 420) < 1e-9 && Math.abs(after.y - 250) < 1e-9);
  assert.deepEqual(clampPan({ zoom: 2, panX: 100, panY: -5000 }, 800, 600), { zoom: 2, panX: 0, panY: -600 });
  assert.deepEqual(zoomAt(zoomed, 0.01, 10, 10, 800, 600), NO_ZOOM, 'zooming out stops at the whole picture');
});
