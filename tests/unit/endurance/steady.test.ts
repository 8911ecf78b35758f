import { test } from 'node:test';
import assert from 'node:assert/strict';
import { steadiness, STEADY_CADENCE_CHANGE_PCT } from '../../../shared/endurance/steady.ts';
import type { GaitEvent } from '../../../shared/gait/types.ts';

/** Initial contacts of alternate feet at the given step times (ms), from t = 0. */
function contacts(stepMs: readonly number[]): GaitEvent[] {
  let t = 0;
  return stepMs.map((step, k) => {
    t += step;
    return { side: k % 2 === 0 ? 'left' : 'right', type: 'IC', frame: Math.round(t / 33.3), tMs: t, origin: 'detected' };
  });
}

test('a runner at one cadence is steady; the halves are each fitted', () => {
  const s = steadiness(contacts(new Array(40).fill(360)), 30);
  assert.equal(s.steady, true);
  assert.ok(Math.abs(s.firstHalfSpm! - 60000 / 360) < 0.01 && Math.abs(s.secondHalfSpm! - 60000 / 360) < 0.01);
  assert.match(s.text, /^Steady: 167 steps\/min in its first half, 167 in its second\.$/);
});

test('a treadmill still speeding up: the cadence changes by more than the cut-off within the window, and the text says so with both cadences', () => {
  const speeding = Array.from({ length: 40 }, (_, k) => 380 - k * 1.5);
  const s = steadiness(contacts(speeding), 30);
  assert.equal(s.steady, false);
  assert.ok(Math.abs(s.secondHalfSpm! - s.firstHalfSpm!) / s.firstHalfSpm! > STEADY_CADENCE_CHANGE_PCT / 100);
  assert.match(s.text, new RegExp(`^The runner is not steady in this window \\(${Math.round(s.firstHalfSpm!)} steps/min in its first half, ${Math.round(s.secondHalfSpm!)} in its second`));
});

test('a short window at a low frame rate: a difference between the halves within their timing error is not called unsteady', () => {
  // 5 s at 24 fps: each half spans about 2 s, so one frame (42 ms) at its ends moves its cadence by about 4%
  const halves = [...new Array(6).fill(430), ...new Array(6).fill(460)];
  const short = steadiness(contacts(halves), 24);
  assert.ok(Math.abs(short.secondHalfSpm! - short.firstHalfSpm!) / short.firstHalfSpm! > STEADY_CADENCE_CHANGE_PCT / 100, short.text);
  assert.equal(short.steady, true, short.text);
  // the same change over a minute-long window is beyond the noise
  const long = steadiness(contacts([...new Array(70).fill(430), ...new Array(70).fill(460)]), 24);
  assert.equal(long.steady, false, long.text);
});

test('small step-to-step variation with one spurious contact stays steady; too few steps cannot tell', () => {
  const jittered = Array.from({ length: 40 }, (_, k) => 360 + (k % 3 === 0 ? 12 : -6));
  const events = contacts(jittered);
  events.splice(11, 0, { side: 'left', type: 'IC', frame: 0, tMs: events[10]!.tMs + 90, origin: 'detected' });
  assert.equal(steadiness(events, 30).steady, true);
  assert.equal(steadiness(contacts([360, 360, 360]), 30).steady, null);
  assert.equal(steadiness([], 30).steady, null);
});
