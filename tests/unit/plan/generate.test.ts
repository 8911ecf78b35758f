import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DRIFT_FINDING_IDS } from '../../../shared/endurance/drift.ts';
import { RULES } from '../../../shared/gait/findings.ts';
import type { Finding, Side } from '../../../shared/gait/types.ts';
import { EXERCISES, exerciseById } from '../../../shared/plan/exercises.ts';
import { BASELINE_MOBILITY, BASELINE_STRENGTH, FINDING_PLAN, draftPlan, runDays, strengthDays } from '../../../shared/plan/generate.ts';
import { WEEKDAYS, WEEKDAY_NAMES, emptyIntake } from '../../../shared/plan/intake.ts';
import type { Intake, Weekday } from '../../../shared/plan/intake.ts';
import { PlanSchema } from '../../../shared/plan/schema.ts';
import type { Plan } from '../../../shared/plan/types.ts';

function finding(id: string, side: Side | null = null, title = `${id} ${side ?? ''}`.trim()): Finding {
  return { id, side, title, plainText: '', clinicalText: '', triggeringValues: [], referenceValues: [], confidence: 0.8, level: 'high', sources: [] };
}

const intake = (patch: Partial<Intake> = {}): Intake => ({ ...emptyIntake(), longRunDay: 'sun', ...patch });
const draft = (findings: Finding[] = [], cadenceSpm: number | null = 170, patch: Partial<Intake> = {}) => draftPlan({ findings, cadenceSpm, intake: intake(patch) });

const exerciseIds = (p: Plan) => p.items.map((i) => i.exerciseId);
const item = (p: Plan, exerciseId: string) => p.items.find((i) => i.exerciseId === exerciseId);
const cue = (p: Plan, kind: string) => p.cues.find((c) => c.kind === kind);
const daysWith = (p: Plan, tag: string) => p.schedule.days.filter((d) => d.tags.includes(tag as never)).map((d) => d.day);
const shift = (day: Weekday, n: number) => WEEKDAYS[(WEEKDAYS.indexOf(day) + n + 7) % 7]!;

const SCENARIOS: [string, () => Plan][] = [
  ['no findings', () => draft()],
  ['every mapped finding, lateral hip pain', () => draft(FINDING_PLAN.map((r) => finding(r.findingId, 'left')), 168, { painLocation: 'outer left hip' })],
  ['unknown cadence and long-run day', () => draft([finding('overstriding', 'right')], null, { longRunDay: null })],
  ['held by a red flag', () => draft([finding('overstriding', 'right')], 170, { redFlags: { ...emptyIntake().redFlags, groinPainOnHopping: true } })],
];

test('a drafted plan passes PlanSchema unchanged, is plain JSON and is deterministic', () => {
  for (const [name, make] of SCENARIOS) {
    const p = make();
    assert.deepEqual(PlanSchema.parse(p), p, name);
    assert.deepEqual(JSON.parse(JSON.stringify(p)), p, name);
    assert.deepEqual(make(), p, name);
    assert.equal(new Set(p.items.map((i) => i.id)).size, p.items.length, name);
  }
});

test('strength lands twice a week, never the day before, of or after the long run, for every long-run day', () => {
  for (const l of WEEKDAYS) {
    const p = draft([], 170, { longRunDay: l });
    const strength = daysWith(p, 'strength');
    assert.equal(strength.length, 2, l);
    for (const s of strength) assert.ok(![shift(l, -1), l, shift(l, 1)].includes(s), `long run ${l}: strength on ${s}`);
    const [a, b] = strength.map((d) => WEEKDAYS.indexOf(d));
    assert.ok(b! - a! >= 2 && 7 - (b! - a!) >= 2, `long run ${l}: strength days ${strength} need a day between them`);
    assert.deepEqual(daysWith(p, 'longRun'), [l]);
    assert.deepEqual(daysWith(p, 'rest'), [shift(l, 1)], 'the day after the long run is for recovery');
    assert.deepEqual(daysWith(p, 'mobility').sort(), [l, shift(l, 1)].sort(), 'mobility after the long run and on the recovery day');
    assert.deepEqual(strengthDays(l), strength);
    assert.ok(p.schedule.text.includes('never the day before, the day of or the day after'));
    for (const i of p.items.filter((x) => x.kind === 'strength')) assert.equal(i.dosage.perWeek, 2, i.id);
  }
});

test('the week holds the runner\'s runs: spread out, off the recovery day while there is room, strength still never next to the long run, mobility after every run', () => {
  for (const l of WEEKDAYS) {
    for (let runs = 1; runs <= 7; runs++) {
      const p = draft([], 170, { longRunDay: l, runsPerWeek: runs });
      const running = [...daysWith(p, 'longRun'), ...daysWith(p, 'run')];
      assert.equal(new Set(running).size, runs, `${runs} runs, long run ${l}: ${running}`);
      assert.deepEqual(daysWith(p, 'longRun'), [l]);
      if (runs <= 6) assert.ok(!daysWith(p, 'run').includes(shift(l, 1)), `${runs} runs: not on the recovery day after ${l}`);
      for (const s of daysWith(p, 'strength')) assert.ok(![shift(l, -1), l, shift(l, 1)].includes(s));
      for (const d of running) assert.ok(daysWith(p, 'mobility').includes(d), `mobility after the run on ${d}`);
      assert.match(p.schedule.text, new RegExp(`^Your ${runs} runs? a week: the long run on ${WEEKDAY_NAMES[l]}`));
    }
  }
  // three runs with a Sunday long run: Tuesday and Thursday, two days apart
  assert.deepEqual(daysWith(draft([], 170, { longRunDay: 'sun', runsPerWeek: 3 }), 'run'), ['tue', 'thu']);
  assert.deepEqual(runDays(3, null), ['mon', 'wed', 'fri']);
  assert.match(draft([], 170, { longRunDay: 'sun', runsPerWeek: null }).schedule.text, /How many times a week you run was not given/);
  assert.deepEqual(daysWith(draft([], 170, { longRunDay: 'sun', runsPerWeek: 3, redFlags: { ...emptyIntake().redFlags, fever: true } }), 'run'), [], 'no runs planned while held');
});

test('an unknown long-run day puts strength on Tuesday and Friday and says the day was not given', () => {
  const p = draft([], 170, { longRunDay: null });
  assert.deepEqual(daysWith(p, 'strength'), ['tue', 'fri']);
  assert.deepEqual(daysWith(p, 'longRun'), []);
  assert.equal(p.schedule.longRunDay, null);
  assert.match(p.schedule.text, /was not given/);
  assert.ok(p.draftNotes.some((n) => /Long-run day not given/.test(n)));
  assert.ok(!draft().draftNotes.some((n) => /Long-run day/.test(n)));
});

test('without findings the plan is the baseline hip and core program and the mobility program, strength first, with no cues', () => {
  const p = draft();
  assert.deepEqual(exerciseIds(p), EXERCISES.filter((e) => (BASELINE_STRENGTH as readonly string[]).includes(e.id) || (BASELINE_MOBILITY as readonly string[]).includes(e.id)).map((e) => e.id));
  const kinds = p.items.map((i) => i.kind);
  assert.equal(kinds.lastIndexOf('strength') < kinds.indexOf('mobility'), true);
  for (const i of p.items) assert.deepEqual(i.reasons, ['baseline'], i.id);
  assert.deepEqual(p.cues, []);
  assert.equal(p.hold, null);
  assert.equal(p.advice.lateralHip, null);
  for (const g of ['hipAbductors', 'hipExtensors', 'hipRotators', 'deepAbdominals', 'quadriceps', 'hamstrings', 'hipFlexors', 'calves'] as const) {
    assert.ok(p.items.some((i) => i.kind === 'strength' && exerciseById(i.exerciseId!).targets.includes(g)), `baseline misses ${g}`);
  }
});

test('the finding map names real finding ids and library exercises', () => {
  const ruleIds = [...RULES.map((r) => r.id), ...DRIFT_FINDING_IDS];
  for (const r of FINDING_PLAN) {
    assert.ok(ruleIds.includes(r.findingId), `${r.findingId} is not a finding of shared/gait/findings.ts`);
    for (const id of r.exerciseIds) exerciseById(id);
  }
});

test('form that tires late in a run: pelvic drop or knee projection angle growing adds hip abductor endurance sets with their dose; cadence falling adds nothing and is listed to review', () => {
  const base = draft();
  assert.ok(!exerciseIds(base).includes('lateralBandWalkEndurance'));
  const p = draft([
    finding('drift.pelvicDropDeg', 'right', 'Contralateral pelvic drop rises during the run'),
    finding('drift.cadenceSpm', null, 'Cadence falls during the run'),
  ]);
  const i = item(p, 'lateralBandWalkEndurance')!;
  assert.ok(i);
  assert.deepEqual(i.reasons, ['drift.pelvicDropDeg']);
  assert.match(i.why, /Contralateral pelvic drop rises during the run/);
  assert.match(i.dosage.text, /15-20 steps .*less than 90 s rest/);
  assert.ok(i.sources.includes('acsm2009') && i.sources.includes('bramah2018'));
  assert.deepEqual(p.cues, base.cues);
  assert.ok(p.draftNotes.some((n) => n.includes('No exercise or cue is drafted from these findings') && n.includes('Cadence falls during the run')));
  const knee = draft([finding('drift.peakKneeFppaDeg', 'left', 'Knee projection angle rises during the run')]);
  assert.ok(item(knee, 'lateralBandWalkEndurance')!.sources.includes('geiser2010'));
});

test('pelvic drop adds hip abductor work and single-leg control, with the finding as the reason', () => {
  const base = draft();
  const p = draft([finding('pelvic-drop', 'left', 'Pelvic drop when standing on the left leg')]);
  assert.ok(!exerciseIds(base).includes('lateralBandWalk') && !exerciseIds(base).includes('stepDown'));
  for (const id of ['lateralBandWalk', 'stepDown']) {
    const i = item(p, id)!;
    assert.ok(i, id);
    assert.deepEqual(i.reasons, ['pelvic-drop']);
    assert.match(i.why, /Pelvic drop when standing on the left leg/);
    assert.ok(i.sources.includes('bramah2018'));
  }
  assert.deepEqual(item(p, 'sideLyingHipAbduction')!.reasons, ['baseline', 'pelvic-drop']);
  assert.ok(exerciseById('lateralBandWalk').targets.includes('hipAbductors'));
  assert.deepEqual(p.cues, []);
});

test('trunk lean adds deep abdominal work; crossover adds abductor work and a step-width cue', () => {
  const lean = draft([finding('trunk-lean')]);
  for (const id of ['birdDog', 'plank']) {
    assert.ok(exerciseById(id).targets.includes('deepAbdominals'));
    assert.deepEqual(item(lean, id)!.reasons, ['trunk-lean'], id);
  }
  const cross = draft([finding('crossover', 'right')]);
  assert.ok(item(cross, 'lateralBandWalk')!.reasons.includes('crossover'));
  const c = cue(cross, 'stepWidth')!;
  assert.deepEqual(c.reasons, ['crossover']);
  assert.equal(c.metronome, null);
  assert.ok(c.sources.includes('crossover2023'));
  assert.equal(cue(cross, 'cadence'), undefined);
});

test('overstriding gives a cadence cue with the metronome at +5-10% of the measured cadence', () => {
  const p = draft([finding('overstriding', 'left'), finding('overstriding', 'right')], 168);
  assert.equal(p.cues.length, 1);
  const c = cue(p, 'cadence')!;
  assert.deepEqual(c.metronome, { lowBpm: 176, highBpm: 185 });
  assert.match(c.text, /176-185/);
  assert.deepEqual(c.reasons, ['overstriding']);
  assert.ok(c.sources.includes('heiderscheit2011') && c.sources.includes('anderson2022'));
  assert.deepEqual(exerciseIds(p), exerciseIds(draft()), 'overstriding changes the cue, not the exercises');
  assert.deepEqual(cue(draft([finding('low-cadence')], 150), 'cadence')!.metronome, { lowBpm: 158, highBpm: 165 });
});

test('no metronome setting without a trusted cadence, and the plan says why', () => {
  const unknown = draft([finding('overstriding', 'left')], null);
  assert.equal(cue(unknown, 'cadence')!.metronome, null);
  assert.match(cue(unknown, 'cadence')!.text, /could not be measured/);
  assert.ok(unknown.draftNotes.some((n) => /No measured cadence/.test(n)));
  const implausible = draft([finding('overstriding', 'left')], 100);
  assert.equal(cue(implausible, 'cadence')!.metronome, null);
  assert.ok(implausible.draftNotes.some((n) => /capture frame rate/.test(n)));
  const flagged = draft([finding('overstriding', 'left'), finding('check-capture-rate')], 170);
  assert.equal(cue(flagged, 'cadence')!.metronome, null);
});

test('the same finding from several videos counts once; findings without a plan rule are listed for review', () => {
  const once = draft([finding('pelvic-drop', 'left', 'Pelvic drop left')]);
  const twice = draft([finding('pelvic-drop', 'left', 'Pelvic drop left'), finding('pelvic-drop', 'left', 'Pelvic drop left')]);
  assert.deepEqual(twice, once);
  const asym = draft([finding('asymmetry', null, 'Asymmetry: peak knee flexion in stance')]);
  assert.deepEqual(asym.items, draft().items);
  assert.ok(asym.draftNotes.some((n) => n.includes('Asymmetry: peak knee flexion in stance')));
});

test('lateral hip pain excludes adduction stretches and side-lying work, adds the caution and the cadence cue', () => {
  const adductionStretches = EXERCISES.filter((e) => e.method === 'stretch' && e.avoidWithLateralHipPain).map((e) => e.id);
  assert.ok(adductionStretches.length >= 2);
  const without = draft([finding('pelvic-drop', 'left'), finding('crossover', 'left')]);
  assert.ok(exerciseIds(without).includes('figureFourStretch'), 'the stretch is in the plan without lateral hip pain');
  assert.ok(exerciseIds(without).includes('sideLyingHipAbduction'));
  for (const patch of [{ painLocation: 'outer right hip' }, { painLocation: 'groin', lateralHipPain: true }] satisfies Partial<Intake>[]) {
    const p = draft([finding('pelvic-drop', 'left'), finding('crossover', 'left')], 170, patch);
    for (const i of p.items) assert.equal(exerciseById(i.exerciseId!).avoidWithLateralHipPain, false, `${i.exerciseId} with ${JSON.stringify(patch)}`);
    for (const id of adductionStretches) assert.ok(!exerciseIds(p).includes(id), id);
    assert.ok(exerciseIds(p).includes('standingHipAbductionHold'));
    assert.ok(exerciseIds(p).includes('proneHipRotationStretch'), 'the figure-four stretch is replaced');
    assert.ok(item(p, 'standingHipAbductionHold')!.reasons.includes('pelvic-drop'), 'the finding reason moves to the replacement');
    assert.ok(p.advice.lateralHip && /cross your legs/.test(p.advice.lateralHip.text) && p.advice.lateralHip.sources.includes('mellor2018'));
    assert.ok(p.draftNotes.some((n) => /Figure-four stretch/.test(n)));
    assert.deepEqual(cue(p, 'cadence')!.reasons, ['lateralHipPain']);
    assert.match(cue(p, 'cadence')!.text, /upper end/);
  }
});

test('an unreviewed red flag holds every exercise and running cue and says to see a doctor first', () => {
  const flags = { ...emptyIntake().redFlags, groinPainOnHopping: true };
  const p = draft([finding('overstriding', 'left'), finding('pelvic-drop', 'left')], 170, { redFlags: flags });
  assert.deepEqual(p.items, []);
  assert.deepEqual(p.cues, []);
  assert.deepEqual(daysWith(p, 'strength'), []);
  assert.deepEqual(daysWith(p, 'longRun'), []);
  assert.equal(p.hold!.urgency, 'urgent');
  assert.deepEqual(p.hold!.redFlags, ['groinPainOnHopping']);
  assert.match(p.hold!.text, /Do not run until a doctor has seen you/);
  assert.match(p.hold!.text, /stress fracture/);
  assert.match(p.advice.crossTraining.text, /On hold/);
  assert.ok(p.draftNotes.some((n) => /^Held/.test(n)));

  const soon = draft([], 170, { redFlags: { ...emptyIntake().redFlags, fever: true } });
  assert.equal(soon.hold!.urgency, 'soon');
  assert.match(soon.hold!.text, /See your doctor before you start this plan/);
  assert.deepEqual(soon.items, []);

  const reviewed = draft([finding('overstriding', 'left')], 170, { redFlags: flags, redFlagDecision: { outcome: 'cleared', note: '' } });
  assert.equal(reviewed.hold, null);
  assert.ok(reviewed.items.length > 0 && reviewed.cues.length === 1);
  assert.ok(reviewed.draftNotes.some((n) => /cleared the runner to run/.test(n) && /hop/.test(n)));

  // referred: held, and the hold says the clinician referred the runner, with the note, not "see a doctor today"
  const referred = draft([finding('overstriding', 'left')], 170, { redFlags: flags, redFlagDecision: { outcome: 'referred', note: 'Referred to the GP for a hip X-ray.' } });
  assert.deepEqual(referred.items, []);
  assert.match(referred.hold!.text, /^Your clinician has referred you to a doctor\. .*Referred to the GP for a hip X-ray\. The exercises and running advice wait until a doctor has seen you\.$/);
  assert.doesNotMatch(referred.hold!.text, /today/);
  assert.ok(referred.draftNotes.some((n) => /you referred the runner/.test(n)));
  assert.ok(!draft().draftNotes.some((n) => /reviewed/.test(n)));
});

test('a cadence that is not a positive number is refused', () => {
  assert.throws(() => draft([], Number.NaN), RangeError);
  assert.throws(() => draft([], -170), RangeError);
});

test('the plan fits where it hurts: front-of-knee pain adds step-downs and quadriceps work beside the hip programme, Achilles pain the heel drops, each with its dose and source; hip pain keeps the programme as it is', () => {
  const names = (p: Plan) => p.items.map((i) => i.exerciseId);
  const hip = draft([], 170, { painRegions: ['hip'] });
  assert.deepEqual(names(hip), names(draft()), 'hip pain: the seed programme');
  const knee = draft([], 170, { painRegions: ['kneeFront'], painSide: 'right' });
  for (const id of ['stepDown', 'splitSquat', 'wallSit']) {
    const item = knee.items.find((i) => i.exerciseId === id);
    assert.ok(item, `${id} for front-of-knee pain`);
    assert.ok(item.sources.includes('crossley2016'), id);
    assert.match(item.why, /Chosen for the pain at the front of the knee/);
  }
  for (const id of BASELINE_STRENGTH) assert.ok(names(knee).includes(id), `${id}: the hip work stays`);
  assert.ok(knee.draftNotes.some((n) => /^For where it hurts: Front of the knee: Step-down/.test(n)), knee.draftNotes.join(' | '));
  const achilles = draft([], 170, { painRegions: ['calfAchilles'] }).items.find((i) => i.exerciseId === 'eccentricHeelDrop')!;
  assert.ok(achilles.sources.includes('alfredson1998'));
  assert.match(achilles.dosage.text, /twice a day, every day for 12 weeks/);
  assert.equal(PlanSchema.safeParse(draft([], 170, { painRegions: ['calfAchilles', 'foot', 'lowerBack', 'thigh', 'shin', 'kneeOuter', 'kneeInner'] })).success, true);
});
