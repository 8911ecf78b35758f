import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SOURCES } from '../../../shared/gait/references.ts';
import {
  IntakeSchema,
  RED_FLAGS,
  RED_FLAG_IDS,
  emptyIntake,
  hasLateralHipPainSigns,
  mentionsLateralHip,
  positiveRedFlags,
  redFlagsFor,
  redFlagStatus,
  runningAdviceHeld,
  upgradeIntake,
} from '../../../shared/plan/intake.ts';
import type { Intake } from '../../../shared/plan/intake.ts';

function issuesOf(value: unknown): { path: string; message: string }[] {
  const r = IntakeSchema.safeParse(value);
  assert.equal(r.success, false, 'expected the intake to be rejected');
  return r.error!.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

const filled = (): Intake => ({
  ...emptyIntake(),
  reason: 'Outer hip pain after long runs',
  painLocation: 'outer right hip',
  painScore: 4,
  weeklyDistanceKm: 42.5,
  longRunDay: 'sun',
  trainingChanges: 'Added hill repeats in March',
  shoes: 'Neutral road shoe, 600 km',
  clinicianNotes: 'Tender over the greater trochanter.',
});

test('the empty intake and a filled one pass the schema unchanged', () => {
  assert.deepEqual(IntakeSchema.parse(emptyIntake()), emptyIntake());
  assert.deepEqual(IntakeSchema.parse(filled()), filled());
  assert.deepEqual(JSON.parse(JSON.stringify(filled())), filled(), 'plain JSON');
});

test('the schema rejects bad values and names the field', () => {
  const cases: [Record<string, unknown>, string, RegExp][] = [
    [{ painScore: 11 }, 'painScore', /0 to 10/],
    [{ painScore: 3.5 }, 'painScore', /whole number/],
    [{ painScore: '4' }, 'painScore', /number from 0 to 10/],
    [{ weeklyDistanceKm: -1 }, 'weeklyDistanceKm', /negative/],
    [{ longRunDay: 'sunday' }, 'longRunDay', /mon to sun/],
    [{ reason: 'x'.repeat(2001) }, 'reason', /too long/],
    [{ redFlagDecision: { outcome: 'maybe', note: '' } }, 'redFlagDecision.outcome', /cleared.*referred/],
    [{ redFlagDecision: true }, 'redFlagDecision', /outcome and a note/],
    [{ version: 1 }, 'version', /version/],
  ];
  for (const [patch, path, message] of cases) {
    const issues = issuesOf({ ...emptyIntake(), ...patch });
    assert.ok(issues.some((i) => i.path === path && message.test(i.message)), `${path}: ${JSON.stringify(issues)}`);
  }
});

test('the schema is strict: unknown fields and unknown or missing red flags are rejected', () => {
  assert.ok(issuesOf({ ...emptyIntake(), mood: 'good' }).some((i) => /Unknown intake field: mood/.test(i.message)));
  assert.ok(issuesOf({ ...emptyIntake(), redFlags: { ...emptyIntake().redFlags, headache: true } }).some((i) => i.path === 'redFlags' && /headache/.test(i.message)));
  const { fever: _omitted, ...missing } = emptyIntake().redFlags;
  assert.ok(issuesOf({ ...emptyIntake(), redFlags: missing }).some((i) => i.path === 'redFlags.fever' && /yes or no/.test(i.message)));
});

test('RED_FLAGS has one entry per flag id, each with a question, a report line, referral advice and known sources', () => {
  assert.deepEqual(RED_FLAGS.map((f) => f.id), [...RED_FLAG_IDS]);
  for (const f of RED_FLAGS) {
    assert.match(f.question, /\?$/, f.id);
    assert.ok(f.plainText.length > 10 && f.referral.length > 10, f.id);
    assert.ok(f.sources.length > 0 && f.sources.every((s) => s in SOURCES), f.id);
  }
});

test('the red-flag questions follow the pain\'s regions: the hip\'s for the hip, the knee gets the joint question but not the groin one, the shin and foot the bone one, the back the nerve one; all of them when no region is given', () => {
  const ids = (regions: Parameters<typeof redFlagsFor>[0]) => redFlagsFor(regions).map((f) => f.id);
  const general = RED_FLAGS.filter((f) => f.regions === null).map((f) => f.id);
  assert.deepEqual(ids([]), RED_FLAG_IDS);
  assert.deepEqual(ids(['kneeFront']).filter((id) => !general.includes(id)), ['grindingClickingPopping']);
  assert.deepEqual(ids(['hip']).filter((id) => !general.includes(id)), ['grindingClickingPopping', 'groinPainOnHopping']);
  assert.deepEqual(ids(['shin']).filter((id) => !general.includes(id)), ['focalBonePain']);
  assert.deepEqual(ids(['calfAchilles']).filter((id) => !general.includes(id)), ['achillesSnap']);
  assert.deepEqual(ids(['lowerBack']).filter((id) => !general.includes(id)), ['saddleNumbnessOrBladder']);
  for (const f of RED_FLAGS) assert.ok(f.sources.length > 0 && f.sources.every((s) => s in SOURCES), f.id);
  // a flag of another region does not count
  const knee: Intake = { ...emptyIntake(), painRegions: ['kneeFront'], redFlags: { ...emptyIntake().redFlags, groinPainOnHopping: true } };
  assert.deepEqual(positiveRedFlags(knee), []);
});

test('stress-fracture signs and inability to bear weight are urgent referrals', () => {
  const urgent = RED_FLAGS.filter((f) => f.urgency === 'urgent').map((f) => f.id).sort();
  assert.deepEqual(urgent, ['achillesSnap', 'focalBonePain', 'groinPainOnHopping', 'painAtRestOrNight', 'saddleNumbnessOrBladder', 'unableToBearWeight']);
  for (const f of RED_FLAGS.filter((x) => x.urgency === 'urgent')) assert.match(f.referral, /today/);
});

test('a positive flag holds running advice until the clinician clears the runner; a referral keeps it held', () => {
  const i = emptyIntake();
  assert.deepEqual(positiveRedFlags(i), []);
  assert.equal(redFlagStatus(i), 'none');
  assert.equal(runningAdviceHeld(i), false);
  i.redFlags.groinPainOnHopping = true;
  i.redFlags.fever = true;
  assert.deepEqual(positiveRedFlags(i).map((f) => f.id), ['groinPainOnHopping', 'fever']);
  assert.equal(redFlagStatus(i), 'unreviewed');
  assert.equal(runningAdviceHeld(i), true);
  i.redFlagDecision = { outcome: 'referred', note: 'GP for a hip X-ray.' };
  assert.equal(redFlagStatus(i), 'referred');
  assert.equal(runningAdviceHeld(i), true);
  i.redFlagDecision = { outcome: 'cleared', note: '' };
  assert.equal(redFlagStatus(i), 'cleared');
  assert.equal(runningAdviceHeld(i), false);
  assert.deepEqual(IntakeSchema.parse(i), i);
});

test('an intake stored by version 1 is read as version 2: its "reviewed" tick is the decision "cleared"', () => {
  const { redFlagDecision: _d, ...current } = { ...filled(), redFlags: { ...emptyIntake().redFlags, fever: true } };
  const v1 = (reviewed: boolean) => JSON.parse(JSON.stringify({ ...current, version: 1, redFlagsReviewed: reviewed })) as unknown;
  const ticked = upgradeIntake(v1(true));
  assert.deepEqual(IntakeSchema.parse(ticked), ticked);
  assert.deepEqual(ticked.redFlagDecision, { outcome: 'cleared', note: '' });
  assert.equal(runningAdviceHeld(ticked), false);
  const unticked = upgradeIntake(v1(false));
  assert.equal(unticked.redFlagDecision, null);
  assert.equal(runningAdviceHeld(unticked), true);
  assert.deepEqual(upgradeIntake(filled()), filled(), 'version 2 unchanged');
});

test('lateral hip pain signs: the clinician flag or a pain location naming the outer hip', () => {
  for (const s of ['outer right hip', 'Lateral hip', 'outside of my left hip', 'over the greater trochanter', 'gluteus medius tendon', 'side of the hip']) {
    assert.equal(mentionsLateralHip(s), true, s);
  }
  for (const s of ['groin', 'front of the hip', 'lower back', 'knee', '']) assert.equal(mentionsLateralHip(s), false, s);
  assert.equal(hasLateralHipPainSigns({ ...emptyIntake(), painLocation: 'groin' }), false);
  assert.equal(hasLateralHipPainSigns({ ...emptyIntake(), painLocation: 'groin', lateralHipPain: true }), true);
  assert.equal(hasLateralHipPainSigns({ ...emptyIntake(), painLocation: 'outer left hip' }), true);
});
