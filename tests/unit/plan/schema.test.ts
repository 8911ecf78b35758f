import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PlanSchema } from '../../../shared/plan/schema.ts';
import type { Plan, PlanItem } from '../../../shared/plan/types.ts';

const item = (id: string): PlanItem => ({
  id,
  exerciseId: 'gluteBridge',
  name: 'Glute bridge',
  kind: 'strength',
  instructions: 'Lie on your back with knees bent. Push through your heels and lift your hips.',
  dosage: { sets: 3, reps: 10, holdS: null, eachSide: false, perWeek: 2, text: '3 sets of 10, twice a week.' },
  cautions: [],
  why: 'Strong glutes steady the pelvis.',
  reasons: ['baseline'],
  sources: ['acsm2009'],
  notes: '',
});

/** A hand-built plan: the schema must not depend on the draft generator to accept a valid plan. */
const plan = (): Plan => ({
  version: 1,
  items: [item('item-a'), { ...item('custom-1'), exerciseId: null, name: 'Skipping drills', reasons: [] }],
  cues: [
    {
      id: 'cue-cadence',
      kind: 'cadence',
      text: 'Quicker, shorter steps.',
      metronome: { lowBpm: 176, highBpm: 185 },
      reasons: ['overstriding'],
      sources: ['heiderscheit2011', 'anderson2022'],
    },
  ],
  advice: {
    footwear: { text: 'Fit the larger foot.', sources: ['gaitlensClinicalGuidance'] },
    crossTraining: { text: 'Cycle or swim.', sources: ['gaitlensClinicalGuidance'] },
    recovery: { text: 'Light stretching.', sources: ['gaitlensClinicalGuidance'] },
    lateralHip: null,
  },
  schedule: {
    longRunDay: 'sun',
    days: (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((day) => ({ day, tags: day === 'sun' ? ['longRun', 'mobility'] : [] })),
    text: 'Strength on Tuesday and Friday.',
    sources: ['gaitlensClinicalGuidance'],
  },
  hold: null,
  draftNotes: [],
  clinicianNotes: '',
});

function issuesOf(value: unknown): { path: string; message: string }[] {
  const r = PlanSchema.safeParse(value);
  assert.equal(r.success, false, 'expected the plan to be rejected');
  return r.error!.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

function assertRejected(value: unknown, path: string, message: RegExp) {
  const issues = issuesOf(value);
  assert.ok(issues.some((i) => i.path === path && message.test(i.message)), `expected ${path} ~ ${message}, got ${JSON.stringify(issues)}`);
}

test('a valid hand-built plan passes unchanged, and so does a headless draft marked unreviewed', () => {
  assert.deepEqual(PlanSchema.parse(plan()), plan());
  const draft = { ...plan(), unreviewedDraft: true as const };
  assert.deepEqual(PlanSchema.parse(draft), draft);
  assertRejected({ ...plan(), unreviewedDraft: false }, 'unreviewedDraft', /true or absent/);
});

test('bad plans are rejected with the field named', () => {
  const p = plan();
  assertRejected({ ...p, version: 2 }, 'version', /version/);
  assertRejected({ ...p, extra: 1 }, '', /Unknown plan field: extra/);
  assertRejected({ ...p, items: [item('a'), item('a')] }, 'items.1', /item id "a" appears twice/);
  assertRejected({ ...p, items: [{ ...item('a'), kind: 'cardio' }] }, 'items.0.kind', /strength/);
  assertRejected({ ...p, items: [{ ...item('a'), name: '  ' }] }, 'items.0.name', /cannot be empty/);
  assertRejected({ ...p, items: [{ ...item('a'), sources: ['madeUp2020'] }] }, 'items.0.sources.0', /Unknown source id/);
  assertRejected({ ...p, items: [{ ...item('a'), dosage: { ...item('a').dosage, sets: 0 } }] }, 'items.0.dosage.sets', /from 1 to 10/);
  assertRejected({ ...p, items: [{ ...item('a'), dosage: { ...item('a').dosage, reps: 8.5 } }] }, 'items.0.dosage.reps', /whole number/);
  assertRejected({ ...p, items: [{ ...item('a'), dosage: { ...item('a').dosage, reps: null, holdS: null } }] }, 'items.0.dosage.reps', /repetitions or a hold/);
  assertRejected({ ...p, items: [{ ...item('a'), dosage: { ...item('a').dosage, perWeek: 8 } }] }, 'items.0.dosage.perWeek', /from 1 to 7/);
  assertRejected({ ...p, cues: [{ ...p.cues[0], metronome: { lowBpm: 190, highBpm: 180 } }] }, 'cues.0.metronome.highBpm', /must not exceed/);
  assertRejected({ ...p, schedule: { ...p.schedule, days: p.schedule.days.slice(1) } }, 'schedule.days', /seven days/);
  assertRejected({ ...p, schedule: { ...p.schedule, days: p.schedule.days.map((d) => ({ ...d, tags: ['run', 'run'] })) } }, 'schedule.days.0.tags.1', /appears twice/);
  assertRejected({ ...p, schedule: { ...p.schedule, days: p.schedule.days.map((d) => ({ ...d, tags: ['nap'] })) } }, 'schedule.days.0.tags.0', /day tag/);
  assertRejected({ ...p, hold: { urgency: 'urgent', redFlags: [], text: 'See a doctor.', sources: [] } }, 'hold.redFlags', /at least one red flag/);
  assertRejected({ ...p, hold: { urgency: 'urgent', redFlags: ['headache'], text: 'See a doctor.', sources: [] } }, 'hold.redFlags.0', /Unknown red flag/);
  assertRejected({ ...p, clinicianNotes: 'x'.repeat(20001) }, 'clinicianNotes', /too long/);
});
