import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  adjacentEventFrame,
  frameClock,
  indexAtMediaTime,
  indexOfFrame,
  nearestIndex,
  seekTimeOf,
  windowEndS,
} from '../../../renderer/src/review/frame-time.ts';
import type { LandmarkTrack } from '../../../shared/pose/track.ts';

/** A window of a file: frames 60..119 of a 30 fps file. */
function windowTrack(fileFps: number, captureFps: number, first: number, count: number): Pick<LandmarkTrack, 'video' | 'frames'> {
  return {
    video: { width: 720, height: 1280, rotation: 0, frames: 360, fileFps, captureFps, durationS: 360 / fileFps },
    frames: Array.from({ length: count }, (_, k) => ({
      i: first + k,
      tMs: ((first + k) / fileFps) * (fileFps / captureFps) * 1000,
      landmarks: null,
      world: null,
    })),
  };
}

test('a track frame starts at its file time: capture time scaled back by captureFps / fileFps', () => {
  const clock = frameClock(windowTrack(30, 240, 60, 60));
  // slow motion: the track times are 8x shorter than the file's
  assert.ok(Math.abs(clock.startS[0]! - 2) < 1e-9);
  assert.ok(Math.abs(clock.intervalS - 1 / 30) < 1e-9);
  assert.equal(clock.frame[0], 60);
});

test('media time maps to the frame shown, inside the analysed window', () => {
  const clock = frameClock(windowTrack(30, 30, 60, 60));
  assert.equal(indexAtMediaTime(clock, 2), 0);
  assert.equal(indexAtMediaTime(clock, 2 + 5 / 30), 5);
  // a presentation time read a hair early still names its frame
  assert.equal(indexAtMediaTime(clock, 2 + 5 / 30 - 0.0005), 5);
  assert.equal(indexAtMediaTime(clock, 2 + 5.6 / 30), 5);
  assert.equal(indexAtMediaTime(clock, 0.5), 0, 'before the window: its first frame');
  assert.equal(indexAtMediaTime(clock, 11), 59, 'after the window: its last frame');
});

test('seeking lands in the middle of the frame, and that media time maps back to the same frame', () => {
  const clock = frameClock(windowTrack(29.97, 29.97, 0, 100));
  for (const k of [0, 1, 37, 99]) {
    const t = seekTimeOf(clock, k);
    assert.ok(t > clock.startS[k]! && t < clock.startS[k]! + clock.intervalS);
    assert.equal(indexAtMediaTime(clock, t), k);
  }
  assert.equal(seekTimeOf(clock, 500), seekTimeOf(clock, 99), 'clamped to the window');
  assert.ok(Math.abs(windowEndS(clock) - 100 / 29.97) < 1e-9);
});

test('frame numbers and track indices, nearest times, neighbouring events', () => {
  const clock = frameClock(windowTrack(60, 60, 120, 30));
  assert.equal(indexOfFrame(clock, 125), 5);
  assert.equal(indexOfFrame(clock, 119), -1);
  assert.equal(nearestIndex([0, 10, 20, 30], 14), 1);
  assert.equal(nearestIndex([0, 10, 20, 30], 16), 2);
  assert.equal(nearestIndex([0, 10, 20, 30], 99), 3);
  const events = [130, 141, 152];
  assert.equal(adjacentEventFrame(events, 141, 1), 152);
  assert.equal(adjacentEventFrame(events, 141, -1), 130);
  assert.equal(adjacentEventFrame(events, 152, 1), null);
  assert.equal(adjacentEventFrame(events, 125, -1), null);
});
