import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeTrack, encodeTrack, TrackFormatError } from '../../../shared/pose/track-codec.ts';
import { sampleTrack } from '../../support/sample-track.ts';

test('a track loads back exactly, frames without a pose included', () => {
  const track = sampleTrack(40);
  const bytes = encodeTrack(track);
  assert.deepEqual(decodeTrack(bytes), track);
  assert.equal(track.frames.filter((f) => f.landmarks === null).length, 8);
});

test('the file is compact: about 1 KB per frame with a pose', () => {
  const bytes = encodeTrack(sampleTrack(100, 1000));
  const perFrame = bytes.length / 100;
  assert.ok(perFrame > 33 * 8 * 4 && perFrame < 33 * 8 * 4 + 64, `${perFrame} bytes per frame`);
});

test('a header with non-ASCII text survives (escaped to ASCII)', () => {
  const track = sampleTrack(2);
  const odd = { ...track, video: { ...track.video, note: 'Läufer – 走る' } } as typeof track;
  assert.deepEqual(decodeTrack(encodeTrack(odd)), odd);
});

test('damaged or foreign bytes are refused with a clear error', () => {
  const bytes = encodeTrack(sampleTrack(6));
  assert.throws(() => decodeTrack(bytes.subarray(0, bytes.length - 4)), (e: unknown) => e instanceof TrackFormatError && /cut short/.test(e.message));
  assert.throws(() => decodeTrack(bytes.subarray(0, bytes.length - 40)), (e: unknown) => e instanceof TrackFormatError && /expected \d+ bytes|cut short/.test(e.message));
  assert.throws(() => decodeTrack(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])), /does not start with GLTK/);
  const future = bytes.slice();
  future[4] = 9;
  assert.throws(() => decodeTrack(future), /format version 9/);
});

test('a frame with the wrong number of landmarks is not encoded', () => {
  const track = sampleTrack(3);
  track.frames[0]!.landmarks = track.frames[0]!.landmarks!.slice(0, 17);
  assert.throws(() => encodeTrack(track), /has 17 landmarks, expected 33/);
});

test("the shanks' pixels load back with their frames", () => {
  const track = sampleTrack(10);
  track.frames[2]!.shanks = { kind: 'apart', left: [200, 150, 120], right: [40, 40, 60] };
  track.frames[5]!.shanks = { kind: 'crossing', pixels: Array.from({ length: 64 }, (_, k) => [k, 255 - k, 3 * k] as [number, number, number]) };
  const back = decodeTrack(encodeTrack(track));
  assert.deepEqual(back, track);
  assert.equal(back.frames.filter((f) => f.shanks).length, 2);
  const cut = encodeTrack(track);
  assert.throws(() => decodeTrack(cut.subarray(0, cut.length - 10)), /shank pixels are cut short/);
});

test("the shoes' motion loads back with its frames, to a tenth of a pixel", () => {
  const track = sampleTrack(10);
  track.frames[3]!.feet = { left: { dx: -31.4, dy: 2.5, score: 0.97 } };
  track.frames[4]!.feet = { left: { dx: 0, dy: -0.1, score: -0.2 }, right: { dx: 12.3, dy: -4, score: 0.5 } };
  track.frames[6]!.feet = { right: { dx: 4000, dy: 0.04, score: 0.5 } };
  const back = decodeTrack(encodeTrack(track));
  assert.deepEqual(back.frames.slice(0, 6), track.frames.slice(0, 6));
  // beyond the stored range the value is clamped, below a twentieth of a pixel it reads 0
  assert.deepEqual(back.frames[6]!.feet, { right: { dx: 3276.7, dy: 0, score: 0.5 } });
  const bytes = encodeTrack(track);
  assert.throws(() => decodeTrack(bytes.subarray(0, bytes.length - 5)), /shoe motion is cut short/);
});

test('tracks written before the shank pixels (version 1) or the shoe motion (version 2) still load', () => {
  const track = sampleTrack(12);
  const v3 = encodeTrack(track);
  // version 2 is version 3 without the shoe motion section, version 1 also without the shank section (their counts, 0 here)
  const v2 = v3.slice(0, v3.length - 4);
  new DataView(v2.buffer).setUint16(4, 2, true);
  assert.deepEqual(decodeTrack(v2), track);
  const v1 = v3.slice(0, v3.length - 8);
  new DataView(v1.buffer).setUint16(4, 1, true);
  assert.deepEqual(decodeTrack(v1), track);
  assert.throws(() => decodeTrack(v3.slice(0, v3.length - 3).fill(1, 4, 5)), /expected \d+ bytes/);
});
