/** Honest progress (issue 24): the time left from the measured rate, within a factor of 1.5 after the first 10%, and always moving. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { progressText, RATE_WINDOW_S, recentRate, saving, secondsLeft, startProgress, withFrames, type ProgressTracker } from '../../../renderer/src/analysis/progress-estimate.ts';

/**
 * Feeds batches of 8 frames as the workers send them, at a rate that may change at `changeAt`;
 * returns the estimate's worst ratio, after the first 10% of the frames, to the time left at the
 * true current rate, leaving out the RATE_WINDOW_S after a change (a slowdown cannot be foreseen,
 * only followed).
 */
function worstRatio(rateAt: (t: number) => number, total: number, loadS: number, changeAt = Infinity): number {
  // the true time each frame is done
  const doneAt: number[] = [];
  let t = loadS;
  for (let f = 1; f <= total; f++) {
    t += 1 / rateAt(t);
    doneAt.push(t);
  }
  const end = doneAt[total - 1]!;
  let tracker: ProgressTracker = startProgress();
  let worst = 1;
  let next = 8;
  for (let now = 0; now < end; now += 0.5) {
    while (next <= total && doneAt[next - 1]! <= now) {
      tracker = withFrames(tracker, doneAt[next - 1]!, next, total);
      next += 8;
    }
    const done = tracker.samples.at(-1)?.framesDone ?? 0;
    const rate = recentRate(tracker, now);
    if (done < 0.1 * total || rate === null || rate <= 0 || (now >= changeAt && now < changeAt + RATE_WINDOW_S)) continue;
    const estimate = (total - done) / rate;
    const truth = (total - done) / rateAt(now);
    if (end - now < 2) continue;
    worst = Math.max(worst, estimate / truth, truth / estimate);
  }
  return worst;
}

test('a steady pass: the time left is right within 15% after the first 10%', () => {
  const ratio = worstRatio(() => 24, 388, 1.5);
  assert.ok(ratio < 1.15, `worst ${ratio.toFixed(2)}`);
});

test('the rate halves midway (another program, a starved worker): within a factor of 1.5 once the window has seen it', () => {
  const ratio = worstRatio((t) => (t < 8 ? 24 : 12), 388, 1.5, 8);
  assert.ok(ratio < 1.5, `worst ${ratio.toFixed(2)}`);
  const slow = worstRatio((t) => (t < 20 ? 8 : 5), 388, 14, 20);
  assert.ok(slow < 1.5, `worst ${slow.toFixed(2)}`);
});

test('the text moves every second in every phase and says when frames stop coming', () => {
  let tracker = startProgress();
  assert.equal(progressText(tracker, 3.2), 'Loading the pose model and reading the video… 3 s');
  tracker = withFrames(tracker, 4, 8, 100);
  assert.equal(progressText(tracker, 4.5), '8 of 100 frames (4 s so far) · measuring the speed');
  tracker = withFrames(tracker, 6, 40, 100);
  // 32 frames in the 2 s since the first batch; the next batch is due 2 s later: until 3 s after the last
  // one the rate holds, then the wait counts and the time left grows, and past the window it says frames stopped
  assert.equal(progressText(tracker, 6), '40 of 100 frames (6 s so far) · 16.0 frames/s · about 4 s left');
  assert.equal(progressText(tracker, 7.5), '40 of 100 frames (7 s so far) · 16.0 frames/s · about 4 s left');
  assert.equal(progressText(tracker, 9.5), '40 of 100 frames (9 s so far) · 5.8 frames/s · about 11 s left');
  assert.equal(progressText(tracker, 11.5), '40 of 100 frames (11 s so far) · no frame in the last 5 s');
  // batches a second apart: 1.8 s without one counts, and the rate falls
  const quick = withFrames(withFrames(startProgress(), 4, 8, 100), 5, 24, 100);
  assert.equal(progressText(quick, 5.5), '24 of 100 frames (5 s so far) · 16.0 frames/s · about 5 s left');
  assert.equal(progressText(quick, 6.8), '24 of 100 frames (6 s so far) · 5.7 frames/s · about 14 s left');
  tracker = saving(withFrames(tracker, 18, 100, 100), 18);
  assert.equal(progressText(tracker, 20.4), 'Saving the analysis… 2 s');
});

test('two workers at different speeds: the time left follows the slower one, not the pair\'s average', () => {
  const totals = [194, 194];
  const rates = [14, 10];
  const end = totals[1]! / rates[1]!;
  let tracker: ProgressTracker = startProgress();
  let worst = 1;
  for (let now = 0.5; now < end - 2; now += 0.5) {
    // each worker reports in batches of 8
    const parts = totals.map((total, k) => ({ done: Math.min(total, Math.floor((now * rates[k]!) / 8) * 8), total }));
    const done = parts[0]!.done + parts[1]!.done;
    tracker = withFrames(tracker, now, done, 388, parts);
    const left = secondsLeft(tracker, now);
    if (left === null || done < 39) continue;
    worst = Math.max(worst, left / (end - now), (end - now) / left);
  }
  assert.ok(worst < 1.5, `worst ${worst.toFixed(2)}`);
});

test('the second worker still loading its model: its share is timed at the first worker\'s rate, not the whole window at one worker\'s rate', () => {
  // worker 1 at 12 frames/s from 1 s; worker 2 starts at 5 s, then as fast
  let tracker: ProgressTracker = startProgress();
  for (let now = 1.5; now <= 6; now += 0.5) {
    const parts = [
      { done: Math.floor(((now - 1) * 12) / 8) * 8, total: 194 },
      { done: now < 5 ? 0 : Math.floor(((now - 5) * 12) / 8) * 8, total: 194 },
    ];
    tracker = withFrames(tracker, now, parts[0]!.done + parts[1]!.done, 388, parts);
  }
  // worker 2 needs 194 / 12 = 16 s from 5 s: about 15 s left at 6 s; one worker's rate over all 388 frames would say 28
  const left = secondsLeft(tracker, 6)!;
  assert.ok(left > 13 && left < 18, `left ${left.toFixed(1)}`);
});
