/**
 * The visit intake: why the runner came, their pain, their training, their shoes and the red-flag
 * screen. Plain JSON saved with the visit; IntakeSchema validates it when saved.
 * When any red flag is positive, running advice is held until the clinician records a decision
 * (redFlagDecision): cleared to run, or referred to a doctor (the advice stays held).
 */
import { z } from 'zod';
import type { SourceId } from '../gait/references.ts';

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const WEEKDAY_NAMES: Record<Weekday, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export const RED_FLAG_IDS = [
  'painWorsening',
  'painAtRestOrNight',
  'grindingClickingPopping',
  'sharpOrRadiatingPain',
  'unableToBearWeight',
  'groinPainOnHopping',
  'fever',
  'unexplainedWeightLoss',
  'historyOfCancer',
  'recentTrauma',
  'focalBonePain',
  'achillesSnap',
  'saddleNumbnessOrBladder',
] as const;
export type RedFlagId = (typeof RED_FLAG_IDS)[number];

/** Where the pain is: the regions the intake offers, the red-flag questions and the plan follow them. */
export const PAIN_REGIONS = ['hip', 'groin', 'buttock', 'thigh', 'kneeFront', 'kneeOuter', 'kneeInner', 'shin', 'calfAchilles', 'foot', 'lowerBack'] as const;
export type PainRegion = (typeof PAIN_REGIONS)[number];

export const PAIN_REGION_NAMES: Record<PainRegion, string> = {
  hip: 'Hip',
  groin: 'Groin',
  buttock: 'Buttock',
  thigh: 'Thigh',
  kneeFront: 'Front of the knee',
  kneeOuter: 'Outer knee',
  kneeInner: 'Inner knee',
  shin: 'Shin',
  calfAchilles: 'Calf or Achilles',
  foot: 'Foot',
  lowerBack: 'Lower back',
};

/** When it hurts. */
export const PAIN_TIMES = ['duringRuns', 'afterRuns', 'nextMorning', 'atRest'] as const;
export type PainTime = (typeof PAIN_TIMES)[number];

export const PAIN_TIME_NAMES: Record<PainTime, string> = {
  duringRuns: 'during runs',
  afterRuns: 'after runs',
  nextMorning: 'the next morning',
  atRest: 'at rest',
};

const JOINTS: PainRegion[] = ['hip', 'groin', 'buttock', 'kneeFront', 'kneeOuter', 'kneeInner'];

/** urgent: see a doctor the same day, imaging may be needed before any running; soon: see a doctor before the next training block. */
export type ReferralUrgency = 'urgent' | 'soon';

export interface RedFlag {
  id: RedFlagId;
  /** The question as the clinician asks it. */
  question: string;
  /** The line the report shows the runner when the flag is positive. */
  plainText: string;
  urgency: ReferralUrgency;
  /** What the runner should do, in the report's words. */
  referral: string;
  /** The pain regions the question belongs to; null for every runner. */
  regions: readonly PainRegion[] | null;
  sources: SourceId[];
}

const URGENT_REFERRAL = 'See a doctor today, before running again: an X-ray or scan may be needed.';
const SOON_REFERRAL = 'See your doctor about this before you go on with your training.';

export const RED_FLAGS: readonly RedFlag[] = [
  {
    id: 'painWorsening',
    question: 'Has the pain become more frequent or more intense?',
    plainText: 'Your pain is coming more often or getting stronger.',
    urgency: 'soon',
    referral: SOON_REFERRAL,
    regions: null,
    sources: ['gaitlensClinicalGuidance'],
  },
  {
    id: 'painAtRestOrNight',
    question: 'Do you have pain at rest or at night?',
    plainText: 'You have pain at rest or at night.',
    urgency: 'urgent',
    referral: `${URGENT_REFERRAL} Pain at night can be a sign of a stress fracture.`,
    regions: null,
    sources: ['gaitlensClinicalGuidance'],
  },
  {
    id: 'grindingClickingPopping',
    question: 'Do you feel grinding, clicking, catching or locking in the sore joint?',
    plainText: 'You feel grinding, clicking or popping in the joint.',
    urgency: 'soon',
    referral: `${SOON_REFERRAL} Clicking or catching can come from the joint itself and may need a scan to check.`,
    regions: JOINTS,
    sources: ['gaitlensClinicalGuidance', 'griffin2016'],
  },
  {
    id: 'sharpOrRadiatingPain',
    question: 'Is the pain sharp, or does it spread (radiate) down the leg or elsewhere?',
    plainText: 'Your pain is sharp or spreads to other places.',
    urgency: 'soon',
    referral: SOON_REFERRAL,
    regions: null,
    sources: ['gaitlensClinicalGuidance'],
  },
  {
    id: 'unableToBearWeight',
    question: 'Are you unable to put your full weight on the leg?',
    plainText: 'You cannot put your full weight on the leg.',
    urgency: 'urgent',
    referral: URGENT_REFERRAL,
    regions: null,
    sources: ['gaitlensClinicalGuidance'],
  },
  {
    id: 'groinPainOnHopping',
    question: 'Do you feel pain in the groin when you hop on the painful leg?',
    plainText: 'Hopping on the leg hurts in the groin.',
    urgency: 'urgent',
    referral: `${URGENT_REFERRAL} Groin pain on hopping can be a sign of a stress fracture of the hip.`,
    regions: ['hip', 'groin', 'thigh'],
    sources: ['gaitlensClinicalGuidance'],
  },
  {
    id: 'fever',
    question: 'Have you had a fever?',
    plainText: 'You have had a fever.',
    urgency: 'soon',
    referral: SOON_REFERRAL,
    regions: null,
    sources: ['gaitlensClinicalGuidance'],
  },
  {
    id: 'unexplainedWeightLoss',
    question: 'Have you lost weight without trying?',
    plainText: 'You have lost weight without trying.',
    urgency: 'soon',
    referral: SOON_REFERRAL,
    regions: null,
    sources: ['gaitlensClinicalGuidance'],
  },
  {
    id: 'historyOfCancer',
    question: 'Have you ever had cancer?',
    plainText: 'You have had cancer in the past.',
    urgency: 'soon',
    referral: SOON_REFERRAL,
    regions: null,
    sources: ['gaitlensClinicalGuidance'],
  },
  {
    id: 'recentTrauma',
    question: 'Did the pain start after a fall, a blow or another injury?',
    plainText: 'Your pain started after a fall, a blow or another injury.',
    urgency: 'soon',
    referral: SOON_REFERRAL,
    regions: null,
    sources: ['gaitlensClinicalGuidance'],
  },
  {
    id: 'focalBonePain',
    question: 'Is there pain on one spot of the bone (shin or foot) that hurts to press or to hop on?',
    plainText: 'One spot of the bone hurts when pressed or when you hop.',
    urgency: 'urgent',
    referral: `${URGENT_REFERRAL} Pain on one spot of the bone can be a stress fracture.`,
    regions: ['shin', 'foot'],
    sources: ['warden2014'],
  },
  {
    id: 'achillesSnap',
    question: 'Did you feel a snap or a kick at the back of the ankle, and now struggle to push off or rise on your toes?',
    plainText: 'You felt a snap at the back of the ankle and pushing off is weak.',
    urgency: 'urgent',
    referral: 'See a doctor today, before running again: the Achilles tendon may be torn.',
    regions: ['calfAchilles'],
    sources: ['maffulli1999'],
  },
  {
    id: 'saddleNumbnessOrBladder',
    question: 'Is there numbness around the genitals or between the buttocks, trouble passing urine, or weakness in the legs?',
    plainText: 'You have numbness in the saddle area, trouble passing urine, or weak legs.',
    urgency: 'urgent',
    referral: 'Go to an emergency department today: these can be signs of pressure on the nerves in the lower back.',
    regions: ['lowerBack', 'buttock'],
    sources: ['finucane2020'],
  },
];

export type RedFlagAnswers = Record<RedFlagId, boolean>;

/** The red-flag questions for the pain's regions: those for every runner and those of the regions; all of them while no region is given. */
export function redFlagsFor(regions: readonly PainRegion[]): RedFlag[] {
  return RED_FLAGS.filter((f) => f.regions === null || regions.length === 0 || f.regions.some((r) => regions.includes(r)));
}

/**
 * What the clinician decided about the positive red flags: the runner is cleared to follow the
 * running advice, or referred to a doctor with the advice held; the note is shown in the report.
 */
export interface RedFlagDecision {
  outcome: 'cleared' | 'referred';
  note: string;
}

export interface Intake {
  version: 2;
  /** Why the runner came, in their words or the clinician's. */
  reason: string;
  /** Where it hurts (free text, e.g. "outer right hip"). */
  painLocation: string;
  /** Where it hurts, as regions: they choose the red-flag questions and the plan's exercises. */
  painRegions: PainRegion[];
  painSide: 'left' | 'right' | 'both' | null;
  /** When it hurts. */
  painWhen: PainTime[];
  /** Pain on a 0-10 numeric rating scale; null when not asked or no pain reported. */
  painScore: number | null;
  /**
   * The clinician's judgement that the pain shows lateral hip / gluteal tendinopathy signs.
   * The plan also treats a pain location naming the outer hip as such a sign (mentionsLateralHip).
   */
  lateralHipPain: boolean;
  weeklyDistanceKm: number | null;
  /** How many times a week the runner runs (the long run included); null when not given. */
  runsPerWeek: number | null;
  /** The day of the week's longest run; null when not given. */
  longRunDay: Weekday | null;
  /** Recent changes in training (distance, pace, surface, hills, a new plan). */
  trainingChanges: string;
  shoes: string;
  redFlags: RedFlagAnswers;
  /** The clinician's decision on the positive red flags; null while not reviewed (or none positive). */
  redFlagDecision: RedFlagDecision | null;
  clinicianNotes: string;
}

/** Data-entry sanity limits (a product choice, as in shared/contract/schemas.ts), not clinical thresholds. */
const SHORT_TEXT_MAX = 2000;
const NOTES_MAX = 20000;
const WEEKLY_KM_MAX = 1000;

const shortText = (what: string) =>
  z.string({ error: `${what} must be text.` }).max(SHORT_TEXT_MAX, `${what} is too long (${SHORT_TEXT_MAX.toLocaleString('en')} characters at most).`);

const flag = (id: RedFlagId) => z.boolean({ error: `Red flag "${id}" must be answered yes or no.` });

const RedFlagAnswersSchema = z.strictObject(
  Object.fromEntries(RED_FLAG_IDS.map((id) => [id, flag(id)])) as Record<RedFlagId, ReturnType<typeof flag>>,
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `Unknown red flag: ${issue.keys.join(', ')}.` : 'The red-flag screen must list every flag.') },
);

export const IntakeSchema = z.strictObject(
  {
    version: z.literal(2, { error: 'Unsupported intake version (expected 2).' }),
    reason: shortText('The reason for the visit'),
    painLocation: shortText('The pain location'),
    painRegions: z
      .array(z.enum(PAIN_REGIONS, { error: `A pain region must be one of ${PAIN_REGIONS.join(', ')}.` }))
      .max(PAIN_REGIONS.length)
      .refine((xs) => new Set(xs).size === xs.length, 'A pain region is listed twice.'),
    painSide: z.enum(['left', 'right', 'both'], { error: 'The pain side must be left, right or both, or empty.' }).nullable(),
    painWhen: z
      .array(z.enum(PAIN_TIMES, { error: `When it hurts must be one of ${PAIN_TIMES.join(', ')}.` }))
      .max(PAIN_TIMES.length)
      .refine((xs) => new Set(xs).size === xs.length, 'A time of pain is listed twice.'),
    painScore: z
      .number({ error: 'The pain score must be a number from 0 to 10, or empty.' })
      .int('The pain score must be a whole number from 0 to 10.')
      .min(0, 'The pain score must be from 0 to 10.')
      .max(10, 'The pain score must be from 0 to 10.')
      .nullable(),
    lateralHipPain: z.boolean({ error: 'Lateral hip pain must be yes or no.' }),
    weeklyDistanceKm: z
      .number({ error: 'The weekly distance must be a number of kilometres, or empty.' })
      .min(0, 'The weekly distance cannot be negative.')
      .max(WEEKLY_KM_MAX, `The weekly distance must be under ${WEEKLY_KM_MAX.toLocaleString('en')} km.`)
      .nullable(),
    runsPerWeek: z
      .number({ error: 'Runs per week must be a whole number from 0 to 14, or empty.' })
      .int('Runs per week must be a whole number from 0 to 14.')
      .min(0, 'Runs per week must be from 0 to 14.')
      .max(14, 'Runs per week must be from 0 to 14.')
      .nullable(),
    longRunDay: z.enum(WEEKDAYS, { error: 'The long-run day must be a weekday (mon to sun), or empty.' }).nullable(),
    trainingChanges: shortText('Recent training changes'),
    shoes: shortText('The shoes'),
    redFlags: RedFlagAnswersSchema,
    redFlagDecision: z
      .strictObject(
        {
          outcome: z.enum(['cleared', 'referred'], { error: 'The red-flag decision must be "cleared" or "referred".' }),
          note: shortText('The red-flag decision note'),
        },
        { error: 'The red-flag decision must be an object with an outcome and a note, or empty.' },
      )
      .nullable(),
    clinicianNotes: z
      .string({ error: 'Clinician notes must be text.' })
      .max(NOTES_MAX, `Clinician notes are too long (${NOTES_MAX.toLocaleString('en')} characters at most).`),
  },
  { error: (issue) => (issue.code === 'unrecognized_keys' ? `Unknown intake field: ${issue.keys.join(', ')}.` : 'The intake must be an object.') },
) satisfies z.ZodType<Intake>;

export function emptyIntake(): Intake {
  return {
    version: 2,
    reason: '',
    painLocation: '',
    painRegions: [],
    painSide: null,
    painWhen: [],
    painScore: null,
    lateralHipPain: false,
    weeklyDistanceKm: null,
    runsPerWeek: null,
    longRunDay: null,
    trainingChanges: '',
    shoes: '',
    redFlags: Object.fromEntries(RED_FLAG_IDS.map((id) => [id, false])) as RedFlagAnswers,
    redFlagDecision: null,
    clinicianNotes: '',
  };
}

/** The red flags answered yes, in the table's order, among the questions for the pain's regions. */
export function positiveRedFlags(intake: Intake): RedFlag[] {
  return redFlagsFor(intake.painRegions).filter((f) => intake.redFlags[f.id]);
}

/**
 * Where the red flags stand: none positive; positive and not yet reviewed; reviewed and cleared
 * to run; reviewed and referred to a doctor.
 */
export function redFlagStatus(intake: Intake): 'none' | 'unreviewed' | 'cleared' | 'referred' {
  if (positiveRedFlags(intake).length === 0) return 'none';
  return intake.redFlagDecision?.outcome ?? 'unreviewed';
}

/** Running advice is held while a red flag is positive, until the clinician clears the runner to run. */
export function runningAdviceHeld(intake: Intake): boolean {
  const status = redFlagStatus(intake);
  return status === 'unreviewed' || status === 'referred';
}

/**
 * An intake as stored, brought to the current version. Version 1 had a tick "reviewed, the runner
 * may follow the running advice" (redFlagsReviewed): ticked, it is the decision "cleared". Runs per
 * week and the pain's regions, side and times came later: absent, they are not given; red flags
 * added later were not asked: no.
 */
export function upgradeIntake(stored: unknown): Intake {
  const raw = stored as Record<string, unknown>;
  // fields added since: absent, they are not given; red flags added since: not asked, so no
  const flags = raw['redFlags'] !== null && typeof raw['redFlags'] === 'object' ? { ...Object.fromEntries(RED_FLAG_IDS.map((id) => [id, false])), ...(raw['redFlags'] as object) } : raw['redFlags'];
  const current: Record<string, unknown> = { runsPerWeek: null, painRegions: [], painSide: null, painWhen: [], ...raw, redFlags: flags };
  if (raw['version'] !== 1) return current as unknown as Intake;
  const { redFlagsReviewed, ...rest } = current;
  return { ...rest, version: 2, redFlagDecision: redFlagsReviewed === true ? { outcome: 'cleared', note: '' } : null } as unknown as Intake;
}

/** Words in a pain location that point to the lateral hip (gluteal tendinopathy territory). */
const LATERAL_HIP_WORDS = [
  /\b(lateral|outer) (left |right )?hip/i,
  /\b(outside|side) of (the |my )?(left |right )?hip/i,
  /trochant/i,
  /\bgluteal tendin/i,
  /\bglute(us)? (med|min)/i,
];

export function mentionsLateralHip(painLocation: string): boolean {
  return LATERAL_HIP_WORDS.some((re) => re.test(painLocation));
}

/** Lateral hip pain signs: the clinician's flag, or a pain location naming the outer hip. */
export function hasLateralHipPainSigns(intake: Intake): boolean {
  return intake.lateralHipPain || mentionsLateralHip(intake.painLocation);
}
