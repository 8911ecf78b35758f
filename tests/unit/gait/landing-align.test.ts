import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignedLandings } from '../../../shared/gait/landing-align.ts';
import { cadenceFromContacts } from '../../../shared/gait/cadence.ts';

/**
 * The heel's horizontal position relative to the hip (px, runner facing +x) of a treadmill
 * runner, per frame: carried back at belt speed from each landing for `contact` of the stride,
 * then swung forward and slowed into the next landing (a half cosine).
 */
function heelPath(frames: number, strideFrames: number, firstLanding: number, contact = 0.4): number[] {
  const back = 200;
  return Array.from({ length: frames }, (_, i) => {
    const u = ((((i - firstLanding) / strideFrames) % 1) + 1) % 1;
    if (u < contact) return 100 - (back * u) / contact;
    return 100 - back * (0.5 + 0.5 * Math.cos((Math.PI * (u - contact)) / (1 - contact)));
  });
}

const STRIDE = 205;
const TRUE_LANDINGS = [40, 245, 450, 655, 860];

test("a landing the rule put 12 frames early, where the pose model put the foot's landmarks on the other foot, is moved back among its neighbours", () => {
  const x = heelPath(1000, STRIDE, 40);
  // around the second landing every third frame is read off the other foot, 60 px behind
  for (let i = 215; i < 275; i += 3) x[i]! -= 60;
  const detected = [40, 233, 450, 655, 860];
  const aligned = alignedLandings(x, detected, STRIDE);
  aligned.forEach((t, i) => assert.ok(Math.abs(t - TRUE_LANDINGS[i]!) <= 0.5, `landing ${i}: ${t.toFixed(2)} against ${TRUE_LANDINGS[i]}`));
});

test('the landings keep their usual timing: a rule that fires 3 frames late at every landing stays 3 frames late', () => {
  const x = heelPath(1000, STRIDE, 40);
  const late = TRUE_LANDINGS.map((f) => f + 3);
  const aligned = alignedLandings(x, late, STRIDE);
  aligned.forEach((t, i) => assert.ok(Math.abs(t - late[i]!) <= 0.25, `landing ${i}: ${t.toFixed(2)}`));
});

test('fewer than three landings, or an unknown stride, are returned as they are', () => {
  const x = heelPath(600, STRIDE, 40);
  assert.deepEqual(alignedLandings(x, [40, 240], STRIDE), [40, 240]);
  assert.deepEqual(alignedLandings(x, [40, 245, 450], Number.NaN), [40, 245, 450]);
});

test('a landing whose best match lies beyond the range searched keeps its frame', () => {
  const x = heelPath(1000, STRIDE, 40);
  // 30 frames late: past 0.1 of the stride (20.5 frames)
  const detected = [40, 245, 480, 655, 860];
  const aligned = alignedLandings(x, detected, STRIDE);
  assert.equal(aligned[2], 480);
  [0, 1, 3, 4].forEach((i) => assert.ok(Math.abs(aligned[i]! - TRUE_LANDINGS[i]!) <= 0.25, `landing ${i}: ${aligned[i]}`));
});

test("cadence from the aligned landings: two misplaced contacts over 8 steps at 240 fps move it by over 1 step/min, aligned it stays within 0.2", () => {
  // two feet half a stride apart; the right foot's first landing misfires 12 frames early (its landmarks on the other foot), the left foot's last comes 7 late
  const left = heelPath(1000, STRIDE, 40);
  const right = heelPath(1000, STRIDE, 142.5);
  for (let i = 112; i < 172; i += 3) right[i]! -= 60;
  const leftFrames = [40, 245, 450, 655, 867];
  const rightFrames = [131, 348, 553, 757];
  const truthSpm = (60 * 240) / (STRIDE / 2);
  const contacts = (fine: boolean) => {
    const l = fine ? alignedLandings(left, leftFrames, STRIDE) : leftFrames;
    const r = fine ? alignedLandings(right, rightFrames, STRIDE) : rightFrames;
    return [
      ...leftFrames.map((f, i) => ({ tMs: (f * 1000) / 240, side: 'left' as const, fineMs: (l[i]! * 1000) / 240 })),
      ...rightFrames.map((f, i) => ({ tMs: (f * 1000) / 240, side: 'right' as const, fineMs: (r[i]! * 1000) / 240 })),
    ];
  };
  const frameOnly = cadenceFromContacts(contacts(false).map(({ tMs, side }) => ({ tMs, side })));
  const aligned = cadenceFromContacts(contacts(true));
  assert.ok(frameOnly && Math.abs(frameOnly.spm - truthSpm) > 1, `frames alone: ${frameOnly?.spm} against ${truthSpm}`);
  assert.ok(aligned && Math.abs(aligned.spm - truthSpm) < 0.2, `aligned: ${aligned?.spm} against ${truthSpm}`);
  assert.equal(aligned.used, 9);
});
