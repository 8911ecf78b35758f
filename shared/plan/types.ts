/**
 * The plan the report drafts and the clinician edits: exercises, gait cues, advice and a weekly
 * calendar. Plain JSON saved with the visit; PlanSchema (schema.ts) validates it when saved.
 */
import type { SourceId } from '../gait/references.ts';
import type { RedFlagId, ReferralUrgency, Weekday } from './intake.ts';

export type ExerciseKind = 'strength' | 'mobility';

export interface Dosage {
  sets: number;
  /** Target repetitions per set (per side when eachSide); null for holds and timed work. */
  reps: number | null;
  /** Seconds per hold, or per muscle for foam rolling; null for repetitions. */
  holdS: number | null;
  eachSide: boolean;
  /** Sessions per week; null when the text says when (mobility: after each run and on recovery days). */
  perWeek: number | null;
  /** The dosage in the report's words, with its range and progression. */
  text: string;
}

/**
 * Why an item or cue is in the plan: 'baseline' (the hip and core program every runner gets),
 * 'lateralHipPain' (the intake's lateral hip pain signs), or a finding id (shared/gait/findings.ts).
 */
export type PlanReason = 'baseline' | 'lateralHipPain' | (string & {});

export interface PlanItem {
  /** Unique within the plan; drafted items use `item-<exerciseId>`. */
  id: string;
  /** The library exercise (exercises.ts), or null for one the clinician wrote. */
  exerciseId: string | null;
  name: string;
  kind: ExerciseKind;
  instructions: string;
  dosage: Dosage;
  cautions: string[];
  /** Plain-language reason for the runner. */
  why: string;
  reasons: PlanReason[];
  sources: SourceId[];
  /** The clinician's notes on this item. */
  notes: string;
}

export type CueKind = 'cadence' | 'stepWidth' | 'custom';

export interface MetronomeRange {
  lowBpm: number;
  highBpm: number;
}

export interface GaitCue {
  id: string;
  kind: CueKind;
  text: string;
  /** The metronome setting for a cadence cue; null when the measured cadence is unknown or not trusted (the text says why). */
  metronome: MetronomeRange | null;
  reasons: PlanReason[];
  sources: SourceId[];
}

export interface AdviceText {
  text: string;
  sources: SourceId[];
}

export interface PlanAdvice {
  footwear: AdviceText;
  crossTraining: AdviceText;
  recovery: AdviceText;
  /** Positions to avoid with lateral hip pain signs; null without them. */
  lateralHip: AdviceText | null;
}

export type DayTag = 'longRun' | 'run' | 'strength' | 'mobility' | 'rest';

export interface PlanDay {
  day: Weekday;
  tags: DayTag[];
}

export interface Schedule {
  /** The long-run day the calendar was planned around; null when not given. */
  longRunDay: Weekday | null;
  /** Seven days, Monday to Sunday. */
  days: PlanDay[];
  text: string;
  sources: SourceId[];
}

/** Running and exercise advice held because red flags are positive and not yet reviewed. */
export interface PlanHold {
  urgency: ReferralUrgency;
  redFlags: RedFlagId[];
  text: string;
  sources: SourceId[];
}

export interface Plan {
  version: 1;
  /** Ordered: strength first, then mobility. */
  items: PlanItem[];
  cues: GaitCue[];
  advice: PlanAdvice;
  schedule: Schedule;
  hold: PlanHold | null;
  /** What the draft decided and why (left-out exercises, unknown long-run day or cadence), for the clinician. */
  draftNotes: string[];
  clinicianNotes: string;
  /**
   * Drafted by the headless command (--plan) and not yet reviewed: the report says so. Saving the
   * plan in the plan editor is the clinician's review and drops it.
   */
  unreviewedDraft?: true;
}
