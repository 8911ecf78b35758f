import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LANDMARK_COUNT, Landmark, type LandmarkTrack, type Rgb } from '../../../shared/pose/track.ts';
import { addShankPixels } from '../../support/synthetic/shank-picture.ts';

const RED: Rgb = [200, 40, 40];
const BLUE: Rgb = [40, 60, 210];

/** One 400 x 400 frame with these knees and ankles (normalised), read with the near leg carrying `near`. */
function readOne(shanks: { left: [number, number, number, number]; right: [number, number, number, number] }, near: 'left' | 'right') {
  const landmarks = Array.from({ length: LANDMARK_COUNT }, () => ({ x: 0.5, y: 0.5, z: 0, visibility: 0.9, presence: 0.9 }));
  const put = (k: number, x: number, y: number) => (landmarks[k] = { ...landmarks[k]!, x, y });
  put(Landmark.leftKnee, shanks.left[0], shanks.left[1]);
  put(Landmark.leftAnkle, shanks.left[2], shanks.left[3]);
  put(Landmark.rightKnee, shanks.right[0], shanks.right[1]);
  put(Landmark.rightAnkle, shanks.right[2], shanks.right[3]);
  const track: LandmarkTrack = {
    model: 'full',
    video: { width: 400, height: 400, rotation: 0, frames: 1, fileFps: 30, captureFps: 30, durationS: 1 / 30 },
    frames: [{ i: 0, tMs: 0, landmarks, world: null }],
  };
  return addShankPixels(track, () => near, { near: BLUE, far: RED }).frames[0]!.shanks;
}

const X = { left: [0.4, 0.3, 0.6, 0.7], right: [0.6, 0.3, 0.4, 0.7] } as const satisfies Parameters<typeof readOne>[0];

test('where the shanks cross, the pixels read are the near shank’s, whichever label it carries', () => {
  for (const near of ['left', 'right'] as const) {
    const read = readOne(X, near);
    assert.equal(read?.kind, 'crossing');
    if (read?.kind !== 'crossing') return;
    assert.equal(read.pixels.length, 64, 'a sample of 64 pixels');
    assert.ok(read.pixels.every((p) => p.join() === BLUE.join()), `${near} near: every pixel blue`);
  }
});

test('while the shanks are apart, each labelled shank’s own colour is read', () => {
  const read = readOne({ left: [0.3, 0.3, 0.3, 0.7], right: [0.7, 0.3, 0.7, 0.7] }, 'right');
  assert.deepEqual(read, { kind: 'apart', left: RED, right: BLUE });
});

test('shanks crossing at a shallow angle, near their ends, or close without crossing are not read', () => {
  // about 11 degrees apart: they share too long a stretch
  assert.equal(readOne({ left: [0.5, 0.3, 0.5, 0.7], right: [0.46, 0.3, 0.54, 0.7] }, 'right'), undefined);
  // crossing at the ankles (the feet, not the shanks, overlap)
  assert.equal(readOne({ left: [0.4, 0.3, 0.6, 0.7], right: [0.8, 0.3, 0.6, 0.7] }, 'right'), undefined);
  // side by side, a shank's width apart
  assert.equal(readOne({ left: [0.5, 0.3, 0.5, 0.7], right: [0.53, 0.3, 0.53, 0.7] }, 'right'), undefined);
});
