/**
 * Plausibility before findings (issue 22): a value the video cannot have measured right is marked
 * "not reliable in this clip", with why, and is kept out of findings, symmetry, the visit's
 * combined values, progress and the client report unless the clinician includes it
 * (options.includedValues).
 *
 * Three rules:
 * 1. Feet lost: where the pose model lost the feet (foot-tracking.ts), every value timed or read at
 *    a foot strike or toe-off; trunk lean, averaged over whole strides, is kept.
 * 2. Outside the running range: where the literature gives runners' mean and SD, a value more than
 *    4 SD from it after the pose model's error (measure-error.ts) is a measurement failure, not the
 *    runner (RUNNING_DISTRIBUTIONS, runningRange; gaitlensPlausibility). Measures without a published distribution are
 *    not range-checked.
 * 3. Hidden far leg: in a side view, a far-leg value read where the near leg swings in front of it
 *    (MeasureDefinition.farLegFactor: peak knee flexion in stance, at the far leg's midstance).
 * And one note on the curves: a knee that reads hyperextended (below 0 by more than the pose
 * model's error) over a stride is marked on the chart; running does not hyperextend the knee.
 */
import { FOOT_TRACKING_SOURCES, feetLostWhy, type FootTracking } from './foot-tracking.ts';
import { MEASURES, type MeasureId, type SideMeasureId } from './measures.ts';
import { poseModelErrorDeg } from './measure-error.ts';
import type { SourceId } from './references.ts';
import type { CurveNote, MetricSummary, NotReliable, Side, SideMetrics, StrideRecord, ViewKind } from './types.ts';

interface RunningDistribution {
  /** The runners' groups as published: mean and SD (deg). */
  groups: readonly { mean: number; sd: number }[];
  sources: SourceId[];
}

/** Published runners' distributions; the plausible range is the groups' means +/- 4 SD, widened by the pose model's error. */
const RUNNING_DISTRIBUTIONS: Partial<Record<MeasureId, RunningDistribution>> = {
  kneeFlexionAtIcDeg: { groups: [{ mean: 17.8, sd: 4.0 }], sources: ['heiderscheit2011'] },
  peakKneeFlexionStanceDeg: { groups: [{ mean: 46.3, sd: 4.5 }], sources: ['heiderscheit2011'] },
  trunkLeanDeg: {
    groups: [
      { mean: 3.6, sd: 2.8 },
      { mean: 10.8, sd: 2.2 },
    ],
    sources: ['tengPowers2015'],
  },
};

const SD_SPAN = 4;

export interface RunningRange {
  min: number;
  max: number;
  sources: SourceId[];
}

/** The plausible range of a measure in running, or null where no runners' distribution is published. */
export function runningRange(id: MeasureId): RunningRange | null {
  const d = RUNNING_DISTRIBUTIONS[id];
  if (!d) return null;
  const e = poseModelErrorDeg(id) ?? 0;
  const min = Math.min(...d.groups.map((g) => g.mean - SD_SPAN * g.sd)) - e;
  const max = Math.max(...d.groups.map((g) => g.mean + SD_SPAN * g.sd)) + e;
  return { min: Math.round(min * 10) / 10, max: Math.round(max * 10) / 10, sources: [...d.sources, 'stenum2021', 'gaitlensPlausibility'] };
}

const unitText = (unit: string) => (unit === 'deg' ? '°' : ` ${unit}`);

/** The one measure not timed from the feet: trunk lean, averaged over whole strides. */
const NOT_FROM_FEET: readonly MeasureId[] = ['trunkLeanDeg'];

/** Why a value is not reliable in this clip, or null; `feet` is how well the pose model followed the feet. */
export function notReliableWhy(id: MeasureId, summary: MetricSummary, leg: 'near' | 'far' | null, view: ViewKind, feet: FootTracking | null = null): Omit<NotReliable, 'included'> | null {
  if (summary.mean === null) return null;
  if (feet?.lost && !NOT_FROM_FEET.includes(id)) {
    return { why: feetLostWhy(feet), sources: FOOT_TRACKING_SOURCES };
  }
  const def = MEASURES[id];
  if (view === 'sagittal' && leg === 'far' && def.farLegFactor !== undefined) {
    return {
      why: 'In this side view the near leg hides this one when it is read: take it from a video in which this leg faces the camera.',
      sources: ['young2023', 'gaitlensPlausibility'],
    };
  }
  const range = runningRange(id);
  if (range && (summary.mean < range.min || summary.mean > range.max)) {
    const u = unitText(def.unit);
    return {
      why: `${Math.round(summary.mean * 10) / 10}${u} is outside what running produces (${range.min}${u} to ${range.max}${u}): a landmark is probably misplaced.`,
      sources: range.sources,
    };
  }
  return null;
}

export interface IncludedValue {
  measureId: string;
  side: Side | null;
}

const isIncluded = (included: readonly IncludedValue[], id: string, side: Side | null) => included.some((v) => v.measureId === id && v.side === side);

/** The summary with its reliability marked (notReliable), the clinician's inclusion kept. */
export function marked(
  id: MeasureId,
  side: Side | null,
  summary: MetricSummary,
  leg: 'near' | 'far' | null,
  view: ViewKind,
  included: readonly IncludedValue[],
  feet: FootTracking | null = null,
): MetricSummary {
  const why = notReliableWhy(id, summary, leg, view, feet);
  return { ...summary, notReliable: why ? { ...why, included: isIncluded(included, id, side) } : null };
}

/**
 * The value as findings, symmetry, the visit summary, progress and the report use it: a value
 * not reliable in this clip, and not included by the clinician, is absent, with why.
 */
export function trusted(summary: MetricSummary): MetricSummary {
  if (!summary.notReliable || summary.notReliable.included) return summary;
  return { ...summary, mean: null, sd: null, reasonIfAbsent: `Not reliable in this clip: ${summary.notReliable.why}` };
}

export function trustedSide(m: SideMetrics): SideMetrics {
  return Object.fromEntries(Object.entries(m).map(([id, s]) => [id, trusted(s)])) as Record<SideMeasureId, MetricSummary>;
}

/** Knee flexion below this (deg) reads as hyperextension beyond the pose model's error. */
const HYPEREXTENSION_DEG = -(poseModelErrorDeg('kneeFlexionAtIcDeg') ?? 0);

/**
 * Notes on the angle curves: a knee whose straightest point in a stride (initial contact to the
 * next of the same foot) reads hyperextended beyond the pose model's error (below -5.6 deg), with
 * how many strides and the worst one's time.
 */
export function curveNotes(
  kneeFlexionDeg: Record<Side, readonly (number | null)[]>,
  strides: readonly Pick<StrideRecord, 'side' | 'icFrame' | 'nextIcFrame' | 'excluded'>[],
  frameIndex: readonly number[],
  tMs: readonly number[],
): CurveNote[] {
  const notes: CurveNote[] = [];
  const position = new Map(frameIndex.map((f, k) => [f, k]));
  for (const side of ['left', 'right'] as const) {
    // the strides the charts draw: the side's included strides, each from its contact to the next of the same foot
    const minima: { deg: number; k: number }[] = [];
    for (const stride of strides) {
      const from = position.get(stride.icFrame);
      const to = position.get(stride.nextIcFrame);
      if (stride.side !== side || stride.excluded || from === undefined || to === undefined) continue;
      let min = { deg: Infinity, k: -1 };
      for (let k = from; k < to; k++) {
        const v = kneeFlexionDeg[side][k];
        if (v !== null && v !== undefined && Number.isFinite(v) && v < min.deg) min = { deg: v, k };
      }
      if (Number.isFinite(min.deg)) minima.push(min);
    }
    const hyper = minima.filter((m) => m.deg < HYPEREXTENSION_DEG);
    if (hyper.length === 0) continue;
    const worst = hyper.reduce((a, b) => (b.deg < a.deg ? b : a));
    const deg = Math.round(worst.deg * 10) / 10;
    const where = hyper.length * 2 > minima.length ? 'on most strides' : `in ${hyper.length} of ${minima.length} strides (the lowest at ${((tMs[worst.k] ?? 0) / 1000).toFixed(1)} s)`;
    notes.push({
      side,
      angle: 'kneeFlexionDeg',
      valueDeg: deg,
      text: `At its straightest the knee reads as low as ${deg}° (hyperextended) ${where}. Running does not hyperextend the knee, so the curve there is not reliable: a landmark is probably misplaced.`,
      sources: ['novacheck1998', 'stenum2021'],
    });
  }
  return notes;
}
