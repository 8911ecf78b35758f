/**
 * draftPlan: the plan the report drafts from the findings, the measured cadence and the intake.
 * The clinician edits it before it is saved. Deterministic: the same input gives the same plan.
 *
 * Rules (docs/plan.md):
 * - every runner gets the baseline hip and core strength program and the mobility program;
 * - findings add exercises and gait cues (FINDING_PLAN);
 * - strength twice a week, never the day before, of or after the longest run;
 *   mobility after runs and on the recovery day after the long run;
 * - lateral hip pain signs: positions that compress the outer hip are left out or replaced,
 *   the cadence cue is added and positions to avoid are listed (Mellor 2018);
 * - positive red flags hold every exercise and running cue until the clinician clears the runner (a referral keeps them held).
 */
import { THRESHOLDS } from '../gait/findings.ts';
import type { SourceId } from '../gait/references.ts';
import type { Finding } from '../gait/types.ts';
import { EXERCISES, exerciseById } from './exercises.ts';
import type { Exercise } from './exercises.ts';
import { PAIN_REGION_NAMES, WEEKDAYS, WEEKDAY_NAMES, hasLateralHipPainSigns, positiveRedFlags, redFlagStatus, runningAdviceHeld, type PainRegion } from './intake.ts';
import type { Intake, Weekday } from './intake.ts';
import { CADENCE_INCREASE_PCT, cadenceTargetRange } from './metronome.ts';
import type { AdviceText, DayTag, GaitCue, Plan, PlanAdvice, PlanHold, PlanItem, PlanReason, Schedule } from './types.ts';

export interface DraftPlanInput {
  /** The findings of every analysed video of the visit (duplicates across videos are merged). */
  findings: Finding[];
  /** The measured running cadence, steps per minute; null when unknown. */
  cadenceSpm: number | null;
  intake: Intake;
}

type CueKind = 'cadence' | 'stepWidth';

export interface FindingPlanRule {
  findingId: string;
  exerciseIds: string[];
  cues: CueKind[];
  sources: SourceId[];
}

/** The hip and core program every runner gets: one exercise per muscle group (clinical reference). */
export const BASELINE_STRENGTH = [
  'sideLyingHipAbduction',
  'gluteBridge',
  'clamshell',
  'deadBug',
  'splitSquat',
  'romanianDeadlift',
  'standingBandMarch',
  'heelRaise',
] as const;

/** Foam rolling and stretching after runs and on recovery days (clinical reference; Konrad 2022). */
export const BASELINE_MOBILITY = ['foamRollQuadriceps', 'foamRollCalves', 'hipFlexorStretch', 'figureFourStretch', 'calfStretch', 'adductorStretch'] as const;

/**
 * What each finding (shared/gait/findings.ts, shared/endurance/drift.ts) adds. Findings not listed
 * add nothing: asymmetry is a finding to examine, not a diagnosis (Malisoux 2024); vertical
 * oscillation, the capture-rate and walking checks, and cadence or contact time that change late
 * in a run carry no exercise evidence (the draft lists them for the clinician to review).
 */
export const FINDING_PLAN: readonly FindingPlanRule[] = [
  { findingId: 'pelvic-drop', exerciseIds: ['sideLyingHipAbduction', 'lateralBandWalk', 'stepDown'], cues: [], sources: ['bramah2018'] },
  { findingId: 'crossover', exerciseIds: ['lateralBandWalk', 'sideLyingHipAbduction'], cues: ['stepWidth'], sources: ['crossover2023', 'souza2016'] },
  { findingId: 'trunk-lean', exerciseIds: ['birdDog', 'plank', 'singleLegBridge'], cues: [], sources: ['tengPowers2015'] },
  { findingId: 'overstriding', exerciseIds: [], cues: ['cadence'], sources: ['heiderscheit2011', 'anderson2022', 'lieberman2015'] },
  { findingId: 'low-cadence', exerciseIds: [], cues: ['cadence'], sources: ['heiderscheit2011', 'anderson2022'] },
  // form that tires late in a run (shared/endurance/drift.ts): endurance sets for the hip abductors
  { findingId: 'drift.pelvicDropDeg', exerciseIds: ['lateralBandWalkEndurance'], cues: [], sources: ['bramah2018', 'acsm2009'] },
  { findingId: 'drift.peakKneeFppaDeg', exerciseIds: ['lateralBandWalkEndurance'], cues: [], sources: ['geiser2010', 'acsm2009'] },
];

/**
 * What the pain's region adds to the hip and core programme (which hip, groin and buttock pain
 * keep as it is): the exercises each region's evidence names, with its dose and source; where the
 * evidence is not about that pain, the choice says so (gaitlensPlanChoice).
 */
export const REGION_PLAN: readonly { region: PainRegion; exerciseIds: string[]; why: string; sources: SourceId[] }[] = [
  { region: 'kneeFront', exerciseIds: ['stepDown', 'splitSquat', 'wallSit'], why: 'for the pain at the front of the knee: knee and hip strengthening together', sources: ['crossley2016'] },
  { region: 'kneeOuter', exerciseIds: ['lateralBandWalk', 'sideLyingHipAbduction', 'stepDown'], why: 'for the pain on the outside of the knee: the hip abductors steady the knee', sources: ['fredericson2000'] },
  { region: 'kneeInner', exerciseIds: ['stepDown', 'splitSquat', 'wallSit'], why: 'for the pain on the inside of the knee: knee and hip strengthening (a product choice)', sources: ['gaitlensPlanChoice', 'acsm2009'] },
  { region: 'shin', exerciseIds: ['heelRaise', 'bentKneeHeelRaise'], why: 'for the shin: stronger calves share the load of each landing (a product choice)', sources: ['gaitlensPlanChoice', 'acsm2009'] },
  { region: 'calfAchilles', exerciseIds: ['eccentricHeelDrop', 'bentKneeHeelRaise'], why: 'for the calf or Achilles: heavy, slow loading of the tendon', sources: ['alfredson1998'] },
  { region: 'foot', exerciseIds: ['heelRaiseTowelToes'], why: 'for the heel and sole: heavy, slow loading of the sole of the foot', sources: ['rathleff2015'] },
  { region: 'thigh', exerciseIds: ['hamstringSliderCurl', 'romanianDeadlift'], why: 'for the thigh: hamstring strengthening (a product choice)', sources: ['gaitlensPlanChoice', 'acsm2009'] },
  { region: 'lowerBack', exerciseIds: ['birdDog', 'deadBug', 'plank'], why: 'for the lower back: trunk control (a product choice)', sources: ['gaitlensPlanChoice', 'acsm2009'] },
];

/** Added with lateral hip pain signs: loads the abductors without compressing their tendons. */
const LATERAL_HIP_EXERCISE = 'standingHipAbductionHold';

/**
 * Strength days counted from the long-run day: two and five days after it, so never the day
 * before, of or after it, and 3 and 4 days apart (a product choice within the clinical rule).
 */
const STRENGTH_OFFSETS_FROM_LONG_RUN = [2, 5] as const;
/** Strength days when the long-run day is not given (a product choice: right for a Sunday long run). */
const DEFAULT_STRENGTH_DAYS: readonly Weekday[] = ['tue', 'fri'];

const SCHEDULE_SOURCES: SourceId[] = ['gaitlensClinicalGuidance', 'acsm2009', 'konrad2022', 'gaitlensPlanChoice'];

const weekdayAt = (index: number): Weekday => WEEKDAYS[((index % 7) + 7) % 7]!;

/** The two strength days for a long-run day (null: not given). */
export function strengthDays(longRunDay: Weekday | null): Weekday[] {
  if (longRunDay === null) return [...DEFAULT_STRENGTH_DAYS];
  const l = WEEKDAYS.indexOf(longRunDay);
  return STRENGTH_OFFSETS_FROM_LONG_RUN.map((o) => weekdayAt(l + o)).sort((a, b) => WEEKDAYS.indexOf(a) - WEEKDAYS.indexOf(b));
}

const uniq = <T>(xs: T[]): T[] => [...new Set(xs)];
/** "Tuesday", "Tuesday and Friday", "Tuesday, Wednesday and Friday" */
const names = (days: Weekday[]) => {
  const n = days.map((d) => WEEKDAY_NAMES[d]);
  return n.length <= 1 ? (n[0] ?? '') : `${n.slice(0, -1).join(', ')} and ${n[n.length - 1]}`;
};

/** Circular gaps (days) between the sorted day indices of a week. */
function gaps(indices: readonly number[]): number[] {
  const sorted = [...indices].sort((x, y) => x - y);
  return sorted.map((d, k) => (k + 1 < sorted.length ? sorted[k + 1]! : sorted[0]! + 7) - d);
}

function lexicallyGreater(a: readonly number[], b: readonly number[]): boolean {
  const k = a.findIndex((v, i) => v !== b[i]);
  return k >= 0 && a[k]! > b[k]!;
}

function combinations<T>(xs: readonly T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (xs.length < k) return [];
  const [first, ...rest] = xs;
  return [...combinations(rest, k - 1).map((c) => [first!, ...c]), ...combinations(rest, k)];
}

/**
 * The days of the runner's other runs: as evenly spread over the week as they go (the largest
 * smallest gap between running days, the long run's included), off the recovery day after the long
 * run while there is room, then earlier in the week (a product choice: gaitlensPlanChoice).
 */
export function runDays(runsPerWeek: number, longRunDay: Weekday | null): Weekday[] {
  const total = Math.min(7, runsPerWeek);
  const fixed = longRunDay === null ? [] : [WEEKDAYS.indexOf(longRunDay)];
  const others = total - fixed.length;
  if (others <= 0) return [];
  const recovery = longRunDay === null ? null : (fixed[0]! + 1) % 7;
  const free = [0, 1, 2, 3, 4, 5, 6].filter((d) => !fixed.includes(d));
  const preferred = free.filter((d) => d !== recovery);
  const pool = preferred.length >= others ? preferred : free;
  let best: { days: number[]; score: number[] } | null = null;
  for (const days of combinations(pool, others)) {
    const g = gaps([...fixed, ...days]);
    // larger smallest gap, fewer back-to-back days, then earlier days
    const score = [Math.min(...g), -g.filter((x) => x === 1).length, -days.reduce((x, y) => x + y, 0)];
    if (!best || lexicallyGreater(score, best.score)) best = { days, score };
  }
  return best!.days.sort((x, y) => x - y).map((d) => WEEKDAYS[d]!);
}

function draftSchedule(longRunDay: Weekday | null, runsPerWeek: number | null, held: boolean): Schedule {
  if (held) {
    return {
      longRunDay,
      days: WEEKDAYS.map((day) => ({ day, tags: [] })),
      text: 'No training days are planned while the plan is on hold.',
      sources: ['gaitlensClinicalGuidance'],
    };
  }
  const strength = strengthDays(longRunDay);
  const recovery = longRunDay === null ? null : weekdayAt(WEEKDAYS.indexOf(longRunDay) + 1);
  const runs = runsPerWeek === null ? [] : runDays(runsPerWeek, longRunDay);
  const days = WEEKDAYS.map((day) => {
    const tags: DayTag[] = [];
    if (day === longRunDay) tags.push('longRun', 'mobility');
    if (runs.includes(day)) tags.push('run', 'mobility');
    if (day === recovery && !runs.includes(day)) tags.push('rest', 'mobility');
    if (strength.includes(day)) tags.push('strength');
    return { day, tags };
  });
  const running =
    runsPerWeek === null
      ? 'How many times a week you run was not given: add your runs to the days that suit you.'
      : runsPerWeek === 0
        ? 'You told us you are not running at the moment.'
        : `Your ${runsPerWeek} run${runsPerWeek === 1 ? '' : 's'} a week: ${[longRunDay !== null && runsPerWeek >= 1 ? `the long run on ${WEEKDAY_NAMES[longRunDay]}` : '', runs.length > 0 ? `${longRunDay !== null ? 'the others' : 'runs'} on ${names(runs)}` : ''].filter(Boolean).join(', ')}, spread over the week.`;
  const strengthText =
    longRunDay === null
      ? `Strength twice a week, on ${names(strength)}: the day of your longest run was not given, so keep strength off the day before, the day of and the day after it, and move these days if needed. Mobility after each run and on recovery days.`
      : `Strength twice a week, on ${names(strength)}: never the day before, the day of or the day after your long run on ${WEEKDAY_NAMES[longRunDay]}. Mobility after the long run, after your other runs${runs.includes(recovery!) ? '' : ` and on ${WEEKDAY_NAMES[recovery!]} (your recovery day)`}.`;
  return { longRunDay, days, text: `${running} ${strengthText}`, sources: SCHEDULE_SOURCES };
}

interface Chosen {
  reasons: PlanReason[];
  /** Titles of the findings that chose it. */
  findingTitles: string[];
  sources: SourceId[];
}

const BASELINE_SOURCES: SourceId[] = ['gaitlensClinicalGuidance'];
const LATERAL_HIP_WHY = 'Chosen because the outer hip is sore: it avoids positions that squeeze the sore tendons.';

function itemFor(e: Exercise, c: Chosen): PlanItem {
  const why = [e.purpose];
  for (const rule of REGION_PLAN) if (c.reasons.includes(`pain-${rule.region}`)) why.push(`Chosen ${rule.why}.`);
  if (c.findingTitles.length > 0) why.push(`Chosen for what the video showed: ${c.findingTitles.join('; ')}.`);
  if (c.reasons.includes('lateralHipPain')) why.push(LATERAL_HIP_WHY);
  return {
    id: `item-${e.id}`,
    exerciseId: e.id,
    name: e.name,
    kind: e.kind,
    instructions: e.instructions,
    dosage: { ...e.dosage },
    cautions: [...e.cautions],
    why: why.join(' '),
    reasons: c.reasons,
    sources: uniq([...e.sources, ...c.sources]),
    notes: '',
  };
}

interface ItemDraft {
  items: PlanItem[];
  notes: string[];
}

function draftItems(findings: Finding[], lateralHip: boolean, regions: readonly PainRegion[]): ItemDraft {
  const chosen = new Map<string, Chosen>();
  const choose = (id: string, reason: PlanReason, sources: SourceId[], findingTitle: string | null) => {
    const c = chosen.get(id) ?? { reasons: [], findingTitles: [], sources: [] };
    c.reasons = uniq([...c.reasons, reason]);
    c.sources = uniq([...c.sources, ...sources]);
    if (findingTitle !== null) c.findingTitles = uniq([...c.findingTitles, findingTitle]);
    chosen.set(id, c);
  };
  for (const id of [...BASELINE_STRENGTH, ...BASELINE_MOBILITY]) choose(id, 'baseline', BASELINE_SOURCES, null);
  for (const rule of REGION_PLAN.filter((r) => regions.includes(r.region))) for (const id of rule.exerciseIds) choose(id, `pain-${rule.region}`, rule.sources, null);
  for (const f of findings) {
    const rule = FINDING_PLAN.find((r) => r.findingId === f.id);
    if (!rule) continue;
    for (const id of rule.exerciseIds) choose(id, f.id, rule.sources, f.title);
  }
  const notes: string[] = [];
  if (lateralHip) {
    choose(LATERAL_HIP_EXERCISE, 'lateralHipPain', ['mellor2018'], null);
    const left: string[] = [];
    const replaced: string[] = [];
    for (const [id, c] of [...chosen]) {
      const e = exerciseById(id);
      if (!e.avoidWithLateralHipPain) continue;
      chosen.delete(id);
      if (e.lateralHipAlternativeId === null) {
        left.push(e.name);
        continue;
      }
      const alt = exerciseById(e.lateralHipAlternativeId);
      replaced.push(`${e.name} by ${alt.name}`);
      const a = chosen.get(alt.id) ?? { reasons: [], findingTitles: [], sources: [] };
      chosen.set(alt.id, {
        reasons: uniq([...a.reasons, ...c.reasons, 'lateralHipPain']),
        findingTitles: uniq([...a.findingTitles, ...c.findingTitles]),
        sources: uniq([...a.sources, ...c.sources, 'mellor2018']),
      });
    }
    notes.push(
      `Positions that compress the outer hip (side-lying, crossed legs, stretching into hip adduction) are left out.${replaced.length > 0 ? ` Replaced: ${replaced.join('; ')}.` : ''}${left.length > 0 ? ` Left out: ${left.join('; ')}.` : ''}`,
    );
  }
  const items = EXERCISES.filter((e) => chosen.has(e.id))
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'strength' ? -1 : 1))
    .map((e) => itemFor(e, chosen.get(e.id)!));
  return { items, notes };
}

interface CueDraft {
  cues: GaitCue[];
  notes: string[];
}

function cadenceCue(cadenceSpm: number | null, reasons: PlanReason[], sources: SourceId[], captureRateInDoubt: boolean, lateralHip: boolean): CueDraft {
  const { low, high } = CADENCE_INCREASE_PCT;
  const upperEnd = lateralHip ? ` Aim for the upper end: ${high}% more steps also lowers the inward movement of the thigh that loads the outer hip.` : '';
  const trusted = cadenceSpm !== null && !captureRateInDoubt && cadenceSpm >= THRESHOLDS.implausibleCadenceSpm.value;
  const cueSources = uniq([...CADENCE_INCREASE_PCT.sources, ...sources]);
  if (trusted) {
    const m = cadenceTargetRange(cadenceSpm);
    return {
      cues: [
        {
          id: 'cue-cadence',
          kind: 'cadence',
          text: `Take slightly quicker, shorter steps: about ${m.lowBpm}-${m.highBpm} steps per minute, ${low}-${high}% more than the ${Math.round(cadenceSpm)} measured. Set a metronome app to ${m.lowBpm}-${m.highBpm} beats per minute and land one step on each beat during part of your easy runs, at your usual pace.${upperEnd}`,
          metronome: m,
          reasons,
          sources: cueSources,
        },
      ],
      notes: [],
    };
  }
  const why =
    cadenceSpm === null
      ? 'No measured cadence: the cadence cue has no metronome setting.'
      : `The measured cadence (${Math.round(cadenceSpm)} steps/min) is not trusted until the capture frame rate is confirmed (under ${THRESHOLDS.implausibleCadenceSpm.value} steps/min, or a capture-rate finding): the cadence cue has no metronome setting.`;
  return {
    cues: [
      {
        id: 'cue-cadence',
        kind: 'cadence',
        text: `Take slightly quicker, shorter steps: ${low}-${high}% more steps per minute than now, at your usual pace. Your step rate could not be measured reliably from the videos, so there is no metronome setting yet: count your steps for 30 seconds while running, double it, and set a metronome app ${low}-${high}% higher.${upperEnd}`,
        metronome: null,
        reasons,
        sources: cueSources,
      },
    ],
    notes: [why],
  };
}

function draftCues(findings: Finding[], cadenceSpm: number | null, lateralHip: boolean): CueDraft {
  const reasonsFor = (kind: CueKind) => uniq(findings.filter((f) => FINDING_PLAN.some((r) => r.findingId === f.id && r.cues.includes(kind))).map((f) => f.id));
  const sourcesFor = (ids: string[]) => uniq(FINDING_PLAN.filter((r) => ids.includes(r.findingId)).flatMap((r) => r.sources));
  const cues: GaitCue[] = [];
  const notes: string[] = [];
  const cadenceReasons: PlanReason[] = [...reasonsFor('cadence'), ...(lateralHip ? ['lateralHipPain'] : [])];
  if (cadenceReasons.length > 0) {
    const captureRateInDoubt = findings.some((f) => f.id === 'check-capture-rate');
    const c = cadenceCue(cadenceSpm, cadenceReasons, sourcesFor(cadenceReasons), captureRateInDoubt, lateralHip);
    cues.push(...c.cues);
    notes.push(...c.notes);
  }
  const widthReasons = reasonsFor('stepWidth');
  if (widthReasons.length > 0) {
    cues.push({
      id: 'cue-step-width',
      kind: 'stepWidth',
      text: 'Land with your feet slightly apart, as if running on both sides of a painted line rather than on it.',
      metronome: null,
      reasons: widthReasons,
      sources: sourcesFor(widthReasons),
    });
  }
  return { cues, notes };
}

const FOOTWEAR: AdviceText = {
  text: 'Have both feet measured and fit the shoe to the larger foot. Choose the pair that feels most comfortable when you run in it; between two comfortable pairs, take the lighter one.',
  sources: ['gaitlensClinicalGuidance'],
};
const CROSS_TRAINING: AdviceText = {
  text: 'Swap some runs for low-impact training such as cycling, swimming or the cross-trainer: it keeps your fitness while your body adapts to the plan.',
  sources: ['gaitlensClinicalGuidance'],
};
const RECOVERY: AdviceText = {
  text: 'On recovery days keep moving gently: light stretching, foam rolling or gentle yoga. Foam rolling done regularly for several weeks improves how far your joints move.',
  sources: ['gaitlensClinicalGuidance', 'konrad2022'],
};
const LATERAL_HIP: AdviceText = {
  text: 'Your outer hip is sore: avoid positions that squeeze it. Do not cross your legs, do not lie on the sore side, and do not stretch the outer hip by pulling the knee across your body. Exercise and a gradual build-up of load help this kind of pain more than an injection.',
  sources: ['mellor2018'],
};
const HELD: AdviceText = { text: 'On hold until a doctor has seen you.', sources: ['gaitlensClinicalGuidance'] };

function draftAdvice(held: boolean, lateralHip: boolean): PlanAdvice {
  return {
    footwear: FOOTWEAR,
    crossTraining: held ? HELD : CROSS_TRAINING,
    recovery: held ? HELD : RECOVERY,
    lateralHip: lateralHip ? LATERAL_HIP : null,
  };
}

function draftHold(intake: Intake): PlanHold {
  const flags = positiveRedFlags(intake);
  const urgent = flags.filter((f) => f.urgency === 'urgent');
  const lines = flags.map((f) => f.plainText).join(' ');
  const referral = urgent.length > 0 ? uniq(urgent.map((f) => f.referral)).join(' ') : flags[0]!.referral;
  const decision = intake.redFlagDecision;
  const text =
    decision?.outcome === 'referred'
      ? `Your clinician has referred you to a doctor. ${lines}${decision.note ? ` ${decision.note}` : ''} The exercises and running advice wait until a doctor has seen you.`
      : urgent.length > 0
        ? `Do not run until a doctor has seen you. ${lines} ${referral} The exercises and running advice wait until then.`
        : `See your doctor before you start this plan. ${lines} ${referral} The exercises and running advice wait until then.`;
  return { urgency: urgent.length > 0 ? 'urgent' : 'soon', redFlags: flags.map((f) => f.id), text, sources: uniq(flags.flatMap((f) => f.sources)) };
}

/** Deduplicated findings: the same finding on the same side from several videos counts once. */
function mergeFindings(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.id}|${f.side ?? ''}|${f.title}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function draftPlan(input: DraftPlanInput): Plan {
  const { intake } = input;
  if (input.cadenceSpm !== null && !(Number.isFinite(input.cadenceSpm) && input.cadenceSpm > 0)) {
    throw new RangeError(`cadenceSpm must be a positive number or null, got ${input.cadenceSpm}.`);
  }
  const findings = mergeFindings(input.findings);
  const lateralHip = hasLateralHipPainSigns(intake);
  const held = runningAdviceHeld(intake);
  const draftNotes: string[] = [];
  const status = redFlagStatus(intake);
  const questions = positiveRedFlags(intake)
    .map((f) => f.question)
    .join(' ');
  if (status === 'unreviewed') {
    draftNotes.push(`Held: red flags are positive and not reviewed (${questions}). No exercises or gait cues are drafted; record your decision in the intake, then draft the plan again.`);
  } else if (status === 'referred') {
    draftNotes.push(`Held: you referred the runner to a doctor for positive red flags (${questions}). No exercises or gait cues are drafted until you clear the runner in the intake.`);
  } else if (status === 'cleared') {
    draftNotes.push(`Red flags positive and reviewed by the clinician, who cleared the runner to run: ${questions}`);
  }
  const items = held ? { items: [], notes: [] } : draftItems(findings, lateralHip, intake.painRegions);
  const regionRules = REGION_PLAN.filter((r) => intake.painRegions.includes(r.region));
  if (!held && regionRules.length > 0) {
    draftNotes.push(`For where it hurts: ${regionRules.map((r) => `${PAIN_REGION_NAMES[r.region]}: ${r.exerciseIds.map((id) => exerciseById(id).name).join(', ')}`).join('; ')}.`);
  }
  const cues = held ? { cues: [], notes: [] } : draftCues(findings, input.cadenceSpm, lateralHip);
  if (lateralHip) {
    draftNotes.push(
      intake.lateralHipPain ? 'Lateral hip pain signs: flagged in the intake.' : `Lateral hip pain signs: read from the pain location "${intake.painLocation}".`,
    );
  }
  draftNotes.push(...items.notes, ...cues.notes);
  if (!held && intake.longRunDay === null) {
    draftNotes.push(`Long-run day not given: strength is placed on ${names(strengthDays(null))} by default. Ask the runner and move the days if needed.`);
  }
  const unused = uniq(findings.filter((f) => !FINDING_PLAN.some((r) => r.findingId === f.id)).map((f) => f.title));
  if (!held && unused.length > 0) draftNotes.push(`No exercise or cue is drafted from these findings; review them: ${unused.join('; ')}.`);
  return {
    version: 1,
    items: items.items,
    cues: cues.cues,
    advice: draftAdvice(held, lateralHip),
    schedule: draftSchedule(intake.longRunDay, intake.runsPerWeek, held),
    hold: held ? draftHold(intake) : null,
    draftNotes,
    clinicianNotes: '',
  };
}
