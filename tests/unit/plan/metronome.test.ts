import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CADENCE_INCREASE_PCT, cadenceTargetBpm, cadenceTargetRange } from '../../../shared/plan/metronome.ts';

test('the metronome target is the measured cadence raised by the percentage, rounded to a whole beat', () => {
  assert.equal(cadenceTargetBpm(168, 5), 176); // 176.4
  assert.equal(cadenceTargetBpm(168, 10), 185); // 184.8
  assert.equal(cadenceTargetBpm(150, 5), 158); // 157.5 rounds up
  assert.equal(cadenceTargetBpm(171.3, 10), 188); // 188.43
  assert.equal(cadenceTargetBpm(160, 0), 160);
});

test('the cadence cue range is +5% to +10% of the measured cadence', () => {
  assert.deepEqual([CADENCE_INCREASE_PCT.low, CADENCE_INCREASE_PCT.high], [5, 10]);
  assert.deepEqual(cadenceTargetRange(168), { lowBpm: 176, highBpm: 185 });
  assert.deepEqual(cadenceTargetRange(180), { lowBpm: 189, highBpm: 198 });
});

test('a cadence or percentage that is not a number is refused', () => {
  for (const c of [0, -170, Number.NaN, Number.POSITIVE_INFINITY]) assert.throws(() => cadenceTargetBpm(c, 5), RangeError, String(c));
  for (const p of [-5, Number.NaN]) assert.throws(() => cadenceTargetBpm(170, p), RangeError, String(p));
});
