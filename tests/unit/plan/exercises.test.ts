import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SOURCES } from '../../../shared/gait/references.ts';
import { EXERCISES, exerciseById } from '../../../shared/plan/exercises.ts';
import type { MobilityMethod, MuscleGroup } from '../../../shared/plan/exercises.ts';
import { DosageSchema } from '../../../shared/plan/schema.ts';

/** The muscle groups issue 6 names for the strength program (core and hips) and for mobility. */
const STRENGTH_GROUPS: MuscleGroup[] = ['hipAbductors', 'hipExtensors', 'hipRotators', 'deepAbdominals', 'quadriceps', 'hamstrings', 'hipFlexors', 'calves'];
const MOBILITY_GROUPS: MuscleGroup[] = ['hipFlexors', 'piriformis', 'hipRotators', 'glutes', 'quadriceps', 'calves', 'adductors'];
/** The exercises issue 6 names. */
const NAMED = [
  'sideLyingHipAbduction',
  'clamshell',
  'sidePlank',
  'lateralBandWalk',
  'gluteBridge',
  'singleLegBridge',
  'hipThrust',
  'deadBug',
  'birdDog',
  'plank',
  'splitSquat',
  'stepDown',
  'wallSit',
  'hamstringSliderCurl',
  'romanianDeadlift',
  'standingBandMarch',
  'heelRaise',
  'bentKneeHeelRaise',
];

const sentences = (s: string) => s.split(/(?<=[.!?])\s+/).filter((x) => x.trim().length > 0);

test('exercise ids are unique and every named exercise is in the library', () => {
  const ids = EXERCISES.map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of NAMED) assert.ok(ids.includes(id), `missing ${id}`);
  assert.throws(() => exerciseById('noSuchExercise'), RangeError);
});

test('the library covers every strength muscle group, and every mobility group by foam rolling and by stretching', () => {
  for (const g of STRENGTH_GROUPS) {
    assert.ok(EXERCISES.some((e) => e.kind === 'strength' && e.targets.includes(g)), `no strength exercise for ${g}`);
  }
  for (const g of MOBILITY_GROUPS) {
    for (const m of ['foamRolling', 'stretch'] satisfies MobilityMethod[]) {
      assert.ok(EXERCISES.some((e) => e.kind === 'mobility' && e.method === m && e.targets.includes(g)), `no ${m} for ${g}`);
    }
  }
});

test('every exercise has plain instructions (2-4 sentences), a purpose, a valid dosage, a progression and known sources', () => {
  for (const e of EXERCISES) {
    const n = sentences(e.instructions).length;
    assert.ok(n >= 2 && n <= 4 && e.instructions.length <= 400, `${e.id}: ${n} sentences`);
    assert.ok(e.purpose.length > 10 && e.progression.length > 10 && e.name.length > 0, e.id);
    assert.equal(DosageSchema.safeParse(e.dosage).success, true, `${e.id} dosage`);
    assert.ok(e.sources.length > 0, `${e.id} has no source`);
    for (const s of e.sources) assert.ok(s in SOURCES, `${e.id}: unknown source ${s}`);
    assert.equal(e.method === null, e.kind === 'strength', `${e.id}: mobility needs a method, strength none`);
  }
});

test('dosage follows the conventions: strength 2-3 x 8-12 twice a week (ACSM 2009), stretches 30 s 2-3 times, foam rolling 60-90 s; a pain\'s own programme keeps its trial\'s dose', () => {
  const trials: Record<string, { source: string; text: RegExp }> = {
    eccentricHeelDrop: { source: 'alfredson1998', text: /^3 sets of 15 with the knee straight and 3 sets of 15 with it bent, twice a day, every day for 12 weeks\.$/ },
    heelRaiseTowelToes: { source: 'rathleff2015', text: /^3 sets of 12 .*every other day/ },
  };
  for (const e of EXERCISES) {
    const d = e.dosage;
    const trial = trials[e.id];
    if (trial) {
      assert.ok(e.sources.includes(trial.source as never), e.id);
      assert.match(d.text, trial.text, e.id);
      continue;
    }
    if (e.kind === 'strength') {
      assert.equal(d.perWeek, 2, e.id);
      if (/\(endurance:/.test(d.text)) {
        // local muscular endurance (ACSM 2009): light load, more than 15 repetitions, short rests
        assert.ok(d.sets >= 2 && d.sets <= 3 && d.reps !== null && d.reps > 15, `${e.id}: ${d.sets} x ${d.reps}`);
        assert.match(d.text, /less than 90 s rest/, e.id);
        assert.ok(e.sources.includes('acsm2009'), e.id);
      } else if (d.reps !== null) {
        assert.ok(d.sets >= 2 && d.sets <= 3 && d.reps >= 8 && d.reps <= 12, `${e.id}: ${d.sets} x ${d.reps}`);
        assert.match(d.text, /2-3 sets of 8-12/, e.id);
        assert.ok(e.sources.includes('acsm2009'), e.id);
      } else {
        assert.ok(d.holdS !== null && e.sources.includes('gaitlensPlanChoice'), `${e.id}: a hold time is a product choice`);
      }
    } else {
      assert.equal(d.perWeek, null, `${e.id}: mobility is after runs and on recovery days`);
      assert.equal(d.reps, null, e.id);
      if (e.method === 'stretch') {
        assert.ok(d.holdS === 30 && d.sets >= 2 && d.sets <= 3 && e.sources.includes('garber2011'), e.id);
      } else {
        assert.ok(d.holdS !== null && d.holdS >= 60 && d.holdS <= 90 && e.sources.includes('konrad2022'), e.id);
      }
    }
  }
});

test('loaded strength exercises progress by 2-10% load when two more repetitions than the target are possible', () => {
  for (const e of EXERCISES.filter((x) => x.kind === 'strength' && x.dosage.reps !== null && /add 2-10% load/.test(x.progression))) {
    assert.match(e.progression, new RegExp(`can do ${e.dosage.reps! + 2} \\(two more than the target of ${e.dosage.reps}\\)`), e.id);
  }
  assert.ok(EXERCISES.filter((x) => /add 2-10% load/.test(x.progression)).length >= 10);
});

test('exercises that compress the outer hip are flagged, cite Mellor 2018 and point to a safe alternative of the same kind', () => {
  const avoided = EXERCISES.filter((e) => e.avoidWithLateralHipPain).map((e) => e.id);
  for (const id of ['figureFourStretch', 'kneeToOppositeShoulderStretch', 'sideLyingHipAbduction', 'clamshell', 'sidePlank']) {
    assert.ok(avoided.includes(id), `${id} should be avoided with lateral hip pain`);
  }
  for (const e of EXERCISES) {
    if (!e.avoidWithLateralHipPain) {
      assert.equal(e.lateralHipAlternativeId, null, `${e.id}: only avoided exercises need an alternative`);
      continue;
    }
    assert.ok(e.sources.includes('mellor2018'), e.id);
    assert.ok(e.cautions.some((c) => /outer hip/.test(c)), e.id);
    if (e.lateralHipAlternativeId !== null) {
      const alt = exerciseById(e.lateralHipAlternativeId);
      assert.equal(alt.avoidWithLateralHipPain, false, `${e.id} -> ${alt.id}`);
      assert.equal(alt.kind, e.kind, `${e.id} -> ${alt.id}`);
    }
  }
  assert.ok(EXERCISES.some((e) => e.kind === 'mobility' && e.method === 'stretch' && e.targets.includes('adductors') && !e.avoidWithLateralHipPain), 'stretching the adductors (into abduction) stays allowed');
});
