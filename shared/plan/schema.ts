/**
 * PlanSchema: validates the plan (types.ts) when the clinician saves it with the visit.
 * Numeric bounds here (sets, repetitions, hold seconds, metronome bpm, text lengths) are data-entry
 * sanity limits, a product choice, not clinical thresholds.
 */
import { z } from 'zod';
import { SOURCES } from '../gait/references.ts';
import type { SourceId } from '../gait/references.ts';
import { RED_FLAG_IDS, WEEKDAYS } from './intake.ts';
import type { Plan } from './types.ts';

const TEXT_MAX = 2000;
const NOTES_MAX = 20000;
const LIST_MAX = 100;

const strict = <T extends z.core.$ZodLooseShape>(what: string, shape: T) =>
  z.strictObject(shape, {
    error: (issue) => (issue.code === 'unrecognized_keys' ? `Unknown ${what} field: ${issue.keys.join(', ')}.` : `The ${what} must be an object.`),
  });

const text = (what: string, max = TEXT_MAX) =>
  z.string({ error: `${what} must be text.` }).max(max, `${what} is too long (${max.toLocaleString('en')} characters at most).`);

const requiredText = (what: string, max = TEXT_MAX) => text(what, max).trim().min(1, `${what} cannot be empty.`);

const wholeNumber = (what: string, min: number, max: number) =>
  z
    .number({ error: `${what} must be a number.` })
    .int(`${what} must be a whole number.`)
    .min(min, `${what} must be from ${min} to ${max}.`)
    .max(max, `${what} must be from ${min} to ${max}.`);

const SOURCE_IDS = Object.keys(SOURCES) as [SourceId, ...SourceId[]];
const sources = z.array(z.enum(SOURCE_IDS, { error: 'Unknown source id.' }), { error: 'Sources must be a list of source ids.' }).max(LIST_MAX);

const reasons = z
  .array(requiredText('A reason', 100), { error: 'Reasons must be a list.' })
  .max(LIST_MAX, `At most ${LIST_MAX} reasons.`);

const advice = (what: string) => strict(what, { text: text(`The ${what} text`), sources });

const unique = <T>(key: (x: T) => string, what: string) => (xs: T[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  xs.forEach((x, i) => {
    const k = key(x);
    if (seen.has(k)) ctx.addIssue({ code: 'custom', path: [i], message: `${what} "${k}" appears twice.` });
    seen.add(k);
  });
};

export const DosageSchema = strict('dosage', {
  sets: wholeNumber('Sets', 1, 10),
  reps: wholeNumber('Repetitions', 1, 100).nullable(),
  holdS: wholeNumber('Hold time (s)', 1, 600).nullable(),
  eachSide: z.boolean({ error: 'Each side must be yes or no.' }),
  perWeek: wholeNumber('Sessions per week', 1, 7).nullable(),
  text: requiredText('The dosage text', 500),
}).refine((d) => d.reps !== null || d.holdS !== null, { message: 'Give repetitions or a hold time.', path: ['reps'] });

export const PlanItemSchema = strict('plan item', {
  id: requiredText('The item id', 100),
  exerciseId: requiredText('The exercise id', 100).nullable(),
  name: requiredText('The exercise name', 200),
  kind: z.enum(['strength', 'mobility'], { error: "The kind must be 'strength' or 'mobility'." }),
  instructions: text('The instructions'),
  dosage: DosageSchema,
  cautions: z.array(requiredText('A caution'), { error: 'Cautions must be a list.' }).max(LIST_MAX),
  why: text('The reason text'),
  reasons,
  sources,
  notes: text('The item notes', NOTES_MAX),
});

export const GaitCueSchema = strict('gait cue', {
  id: requiredText('The cue id', 100),
  kind: z.enum(['cadence', 'stepWidth', 'custom'], { error: "The cue kind must be 'cadence', 'stepWidth' or 'custom'." }),
  text: requiredText('The cue text'),
  metronome: strict('metronome', {
    lowBpm: wholeNumber('The metronome low bpm', 100, 300),
    highBpm: wholeNumber('The metronome high bpm', 100, 300),
  })
    .refine((m) => m.lowBpm <= m.highBpm, { message: 'The metronome low bpm must not exceed the high bpm.', path: ['highBpm'] })
    .nullable(),
  reasons,
  sources,
});

const DAY_TAGS = ['longRun', 'run', 'strength', 'mobility', 'rest'] as const;

export const ScheduleSchema = strict('schedule', {
  longRunDay: z.enum(WEEKDAYS, { error: 'The long-run day must be a weekday (mon to sun), or empty.' }).nullable(),
  days: z
    .array(
      strict('day', {
        day: z.enum(WEEKDAYS, { error: 'The day must be a weekday (mon to sun).' }),
        tags: z
          .array(z.enum(DAY_TAGS, { error: `A day tag must be one of ${DAY_TAGS.join(', ')}.` }), { error: 'Day tags must be a list.' })
          .superRefine(unique((t) => t, 'The tag')),
      }),
      { error: 'The schedule days must be a list.' },
    )
    .refine((days) => days.length === WEEKDAYS.length && days.every((d, i) => d.day === WEEKDAYS[i]), 'The schedule must list the seven days from Monday to Sunday, in order.'),
  text: text('The schedule text'),
  sources,
});

export const PlanSchema = strict('plan', {
  version: z.literal(1, { error: 'Unsupported plan version (expected 1).' }),
  items: z.array(PlanItemSchema, { error: 'Items must be a list.' }).max(LIST_MAX, `At most ${LIST_MAX} items.`).superRefine(unique((x) => x.id, 'The item id')),
  cues: z.array(GaitCueSchema, { error: 'Cues must be a list.' }).max(LIST_MAX, `At most ${LIST_MAX} cues.`).superRefine(unique((x) => x.id, 'The cue id')),
  advice: strict('advice', {
    footwear: advice('footwear advice'),
    crossTraining: advice('cross-training advice'),
    recovery: advice('recovery advice'),
    lateralHip: advice('lateral hip advice').nullable(),
  }),
  schedule: ScheduleSchema,
  hold: strict('hold', {
    urgency: z.enum(['urgent', 'soon'], { error: "The hold urgency must be 'urgent' or 'soon'." }),
    redFlags: z.array(z.enum(RED_FLAG_IDS, { error: 'Unknown red flag.' })).min(1, 'A hold names at least one red flag.'),
    text: requiredText('The hold text'),
    sources,
  }).nullable(),
  draftNotes: z.array(text('A draft note'), { error: 'Draft notes must be a list.' }).max(LIST_MAX),
  clinicianNotes: text('Clinician notes', NOTES_MAX),
  unreviewedDraft: z.literal(true, { error: 'unreviewedDraft is true or absent.' }).optional(),
}) satisfies z.ZodType<Plan>;
