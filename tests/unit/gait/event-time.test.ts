import { test } from 'node:test';
import assert from 'node:assert/strict';
import { contactMs, flightMs, landingMs, liftOffMs } from '../../../shared/gait/event-time.ts';

/** Frames of a contact lasting durationMs that starts at startMs, seen at fps: the first and last frames on the ground. */
function framesOnGround(startMs: number, durationMs: number, fps: number): { ic: number; to: number } {
  const frameMs = 1000 / fps;
  return { ic: Math.ceil(startMs / frameMs), to: Math.floor((startMs + durationMs) / frameMs) };
}

test('a contact seen at 30 and 60 fps: from its first and last frames on the ground, each half a frame out, its duration on average; frame to frame, a frame short', () => {
  for (const fps of [30, 60]) {
    const tMs = Array.from({ length: 200 }, (_, k) => (k * 1000) / fps);
    const durationMs = 247;
    const halfOut: number[] = [];
    const frameToFrame: number[] = [];
    // the landing at every phase between two frames
    for (let phase = 0.005; phase < 1; phase += 0.01) {
      const { ic, to } = framesOnGround(((50 + phase) * 1000) / fps, durationMs, fps);
      halfOut.push(contactMs(tMs, ic, to));
      frameToFrame.push(tMs[to]! - tMs[ic]!);
    }
    const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
    assert.ok(Math.abs(mean(halfOut) - durationMs) < 0.5, `${fps} fps: ${mean(halfOut).toFixed(1)} ms against ${durationMs}`);
    assert.ok(Math.abs(mean(frameToFrame) - (durationMs - 1000 / fps)) < 0.5, `${fps} fps frame to frame: ${mean(frameToFrame).toFixed(1)} ms`);
  }
});

test('flight from the last frame on the ground to the next first: each half a frame in', () => {
  const tMs = [0, 10, 20, 30, 40, 50];
  // on the ground up to frame 1, in the air over frames 2 and 3, on the ground again from frame 4: left between 10 and 20, landed between 30 and 40
  assert.equal(flightMs(tMs, 1, 4), 20);
});

test('frames not evenly spaced (a variable frame rate): half way to the neighbouring frame; at the clip edges, the edge interval', () => {
  const tMs = [0, 10, 30, 60];
  assert.equal(landingMs(tMs, 2), 20);
  assert.equal(liftOffMs(tMs, 2), 45);
  assert.equal(landingMs(tMs, 0), -5);
  assert.equal(liftOffMs(tMs, 3), 75);
  assert.equal(contactMs(tMs, 1, 2), 40);
});
