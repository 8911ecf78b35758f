/** The headless command's progress (scripts/headless/progress.ts): a bar on a terminal, a line every few seconds otherwise. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProgressReporter, progressBar, progressText } from '../../../scripts/headless/progress.ts';

test('frames, rate and time left; no rate in the first second', () => {
  assert.equal(progressText(8, 360, 0.2), '8/360 frames (2%)');
  assert.equal(progressText(160, 360, 5), '160/360 frames (44%) · 32.0 frames/s · about 7 s left');
  assert.equal(progressBar(180, 360, 6), '[############............] 180/360 frames (50%) · 30.0 frames/s · about 6 s left');
});

test('on a terminal the bar is redrawn in place and the line ended at the finish; otherwise a line every 5 s and the last one', () => {
  let t = 0;
  const tty: string[] = [];
  const bar = new ProgressReporter({ tty: true, write: (s) => tty.push(s), now: () => t });
  for (let f = 10; f <= 100; f += 10, t += 1) bar.update(f, 100);
  bar.finish();
  assert.equal(tty.length, 11);
  assert.ok(tty.slice(0, 10).every((s) => s.startsWith('\r[') && !s.includes('\n')));
  assert.equal(tty[10], '\n');

  t = 0;
  const log: string[] = [];
  const lines = new ProgressReporter({ tty: false, write: (s) => log.push(s), now: () => t });
  for (let f = 1; f <= 100; f++, t += 0.25) lines.update(f, 100);
  lines.finish();
  assert.ok(log.every((s) => s.startsWith('analyze: ') && s.endsWith('\n')));
  assert.equal(log.length, 6, log.join(''));
  assert.match(log[log.length - 1]!, /^analyze: 100\/100 frames \(100%\)/);
});
