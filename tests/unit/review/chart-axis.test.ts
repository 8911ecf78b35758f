import { test } from 'node:test';
import assert from 'node:assert/strict';
import { timeAxis } from '../../../renderer/src/review/chart-axis.ts';

test('the time axis spans the clip exactly, with round ticks inside it', () => {
  const overground = timeAxis([0, 0.5, 1.0333]);
  assert.deepEqual(overground.domain, [0, 1.0333]);
  assert.deepEqual(overground.ticks, [0, 0.25, 0.5, 0.75, 1]);
  assert.equal(overground.decimals, 2);
  const treadmill = timeAxis([2, 4, 5.967]);
  assert.deepEqual(treadmill.ticks, [2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5]);
  assert.equal(treadmill.decimals, 1);
  const long = timeAxis([0.2, 30]);
  assert.deepEqual(long.ticks, [5, 10, 15, 20, 25, 30]);
  assert.equal(long.decimals, 0);
});
