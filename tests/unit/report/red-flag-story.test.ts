/**
 * The red flag's story is one story (issue 22): not reviewed, referred or cleared, the report's
 * summary says one thing and the plan follows it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { draftPlan } from '../../../shared/plan/generate.ts';
import { emptyIntake, type Intake } from '../../../shared/plan/intake.ts';
import { plainSummary, redFlagState } from '../../../renderer/src/report/model.ts';

const withFlag = (decision: Intake['redFlagDecision']): Intake => ({ ...emptyIntake(), redFlags: { ...emptyIntake().redFlags, painAtRestOrNight: true }, redFlagDecision: decision });

test('not reviewed: held, the summary says a doctor comes first, and no plan line', () => {
  const intake = withFlag(null);
  const state = redFlagState(intake);
  assert.deepEqual([state.status, state.held], ['unreviewed', true]);
  const lines = plainSummary(null, draftPlan({ findings: [], cadenceSpm: 170, intake }), state);
  assert.ok(lines.some((l) => /need a doctor’s opinion first/.test(l)));
  assert.ok(!lines.some((l) => /^Your plan/.test(l)));
});

test('referred: held, the summary says the clinician referred, with no "cleared" words', () => {
  const intake = withFlag({ outcome: 'referred', note: 'GP for an X-ray.' });
  const state = redFlagState(intake);
  assert.deepEqual([state.status, state.held, state.note], ['referred', true, 'GP for an X-ray.']);
  const lines = plainSummary(null, draftPlan({ findings: [], cadenceSpm: 170, intake }), state);
  assert.ok(lines.some((l) => /^Your clinician has referred you to a doctor/.test(l)));
  assert.ok(!lines.some((l) => /^Your plan|reviewed them/.test(l)), lines.join(' | '));
});

test('cleared: not held, the plan is given, and nothing says to see a doctor', () => {
  const intake = withFlag({ outcome: 'cleared', note: 'Settled sprain.' });
  const state = redFlagState(intake);
  assert.deepEqual([state.status, state.held], ['cleared', false]);
  const plan = draftPlan({ findings: [], cadenceSpm: 170, intake });
  assert.equal(plan.hold, null);
  const lines = plainSummary(null, plan, state);
  assert.ok(!lines.some((l) => /doctor/i.test(l)), lines.join(' | '));
});
