import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CYCLE_POINTS, cycleCurve, resampleStride } from '../../../renderer/src/review/gait-cycle.ts';
import type { StrideRecord } from '../../../shared/gait/types.ts';

const stride = (side: 'left' | 'right', icFrame: number, nextIcFrame: number, excluded = false): StrideRecord => ({
  side,
  icFrame,
  toFrame: icFrame + 4,
  nextIcFrame,
  excluded,
  values: {},
});

test('a stride is resampled at 0..100 % of its time, linearly between frames', () => {
  const tMs = [0, 10, 20, 30, 40];
  const series = [0, 10, 20, 30, 40];
  const out = resampleStride(series, tMs, 0, 4);
  assert.equal(out.length, CYCLE_POINTS);
  assert.equal(out[0], 0);
  assert.ok(Math.abs(out[50]! - 20) < 1e-9);
  assert.ok(Math.abs(out[25]! - 10) < 1e-9);
  assert.equal(out[100], 40);
  const gap = resampleStride([0, null, 20, 30, 40], tMs, 0, 4);
  assert.equal(gap[10], null, 'unknown next to an unknown sample');
  assert.ok(Math.abs(gap[75]! - 30) < 1e-9);
});

test('mean and spread across a side\'s included strides, by frame number', () => {
  // frames 100..120 at 10 ms; left strides 100->110 (values 0..10) and 110->120 (values 2x)
  const frame = Array.from({ length: 21 }, (_, k) => 100 + k);
  const tMs = frame.map((_, k) => k * 10);
  const series = frame.map((_, k) => (k <= 10 ? k : 2 * (k - 10)));
  const strides = [stride('left', 100, 110), stride('left', 110, 120), stride('right', 105, 115), stride('left', 120, 130, true)];
  const curve = cycleCurve(series, { frame, tMs }, strides, 'left');
  assert.equal(curve.strides, 2, 'the excluded stride and the other side are left out');
  assert.ok(Math.abs(curve.mean[50]! - 7.5) < 1e-9);
  assert.ok(Math.abs(curve.sd[50]! - Math.SQRT2 * 2.5) < 1e-9);
  assert.equal(curve.mean[0], 5, 'the strides start at 0 (frame 100) and 10 (frame 110)');
  const none = cycleCurve(series, { frame, tMs }, [], 'right');
  assert.equal(none.strides, 0);
  assert.equal(none.mean[50], null);
});
