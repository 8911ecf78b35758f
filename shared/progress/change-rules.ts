/**
 * When a change between two visits is real, per measure, in one place: the between-day
 * measurement error (95%, in the measure's unit) with its source, and which way is toward the
 * reference where the measure's reference defines one. Read with shared/gait/measures.ts, whose
 * ids carry the unit.
 */
import type { MeasureId } from '../gait/measures.ts';
import type { SourceId } from '../gait/references.ts';

/**
 * Damsted: between-day 95% prediction interval of 2D knee and hip angles at foot strike, 9-14 deg;
 * the conservative end.
 */
export const DAMSTED_BETWEEN_DAY_DEG = 14;

/**
 * Damsted: within-day 95% prediction interval of the same angles, 3-8 deg; the conservative end.
 * Applies where the camera stays put, as within one run (shared/endurance/drift.ts).
 */
export const DAMSTED_WITHIN_DAY_DEG = 8;

/**
 * Where the between-day error comes from:
 * - published: a between-day figure for this measure (clinical reference);
 * - extrapolated: the published figure of a closely related measure, applied as a product choice;
 * - strideSpreadOnly: no between-day figure; only the 95% interval of the difference from the two
 *   visits' stride-to-stride spread, or their measurement errors combined when larger (a product
 *   choice that does not cover day-to-day variation).
 */
export type ErrorBasis = 'published' | 'extrapolated' | 'strideSpreadOnly';

/** Which way is toward the reference: lower values, or toward a reference value. */
export type BetterDirection = { kind: 'lower'; sources: SourceId[] } | { kind: 'toward'; value: number; sources: SourceId[] };

export interface ChangeRule {
  /** Between-day error, 95%, in the measure's unit; null where none is published or extrapolated. */
  betweenDayError: number | null;
  basis: ErrorBasis;
  sources: SourceId[];
  /** Why this error applies, in a sentence for the clinician. */
  note: string;
  /** null: a change is only "increased" or "decreased". */
  better: BetterDirection | null;
}

const SIDE_VIEW_ANGLE_NOTE =
  'No between-day error of its own is published: the one of 2D knee and hip angles at foot strike (Damsted, 9-14 deg, the conservative end) is applied, since it is measured from the same landmarks in the same view.';
const SEGMENT_TILT_NOTE = ' A segment-to-vertical angle also moves with the camera\'s tilt, so its real error may be larger.';
const SPREAD_NOTE =
  'No between-day error is published: only the two visits\' stride-to-stride spread (95% interval of the difference) and their measurement errors at their frame rates are counted, which do not cover day-to-day variation (camera placement, treadmill speed, warm-up).';

const published = (error: number, sources: SourceId[], note: string, better: BetterDirection | null = null): ChangeRule => ({
  betweenDayError: error,
  basis: 'published',
  sources,
  note,
  better,
});
const sideViewAngle = (note: string, better: BetterDirection | null = null): ChangeRule => ({
  betweenDayError: DAMSTED_BETWEEN_DAY_DEG,
  basis: 'extrapolated',
  sources: ['damsted', 'gaitlensChangeRule'],
  note,
  better,
});
const spreadOnly = (better: BetterDirection | null = null, caveat?: { note: string; sources: SourceId[] }): ChangeRule => ({
  betweenDayError: null,
  basis: 'strideSpreadOnly',
  sources: ['gaitlensChangeRule', ...(caveat?.sources ?? [])],
  note: caveat ? `${SPREAD_NOTE} ${caveat.note}` : SPREAD_NOTE,
  better,
});

export const CHANGE_RULES = {
  // no direction for cadence: a +5-10% cue is relative to the runner's own baseline, which the plan sets
  cadenceSpm: spreadOnly(),
  stepTimeMs: spreadOnly(),
  strideTimeMs: spreadOnly(),
  trunkLeanDeg: sideViewAngle(SIDE_VIEW_ANGLE_NOTE + SEGMENT_TILT_NOTE),
  stepWidthCm: spreadOnly(),
  kneeFlexionAtIcDeg: published(
    DAMSTED_BETWEEN_DAY_DEG,
    ['damsted'],
    'Between-day 95% prediction interval of 2D knee and hip angles at foot strike: 9-14 deg (Damsted); the conservative end.',
    // Heiderscheit 2011 mean of healthy runners
    { kind: 'toward', value: 17.8, sources: ['heiderscheit2011'] },
  ),
  peakKneeFlexionStanceDeg: sideViewAngle(SIDE_VIEW_ANGLE_NOTE, { kind: 'toward', value: 46.3, sources: ['heiderscheit2011'] }),
  // Souza 2016: a vertical shank is the aim
  shankAngleAtIcDeg: sideViewAngle(SIDE_VIEW_ANGLE_NOTE + SEGMENT_TILT_NOTE, { kind: 'toward', value: 0, sources: ['souza2016'] }),
  footAheadOfHipAtIcCm: spreadOnly({ kind: 'lower', sources: ['lieberman2015'] }),
  footAheadOfHipAtIcPctLeg: spreadOnly({ kind: 'lower', sources: ['lieberman2015'] }),
  footAngleAtIcDeg: sideViewAngle(SIDE_VIEW_ANGLE_NOTE + SEGMENT_TILT_NOTE),
  hipExtensionAtToDeg: sideViewAngle(SIDE_VIEW_ANGLE_NOTE + SEGMENT_TILT_NOTE),
  verticalOscillationCm: spreadOnly(),
  verticalOscillationPctLeg: spreadOnly(),
  contactTimeMs: spreadOnly(),
  flightTimeMs: spreadOnly(),
  dutyFactorPct: spreadOnly(),
  // Bramah 2018: each +1 deg raised the odds of injury
  pelvicDropDeg: spreadOnly({ kind: 'lower', sources: ['bramah2018'] }),
  peakHipAdductionDeg: spreadOnly(),
  peakKneeFppaDeg: spreadOnly(null, {
    note: 'The projection angle agrees poorly with 3D knee valgus (Straub and Powers): read a change as qualitative.',
    sources: ['straubPowers2022'],
  }),
  footMidlineOffsetAtIcCm: spreadOnly(),
  crossoverPct: spreadOnly({ kind: 'lower', sources: ['crossover2023'] }),
} as const satisfies Record<MeasureId, ChangeRule>;
