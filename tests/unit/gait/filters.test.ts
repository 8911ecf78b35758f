import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cutoffForRate, fillGaps, rejectOutliers, zeroPhaseLowpass } from '../../../shared/gait/filters.ts';

const sine = (n: number, fs: number, f: number, amp = 1) => Array.from({ length: n }, (_, i) => amp * Math.sin((2 * Math.PI * f * i) / fs));

test('zero-phase Butterworth keeps a slow sine without lag and removes a fast one', () => {
  const fs = 120;
  const slow = sine(600, fs, 2);
  const out = zeroPhaseLowpass(slow, fs, 10);
  let maxErr = 0;
  for (let i = 60; i < 540; i++) maxErr = Math.max(maxErr, Math.abs(out[i]! - slow[i]!));
  assert.ok(maxErr < 0.01, `2 Hz through a 10 Hz filter: max error ${maxErr}`);
  const fast = zeroPhaseLowpass(sine(600, fs, 40), fs, 10);
  const amp = Math.max(...fast.slice(60, 540).map(Math.abs));
  assert.ok(amp < 0.01, `40 Hz residual ${amp}`);
  // at the cutoff a forward-backward 2nd-order Butterworth gives half amplitude
  const atCut = zeroPhaseLowpass(sine(1200, fs, 10), fs, 10);
  const a10 = Math.max(...atCut.slice(200, 1000).map(Math.abs));
  assert.ok(Math.abs(a10 - 0.5) < 0.03, `gain at cutoff ${a10}`);
});

test('filter keeps unknown samples unknown and filters each known run', () => {
  const xs = [...sine(50, 60, 1), Number.NaN, Number.NaN, ...sine(50, 60, 1)];
  const out = zeroPhaseLowpass(xs, 60, 6);
  assert.ok(Number.isNaN(out[50]!) && Number.isNaN(out[51]!));
  assert.ok(out.filter((v) => Number.isFinite(v)).length === 100);
});

test('cutoff: 10 Hz, never above 20% of the sample rate', () => {
  assert.equal(cutoffForRate(120), 10);
  assert.equal(cutoffForRate(60), 10);
  assert.equal(cutoffForRate(30), 6);
});

test('gaps up to the limit are filled linearly; longer gaps and edges stay unknown', () => {
  const n = Number.NaN;
  const r = fillGaps([0, n, n, 3, n, n, n, n, 8, n], 3);
  assert.deepEqual(r.values.slice(0, 4), [0, 1, 2, 3]);
  assert.ok(r.values.slice(4, 8).every((v) => Number.isNaN(v)));
  assert.ok(Number.isNaN(r.values[9]!));
  assert.equal(r.filled, 2);
});

test('Hampel outlier rejection removes a spike, keeps a genuine fast movement', () => {
  const xs = Array.from({ length: 40 }, (_, i) => i * 2);
  xs[20] = 200;
  const r = rejectOutliers(xs, 3, 3, 5);
  assert.ok(Number.isNaN(r.values[20]!));
  assert.equal(r.rejected, 1);
  const ramp = Array.from({ length: 40 }, (_, i) => (i < 20 ? 0 : 30));
  assert.equal(rejectOutliers(ramp, 3, 3, 5).rejected, 0);
});
