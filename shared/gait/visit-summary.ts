/**
 * One visit's measures combined from its analysed videos (a side view of each side, a rear
 * view): each value is taken from the video that sees it best, and says which video that is.
 * The review screen, the report and the progress page all use this one function.
 *
 * Which video gives a measure:
 * 1. Only videos whose view can measure it (measures.ts `view`): sagittal measures from side
 *    views, frontal measures (pelvic drop, hip adduction, knee FPPA, step width, crossover) from
 *    rear or front views; measures of any view (cadence, times) from side views first, because
 *    initial contact is found 60-80 ms early in a rear view (docs/analytics.md).
 * 2. Among those with a value: a side's bilateral measure from the side view in which that side
 *    faces the camera (the far leg is partly hidden); then the higher confidence; then more
 *    strides; then the order of the videos.
 * 3. With no value anywhere, the reason of the most suitable video (or the view that is missing).
 *    A value marked not reliable in its clip, and not included by the clinician, has no value
 *    here (plausibility.ts `trusted`): it says why instead.
 * Symmetry is recomputed from the chosen left and right values. Findings stay those of each
 * video (rules are evaluated per view), labelled with the video; one finding of the same rule,
 * side and first measure appearing in several videos is kept once, from the video that gives
 * that measure's value (else the most confident).
 */
import { MEASURES, SIDE_MEASURES } from './measures.ts';
import type { MeasureId, SideMeasureId } from './measures.ts';
import { trusted } from './plausibility.ts';
import { symmetryOf } from './symmetry.ts';
import { SIDES } from './types.ts';
import type { Finding, GaitAnalysis, MetricSummary, Side, SideMetrics, SymmetryEntry, ViewKind, ViewSide } from './types.ts';

export interface VisitVideoAnalysis {
  videoId: string;
  /** What the clinician knows the video by (its file name). */
  videoName: string;
  analysis: GaitAnalysis;
}

export interface ValueSource {
  videoId: string;
  videoName: string;
  view: ViewKind;
  viewSide: ViewSide;
}

export interface CombinedValue {
  measureId: MeasureId;
  side: Side | null;
  summary: MetricSummary;
  /** The video the value comes from; null when no video gives one. */
  from: ValueSource | null;
  /** Other videos that also gave a value for it. */
  otherSources: ValueSource[];
}

export const OVERALL_MEASURES = ['cadenceSpm', 'stepTimeMs', 'strideTimeMs', 'trunkLeanDeg', 'stepWidthCm'] as const satisfies readonly MeasureId[];
export type OverallMeasureId = (typeof OVERALL_MEASURES)[number];

export interface VisitSummary {
  /** feetLost: the pose model lost the feet in this video, so nothing timed from them comes from it (foot-tracking.ts). */
  videos: (ValueSource & { gait: GaitAnalysis['gait']['kind']; feetLost: boolean })[];
  overall: Record<OverallMeasureId, CombinedValue>;
  perSide: Record<Side, Record<SideMeasureId, CombinedValue>>;
  symmetry: Record<string, SymmetryEntry>;
  findings: { finding: Finding; from: ValueSource }[];
}

const sourceOf = (v: VisitVideoAnalysis): ValueSource => ({
  videoId: v.videoId,
  videoName: v.videoName,
  view: v.analysis.view.kind,
  viewSide: v.analysis.view.side,
});

function fits(id: MeasureId, view: ViewKind): boolean {
  const need = MEASURES[id].view;
  return need === 'any' || need === view;
}

/** Higher is better: view preference, then near side, then confidence, then strides. */
function rank(id: MeasureId, side: Side | null, v: VisitVideoAnalysis, s: MetricSummary): number[] {
  const view = v.analysis.view;
  const sideView = view.kind === 'sagittal' ? 1 : 0;
  const near = side !== null && view.kind === 'sagittal' && view.side === side ? 1 : 0;
  return [MEASURES[id].view === 'any' ? sideView : 0, near, s.confidence, s.n];
}

function better(a: number[], b: number[]): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! > b[k]!;
  return false;
}

function missingViewReason(id: MeasureId): string {
  return MEASURES[id].view === 'frontal' ? 'Needs a rear or front view: no such video in this visit.' : 'Needs a side view: no such video in this visit.';
}

function combine(id: MeasureId, side: Side | null, videos: readonly VisitVideoAnalysis[], pick: (a: GaitAnalysis) => MetricSummary): CombinedValue {
  const eligible = videos.filter((v) => fits(id, v.analysis.view.kind));
  let chosen: { v: VisitVideoAnalysis; s: MetricSummary; r: number[] } | null = null;
  let fallback: { v: VisitVideoAnalysis; s: MetricSummary; r: number[] } | null = null;
  const withValue: VisitVideoAnalysis[] = [];
  for (const v of eligible) {
    // a value not reliable in its clip (and not included by the clinician) counts as absent, with why
    const s = trusted(pick(v.analysis));
    const r = rank(id, side, v, s);
    if (s.mean === null) {
      if (!fallback || better(r, fallback.r)) fallback = { v, s, r };
      continue;
    }
    withValue.push(v);
    if (!chosen || better(r, chosen.r)) chosen = { v, s, r };
  }
  if (chosen) {
    const from = sourceOf(chosen.v);
    return { measureId: id, side, summary: chosen.s, from, otherSources: withValue.filter((v) => v !== chosen.v).map(sourceOf) };
  }
  if (fallback) return { measureId: id, side, summary: fallback.s, from: null, otherSources: [] };
  return {
    measureId: id,
    side,
    summary: { mean: null, sd: null, n: 0, unit: MEASURES[id].unit, confidence: 0, level: 'low', confidenceFactors: null, reasonIfAbsent: missingViewReason(id), error: null, notReliable: null },
    from: null,
    otherSources: [],
  };
}

export function summariseVisit(videos: readonly VisitVideoAnalysis[]): VisitSummary {
  const overall = Object.fromEntries(
    OVERALL_MEASURES.map((id) => [id, combine(id, null, videos, (a) => a.metrics[id])]),
  ) as Record<OverallMeasureId, CombinedValue>;
  const perSide = Object.fromEntries(
    SIDES.map((side) => [
      side,
      Object.fromEntries(SIDE_MEASURES.map((id) => [id, combine(id, side, videos, (a) => a.metrics.perSide[side][id])])),
    ]),
  ) as Record<Side, Record<SideMeasureId, CombinedValue>>;
  const sideMetrics = (side: Side) =>
    Object.fromEntries(SIDE_MEASURES.map((id) => [id, perSide[side][id].summary])) as SideMetrics;
  const symmetry = symmetryOf(SIDE_MEASURES, sideMetrics('left'), sideMetrics('right'));

  const kept = new Map<string, { finding: Finding; from: ValueSource; preferred: boolean }>();
  for (const v of videos) {
    for (const finding of v.analysis.findings) {
      const measure = finding.triggeringValues[0]?.measureId ?? '';
      const key = `${finding.id}|${finding.side ?? ''}|${measure}`;
      const valueFrom = valueSourceOf(measure, finding.side, overall, perSide);
      const preferred = valueFrom !== null && valueFrom.videoId === v.videoId;
      const current = kept.get(key);
      if (!current || (preferred && !current.preferred) || (preferred === current.preferred && finding.confidence > current.finding.confidence)) {
        kept.set(key, { finding, from: sourceOf(v), preferred });
      }
    }
  }
  return {
    videos: videos.map((v) => ({ ...sourceOf(v), gait: v.analysis.gait.kind, feetLost: v.analysis.footTracking.lost })),
    overall,
    perSide,
    symmetry,
    findings: [...kept.values()].map(({ finding, from }) => ({ finding, from })),
  };
}

function valueSourceOf(
  measure: string,
  side: Side | null,
  overall: Record<OverallMeasureId, CombinedValue>,
  perSide: Record<Side, Record<SideMeasureId, CombinedValue>>,
): ValueSource | null {
  if ((OVERALL_MEASURES as readonly string[]).includes(measure)) return overall[measure as OverallMeasureId].from;
  if (side && (SIDE_MEASURES as readonly string[]).includes(measure)) return perSide[side][measure as SideMeasureId].from;
  return null;
}
