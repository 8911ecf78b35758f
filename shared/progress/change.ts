/**
 * The progress page and the visit comparison: each measure over a client's visits, and whether a
 * change between two visits is real. A change no larger than the measure's measurement error
 * (change-rules.ts) is "no real change", never better or worse; a change with a value missing or
 * of low confidence at either visit, or measured differently (another view, the near leg at one
 * visit and the far leg at the other), cannot be compared, and the reason says why.
 */
import { MEASURES, SIDE_MEASURES } from '../gait/measures.ts';
import type { MeasureDefinition, MeasureId, SideMeasureId } from '../gait/measures.ts';
import type { SourceId } from '../gait/references.ts';
import { trusted } from '../gait/plausibility.ts';
import { toJsonNumber } from '../gait/series.ts';
import { SIDES } from '../gait/types.ts';
import type { ConfidenceLevel, GaitAnalysis, MetricSummary, Side, ViewKind, ViewSide } from '../gait/types.ts';
import { CHANGE_RULES } from './change-rules.ts';
import type { ChangeRule, ErrorBasis } from './change-rules.ts';

export type GaitMetrics = GaitAnalysis['metrics'];

/** One analysed video of a visit: its view and its metrics. */
export interface AnalysisInput {
  id: string;
  view: { kind: ViewKind; side: ViewSide };
  metrics: GaitMetrics;
}

export interface VisitInput {
  id: string;
  /** ISO date, YYYY-MM-DD. */
  date: string;
  /** Every analysed video of the visit (a side view, a rear view, both sides...); may be empty. */
  analyses: AnalysisInput[];
}

/** The measures of the whole runner (the others are per leg: SIDE_MEASURES). */
export const WHOLE_RUNNER_MEASURES = ['cadenceSpm', 'stepTimeMs', 'strideTimeMs', 'trunkLeanDeg', 'stepWidthCm'] as const satisfies readonly MeasureId[];

/** How the analysed video saw the leg: in a side view the near leg is the more accurate. */
export type LegSeen = 'near' | 'far';

export interface PointSource {
  analysisId: string;
  view: ViewKind;
  /** Per-leg measures in a side view; null otherwise. */
  leg: LegSeen | null;
}

export interface ProgressPoint {
  visitId: string;
  date: string;
  mean: number | null;
  sd: number | null;
  n: number;
  confidence: number;
  level: ConfidenceLevel;
  reasonIfAbsent: string | null;
  /** How far the value may be off at its video's frame rate (gait/measure-error.ts); null when not established. */
  error: number | null;
  /** The analysed video the value comes from; null when no video of the visit measured it. */
  source: PointSource | null;
}

/** The largest of these sets the error a change is judged against (withinDay: within one session, endurance drift). */
export type ErrorFrom = 'betweenDay' | 'withinDay' | 'strideSpread' | 'measurement';

export type ChangeVerdict = 'no-real-change' | 'increased' | 'decreased' | 'cannot-compare';
export type ChangeDirection = 'toward-reference' | 'away-from-reference';

export interface VisitChange {
  measureId: MeasureId;
  /** null for a measure of the whole runner. */
  side: Side | null;
  fromVisitId: string;
  toVisitId: string;
  verdict: ChangeVerdict;
  /** Only for a real change of a measure whose reference defines a better direction. */
  direction: ChangeDirection | null;
  /** Later minus earlier, in the measure's unit; null when a value is missing. */
  difference: number | null;
  /** The difference in % of the earlier value, for rates and times (ratio scales); null otherwise. */
  differencePct: number | null;
  /** The measurement error (95%, the measure's unit) the difference was judged against; null when it could not be judged. */
  error: number | null;
  /** Which part set the error: the rule's between-day figure, the two visits' stride-to-stride spread, or their measurement errors combined. */
  errorFrom: ErrorFrom | null;
  basis: ErrorBasis;
  sources: SourceId[];
  /** Why the values cannot be compared; null otherwise. */
  reason: string | null;
  /** The verdict in a sentence, with the numbers. */
  text: string;
}

export interface ProgressSeries {
  side: Side | null;
  /** One point per visit, in date order. */
  points: ProgressPoint[];
  /** Between consecutive visits. */
  changes: VisitChange[];
}

export interface MeasureProgress {
  measureId: MeasureId;
  label: string;
  unit: string;
  reference: MeasureDefinition['reference'];
  rule: ChangeRule;
  /** Left and right for a per-leg measure, one series (side null) for the whole runner. */
  series: ProgressSeries[];
}

/** Two-sided 95% quantile of the normal distribution. */
const Z_95 = 1.96;
/** Units on a ratio scale (a true zero), where a change in % of the earlier value means something. */
const RATIO_UNITS = new Set(['steps/min', 'ms']);

const isSideMeasure = (id: MeasureId): id is SideMeasureId => (SIDE_MEASURES as readonly string[]).includes(id);

/** A visit's value of a measure as progress counts it: a value not reliable in its clip (and not included) is absent. */
function summaryOf(metrics: GaitMetrics, id: MeasureId, side: Side | null): MetricSummary {
  if (isSideMeasure(id)) {
    if (side === null) throw new Error(`${id} is measured per leg: a side is needed.`);
    return trusted(metrics.perSide[side][id]);
  }
  return trusted(metrics[id as (typeof WHOLE_RUNNER_MEASURES)[number]]);
}

function legSeen(a: AnalysisInput, id: MeasureId, side: Side | null): LegSeen | null {
  if (side === null || a.view.kind !== 'sagittal' || !isSideMeasure(id)) return null;
  return a.view.side === side ? 'near' : 'far';
}

const VIEW_NAME: Record<ViewKind, string> = { sagittal: 'a side view', frontal: 'a rear or front view' };

/**
 * The visit's value of a measure: among its analysed videos that measured it, a side view first
 * for a measure any view gives (side-view events are the more precise; rear-view initial contact
 * comes early), then the near leg, then the highest confidence. A product choice.
 */
export function visitPoint(visit: VisitInput, id: MeasureId, side: Side | null): ProgressPoint {
  const measure = MEASURES[id];
  const candidates = visit.analyses.map((a, order) => ({ a, order, s: summaryOf(a.metrics, id, side), leg: legSeen(a, id, side) }));
  const measured = candidates.filter((c) => c.s.mean !== null);
  const rank = (c: (typeof candidates)[number]) => [
    measure.view === 'any' && c.a.view.kind !== 'sagittal' ? 1 : 0,
    c.leg === 'far' ? 1 : 0,
    -c.s.confidence,
    c.order,
  ];
  measured.sort((x, y) => {
    const rx = rank(x);
    const ry = rank(y);
    const k = rx.findIndex((v, i) => v !== ry[i]);
    return k < 0 ? 0 : rx[k]! - ry[k]!;
  });
  const best = measured[0];
  if (best) {
    const { s } = best;
    return {
      visitId: visit.id,
      date: visit.date,
      mean: s.mean,
      sd: s.sd,
      n: s.n,
      confidence: s.confidence,
      level: s.level,
      reasonIfAbsent: null,
      error: s.error?.value ?? null,
      source: { analysisId: best.a.id, view: best.a.view.kind, leg: best.leg },
    };
  }
  const explained = candidates.find((c) => measure.view === 'any' || c.a.view.kind === measure.view) ?? candidates[0];
  return {
    visitId: visit.id,
    date: visit.date,
    mean: null,
    sd: null,
    n: 0,
    confidence: 0,
    level: 'low',
    reasonIfAbsent: explained ? (explained.s.reasonIfAbsent ?? 'Not measured.') : 'No analysed video at this visit.',
    error: null,
    source: null,
  };
}

/** One decimal with its sign; a difference that rounds to zero is "0.0". */
function signed(x: number): string {
  const r = Math.round(x * 10) / 10;
  return `${r > 0 ? '+' : ''}${(r === 0 ? 0 : r).toFixed(1)}`;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-10-20" as "20 Oct 2026", the way the app writes dates. */
function day(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return y && m && d ? `${d} ${MONTHS[m - 1]} ${y}` : iso;
}

function whyNotComparable(side: Side | null, from: ProgressPoint, to: ProgressPoint): string | null {
  for (const p of [from, to]) {
    if (p.mean === null) return `No value on ${day(p.date)}: ${p.reasonIfAbsent ?? 'not measured.'}`;
  }
  for (const p of [from, to]) {
    if (p.level === 'low') return `The value on ${day(p.date)} is of low confidence (${p.confidence.toFixed(2)}).`;
  }
  const a = from.source!;
  const b = to.source!;
  if (a.view !== b.view) return `Measured in ${VIEW_NAME[a.view]} on ${day(from.date)} and in ${VIEW_NAME[b.view]} on ${day(to.date)}: the views measure it differently.`;
  if (a.leg !== b.leg && side !== null) {
    return `The ${side} leg was the ${a.leg} leg on ${day(from.date)} and the ${b.leg} leg on ${day(to.date)}: the far leg is measured less accurately.`;
  }
  return null;
}

function errorText(rule: ChangeRule, errorFrom: ErrorFrom): string {
  if (errorFrom === 'strideSpread') return 'the 95% interval of the two visits\' stride-to-stride spread';
  if (errorFrom === 'measurement') return 'the two values\' measurement errors at their videos\' frame rates, combined';
  return rule.basis === 'published' ? 'the published between-day error' : 'the between-day error of 2D knee and hip angles, applied to this angle';
}

/** What a value brings to the error of a difference: the standard error of its mean and its measurement error. */
export interface ValueSpread {
  /** SD / sqrt(n) over the strides; null with fewer than two. */
  standardError: number | null;
  /** Measurement error at its video's frame rate; null when not established. */
  error: number | null;
}

/** The standard error of a mean over strides; null with fewer than two. */
export const standardErrorOf = (sd: number | null, n: number): number | null => (sd !== null && n >= 2 ? sd / Math.sqrt(n) : null);

/**
 * The error a difference between two values is judged against: the largest of a fixed figure
 * (a published repeatability, when the measure has one), 1.96 x sqrt(se1^2 + se2^2) from the two
 * standard errors (sd^2/n over the strides), and the two measurement errors combined,
 * sqrt(e1^2 + e2^2); null when none of them is known.
 */
export function differenceError(fixed: { from: ErrorFrom; value: number } | null, a: ValueSpread, b: ValueSpread): { errorFrom: ErrorFrom; error: number } | null {
  const spread = a.standardError !== null && b.standardError !== null ? Z_95 * Math.hypot(a.standardError, b.standardError) : null;
  const measurement = a.error !== null && b.error !== null ? Math.hypot(a.error, b.error) : null;
  const candidates = ([[fixed?.from ?? 'betweenDay', fixed?.value ?? null], ['strideSpread', spread], ['measurement', measurement]] as const).filter(
    (c): c is readonly [ErrorFrom, number] => c[1] !== null,
  );
  if (candidates.length === 0) return null;
  const [errorFrom, error] = candidates.reduce((x, y) => (y[1] > x[1] ? y : x));
  return { errorFrom, error };
}

/**
 * Whether the change from one visit's value to another's is real. The error is the largest of
 * the rule's between-day figure, 1.96 x sqrt(sd1^2/n1 + sd2^2/n2) from the two visits'
 * stride-to-stride spread, and the two values' measurement errors combined, sqrt(e1^2 + e2^2)
 * (each at its video's frame rate: a 30 fps visit's contact time is less exact than a 120 fps
 * one's). A difference no larger than the error is no real change.
 */
export function changeBetween(id: MeasureId, side: Side | null, from: ProgressPoint, to: ProgressPoint): VisitChange {
  const rule: ChangeRule = CHANGE_RULES[id];
  const unit = MEASURES[id].unit;
  const base = {
    measureId: id,
    side,
    fromVisitId: from.visitId,
    toVisitId: to.visitId,
    basis: rule.basis,
    sources: [...rule.sources],
  };
  const cannot = (reason: string, difference: number | null): VisitChange => ({
    ...base,
    verdict: 'cannot-compare',
    direction: null,
    difference,
    differencePct: null,
    error: null,
    errorFrom: null,
    reason,
    text: `Cannot compare: ${reason}`,
  });
  const reason = whyNotComparable(side, from, to);
  if (reason !== null) return cannot(reason, from.mean !== null && to.mean !== null ? toJsonNumber(to.mean - from.mean) : null);
  // both values are there: whyNotComparable checked
  const before = from.mean!;
  const difference = to.mean! - before;
  const spreadOf = (p: ProgressPoint): ValueSpread => ({ standardError: standardErrorOf(p.sd, p.n), error: p.error });
  const judged = differenceError(rule.betweenDayError === null ? null : { from: 'betweenDay', value: rule.betweenDayError }, spreadOf(from), spreadOf(to));
  if (judged === null) {
    return cannot('no between-day error is published for this measure, and neither the stride-to-stride spread nor the measurement error is known at both visits.', toJsonNumber(difference));
  }
  const { errorFrom, error } = judged;
  const differencePct = RATIO_UNITS.has(unit) && before > 0 ? toJsonNumber((difference / before) * 100, 2) : null;
  const change = `${signed(difference)} ${unit}${differencePct === null ? '' : ` (${signed(differencePct)}%)`}`;
  const within = `${errorText(rule, errorFrom)}, ${error.toFixed(1)} ${unit}`;
  const common = { ...base, difference: toJsonNumber(difference), differencePct, error: toJsonNumber(error), errorFrom, reason: null };
  if (Math.abs(difference) <= error) {
    return { ...common, verdict: 'no-real-change', direction: null, text: `No real change: ${change} is within ${within}.` };
  }
  const verdict = difference > 0 ? 'increased' : 'decreased';
  const direction = directionOf(rule, before, to.mean!);
  const toward =
    direction === null
      ? ''
      : `, ${direction === 'toward-reference' ? 'toward' : 'away from'} the reference (${rule.better?.kind === 'toward' ? `${rule.better.value} ${unit}` : 'smaller is better'})`;
  return {
    ...common,
    verdict,
    direction,
    text: `${verdict === 'increased' ? 'Increased' : 'Decreased'} by ${change}, beyond ${within}${toward}.`,
  };
}

function directionOf(rule: ChangeRule, from: number, to: number): ChangeDirection | null {
  const better = rule.better;
  if (better === null) return null;
  const distance = (x: number) => (better.kind === 'lower' ? x : Math.abs(x - better.value));
  const d = distance(to) - distance(from);
  if (d === 0) return null;
  return d < 0 ? 'toward-reference' : 'away-from-reference';
}

function byDate(visits: readonly VisitInput[]): VisitInput[] {
  return [...visits].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

const sidesOf = (id: MeasureId): (Side | null)[] => (isSideMeasure(id) ? [...SIDES] : [null]);

/** Every measure of measures.ts over the visits (in date order), with the change between consecutive visits. */
export function progressOf(visits: readonly VisitInput[]): MeasureProgress[] {
  const ordered = byDate(visits);
  return (Object.keys(MEASURES) as MeasureId[]).map((id) => ({
    measureId: id,
    label: MEASURES[id].label,
    unit: MEASURES[id].unit,
    reference: MEASURES[id].reference,
    rule: CHANGE_RULES[id],
    series: sidesOf(id).map((side) => {
      const points = ordered.map((v) => visitPoint(v, id, side));
      return { side, points, changes: points.slice(1).map((p, k) => changeBetween(id, side, points[k]!, p)) };
    }),
  }));
}

/** The change of every measure (and leg) between two chosen visits, the earlier one first whichever order they are given in. */
export function compareVisits(visits: readonly VisitInput[], visitIdA: string, visitIdB: string): VisitChange[] {
  const find = (vid: string) => {
    const v = visits.find((x) => x.id === vid);
    if (!v) throw new Error(`No visit ${vid} among the visits given.`);
    return v;
  };
  const [from, to] = byDate([find(visitIdA), find(visitIdB)]) as [VisitInput, VisitInput];
  return (Object.keys(MEASURES) as MeasureId[]).flatMap((id) => sidesOf(id).map((side) => changeBetween(id, side, visitPoint(from, id, side), visitPoint(to, id, side))));
}
