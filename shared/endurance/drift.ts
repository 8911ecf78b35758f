/**
 * Form late in a run: each measure per window of one run (the first minute, the last, some
 * between), the change from the first window to the last and whether it is larger than the error
 * it is judged against, the left/right difference per window, and the drifts that become findings.
 *
 * The error of a change within one run is the largest of: the within-day repeatability of 2D
 * angles where the measure takes Damsted's figure (the camera stays put, so the between-day
 * figure of the progress rule does not apply), the 95% interval from the two windows'
 * stride-to-stride spreads, and the two values' measurement errors combined
 * (progress/change.ts `differenceError`). A change no larger is "no real change", never a drift.
 *
 * Findings: a real change in the direction fatigue moves the measure (FATIGUE_DIRECTION, with its
 * source), for the measures of DRIFT_FINDING_MEASURES, and a left/right difference that grows
 * beyond its error.
 */
import { levelOf } from '../gait/confidence.ts';
import { amount, legNames } from '../gait/findings.ts';
import type { LegNames } from '../gait/findings.ts';
import { MEASURES, printedValue, SIDE_MEASURES } from '../gait/measures.ts';
import type { MeasureId, SideMeasureId } from '../gait/measures.ts';
import { trusted } from '../gait/plausibility.ts';
import type { SourceId } from '../gait/references.ts';
import { toJsonNumber } from '../gait/series.ts';
import { SIDES } from '../gait/types.ts';
import type { ConfidenceLevel, Finding, MetricSummary, Side, ViewKind } from '../gait/types.ts';
import { CHANGE_RULES, DAMSTED_WITHIN_DAY_DEG } from '../progress/change-rules.ts';
import { differenceError, standardErrorOf } from '../progress/change.ts';
import { windowLabel } from './windows.ts';
import type { AnalysisInput, ChangeVerdict, ErrorFrom, LegSeen, ValueSpread } from '../progress/change.ts';

/** One analysed window of the run: where it sits in the run (seconds from its start) and its analysis. */
export interface RunWindowInput {
  id: string;
  startS: number;
  endS: number;
  analysis: AnalysisInput;
  /** Whether left and right are known in its video (GaitAnalysis identity.sides is not 'unconfirmed'). */
  sidesKnown: boolean;
}

export interface DriftPoint {
  windowId: string;
  startS: number;
  endS: number;
  mean: number | null;
  sd: number | null;
  n: number;
  /** Of the mean (for a left/right difference: of the difference of the two means); null with fewer than two strides. */
  standardError: number | null;
  /** The measurement error at the window's frame rate (gait/measure-error.ts); null when not established. */
  error: number | null;
  confidence: number;
  level: ConfidenceLevel;
  reasonIfAbsent: string | null;
  leg: LegSeen | null;
}

export interface DriftChange {
  verdict: ChangeVerdict;
  fromWindowId: string | null;
  toWindowId: string | null;
  /**
   * Last minus first as the two values are printed (so it agrees with them), in the measure's
   * unit; null when a value is missing. The verdict is judged on the unrounded difference.
   */
  difference: number | null;
  /** The error the difference was judged against (95%, the measure's unit); null when it could not be judged. */
  error: number | null;
  errorFrom: ErrorFrom | null;
  /** A real change in the direction running-induced fatigue moves this measure; null where no direction is established. */
  towardFatigue: boolean | null;
  reason: string | null;
  text: string;
  sources: SourceId[];
}

export interface MeasureDrift {
  measureId: MeasureId;
  side: Side | null;
  label: string;
  unit: string;
  points: DriftPoint[];
  change: DriftChange;
}

/** A bilateral measure's left/right difference |left - right| per window (as the points' mean) and how it changed. */
export interface AsymmetryDrift {
  measureId: SideMeasureId;
  label: string;
  unit: string;
  points: DriftPoint[];
  change: DriftChange;
}

export interface RunDrift {
  windows: { id: string; startS: number; endS: number; label: string }[];
  measures: MeasureDrift[];
  asymmetry: AsymmetryDrift[];
  findings: Finding[];
}

/**
 * Which way running-induced fatigue moves a measure, where a source establishes it (+1 up, -1
 * down). Apte 2021 (68 studies); the frontal-plane knee from hip abductor fatigue (Geiser 2010);
 * pelvic drop: more drop is the injury marker (Bramah 2018) and the hip abductors hold the pelvis.
 */
export const FATIGUE_DIRECTION: Partial<Record<MeasureId, { sign: 1 | -1; sources: SourceId[] }>> = {
  cadenceSpm: { sign: -1, sources: ['apte2021'] },
  stepTimeMs: { sign: 1, sources: ['apte2021'] },
  contactTimeMs: { sign: 1, sources: ['apte2021'] },
  flightTimeMs: { sign: 1, sources: ['apte2021'] },
  kneeFlexionAtIcDeg: { sign: 1, sources: ['apte2021'] },
  trunkLeanDeg: { sign: 1, sources: ['apte2021'] },
  pelvicDropDeg: { sign: 1, sources: ['bramah2018'] },
  peakKneeFppaDeg: { sign: 1, sources: ['geiser2010'] },
};

/** The measures whose drift toward fatigue is a finding (issue 27), beside a growing asymmetry. */
export const DRIFT_FINDING_MEASURES = ['pelvicDropDeg', 'peakKneeFppaDeg', 'cadenceSpm', 'contactTimeMs'] as const satisfies readonly MeasureId[];

/** The ids of the findings a drift toward fatigue raises, beside `drift.<measure>.asymmetry` for a growing left/right difference. */
export const DRIFT_FINDING_IDS = DRIFT_FINDING_MEASURES.map((id) => `drift.${id}`);

const lower = (label: string) => label.replace(/^./, (c) => c.toLowerCase());
const isSideMeasure = (id: MeasureId): id is SideMeasureId => (SIDE_MEASURES as readonly string[]).includes(id);
const sidesOf = (id: MeasureId): (Side | null)[] => (isSideMeasure(id) ? [...SIDES] : [null]);

function summaryOf(a: AnalysisInput, id: MeasureId, side: Side | null): MetricSummary {
  return trusted(side === null ? a.metrics[id as 'cadenceSpm'] : a.metrics.perSide[side][id as SideMeasureId]);
}

function legSeen(a: AnalysisInput, id: MeasureId, side: Side | null): LegSeen | null {
  if (side === null || a.view.kind !== 'sagittal' || !isSideMeasure(id)) return null;
  return a.view.side === side ? 'near' : 'far';
}

/** The view a measure is followed in: its own, or for a measure of any view the side view when one measured it (side-view events are the more precise). */
function viewFor(id: MeasureId, side: Side | null, windows: readonly RunWindowInput[]): ViewKind | null {
  const own = MEASURES[id].view;
  if (own !== 'any') return own;
  const measuredIn = (kind: ViewKind) => windows.some((w) => w.analysis.view.kind === kind && summaryOf(w.analysis, id, side).mean !== null);
  return measuredIn('sagittal') ? 'sagittal' : measuredIn('frontal') ? 'frontal' : null;
}

function pointOf(w: RunWindowInput, id: MeasureId, side: Side | null): DriftPoint {
  const s = summaryOf(w.analysis, id, side);
  return {
    windowId: w.id,
    startS: w.startS,
    endS: w.endS,
    mean: s.mean,
    sd: s.sd,
    n: s.n,
    standardError: standardErrorOf(s.sd, s.n),
    error: s.error?.value ?? null,
    confidence: s.confidence,
    level: s.level,
    reasonIfAbsent: s.mean === null ? (s.reasonIfAbsent ?? 'Not measured.') : null,
    leg: legSeen(w.analysis, id, side),
  };
}

/** A change as printed, with its sign: "+0.4°", "-16 steps/min". */
function signed(x: number, unit: string): string {
  const r = printedValue(x, unit);
  return `${r > 0 ? '+' : r < 0 ? '-' : ''}${amount(Math.abs(r), unit)}`;
}

/** The within-run error figure of a measure: Damsted's within-day interval where the progress rule takes Damsted's between-day one. */
function withinDayFigure(id: MeasureId): number | null {
  return (CHANGE_RULES[id].sources as readonly SourceId[]).includes('damsted') ? DAMSTED_WITHIN_DAY_DEG : null;
}

const ERROR_WORDS: Record<ErrorFrom, string> = {
  betweenDay: 'the between-day error',
  withinDay: 'the within-day error of 2D angles (Damsted)',
  strideSpread: "the 95% interval of the two windows' stride-to-stride spread",
  measurement: "the two values' measurement errors combined",
};

interface Judged {
  from: DriftPoint;
  to: DriftPoint;
}

/** The first and last windows with a value, or why there are not two to compare. */
function endsOf(points: DriftPoint[]): Judged | string {
  const measured = points.filter((p) => p.mean !== null);
  if (measured.length < 2) {
    const missing = points.find((p) => p.mean === null);
    return measured.length === 0
      ? `no window measured it${missing?.reasonIfAbsent ? `: ${missing.reasonIfAbsent}` : '.'}`
      : `only one window measured it${missing?.reasonIfAbsent ? ` (the others: ${missing.reasonIfAbsent})` : '.'}`;
  }
  const from = measured[0]!;
  const to = measured[measured.length - 1]!;
  for (const p of [from, to]) {
    if (p.level === 'low') return `the value of ${windowLabel(p.startS, p.endS)} is of low confidence (${p.confidence.toFixed(2)}).`;
  }
  if (from.leg !== to.leg) return `the leg was the ${from.leg} leg in one window and the ${to.leg} leg in the other: the far leg is measured less accurately.`;
  return { from, to };
}

/** `fatigue`: the direction fatigue moves the quantity judged, when one is established. */
function judge(id: MeasureId, points: DriftPoint[], what: string, fatigue: (typeof FATIGUE_DIRECTION)[MeasureId]): DriftChange {
  const unit = MEASURES[id].unit;
  const sources: SourceId[] = ['gaitlensChangeRule', ...(withinDayFigure(id) !== null ? (['damsted'] as SourceId[]) : []), ...(fatigue?.sources ?? [])];
  const ends = endsOf(points);
  if (typeof ends === 'string') {
    return { verdict: 'cannot-compare', fromWindowId: null, toWindowId: null, difference: null, error: null, errorFrom: null, towardFatigue: null, reason: ends, text: `Cannot compare: ${ends}`, sources };
  }
  const { from, to } = ends;
  const a = from.mean!;
  const b = to.mean!;
  const difference = b - a;
  const fixed = withinDayFigure(id);
  const spreadOf = (p: DriftPoint): ValueSpread => ({ standardError: p.standardError, error: p.error });
  const judged = differenceError(fixed === null ? null : { from: 'withinDay', value: fixed }, spreadOf(from), spreadOf(to));
  const shown = printedValue(printedValue(b, unit) - printedValue(a, unit), unit);
  const base = { fromWindowId: from.windowId, toWindowId: to.windowId, difference: shown, sources };
  const span = `from ${amount(printedValue(a, unit), unit)} in ${windowLabel(from.startS, from.endS)} to ${amount(printedValue(b, unit), unit)} in ${windowLabel(to.startS, to.endS)}`;
  if (judged === null) {
    const reason = 'neither the stride-to-stride spread nor the measurement error is known in both windows.';
    return { ...base, verdict: 'cannot-compare', error: null, errorFrom: null, towardFatigue: null, reason, text: `Cannot compare: ${reason}` };
  }
  const { error, errorFrom } = judged;
  const within = `${ERROR_WORDS[errorFrom]}, ${amount(printedValue(error, unit), unit)}`;
  const common = { ...base, error: toJsonNumber(error), errorFrom, reason: null };
  if (Math.abs(difference) <= error) {
    return { ...common, verdict: 'no-real-change', towardFatigue: null, text: `No real change in ${what}: ${signed(shown, unit)} (${span}) is within ${within}.` };
  }
  const verdict = difference > 0 ? 'increased' : 'decreased';
  const towardFatigue = fatigue ? Math.sign(difference) === fatigue.sign : null;
  return {
    ...common,
    verdict,
    towardFatigue,
    text: `${what.replace(/^./, (c) => c.toUpperCase())} ${verdict === 'increased' ? 'grows' : 'falls'} ${span}, beyond ${within}.`,
  };
}

function measureDrift(id: MeasureId, side: Side | null, windows: readonly RunWindowInput[], names: LegNames): MeasureDrift {
  const kind = viewFor(id, side, windows);
  const points = windows.filter((w) => kind === null || w.analysis.view.kind === kind).map((w) => pointOf(w, id, side));
  const what = `${side === null ? '' : `${names[side].adjective} `}${lower(MEASURES[id].label)}`;
  const change = judge(id, points, what, FATIGUE_DIRECTION[id]);
  return { measureId: id, side, label: MEASURES[id].label, unit: MEASURES[id].unit, points, change };
}

function asymmetryDrift(id: SideMeasureId, windows: readonly RunWindowInput[], names: LegNames): AsymmetryDrift {
  const kind = viewFor(id, 'left', windows) ?? viewFor(id, 'right', windows);
  const points: DriftPoint[] = windows
    .filter((w) => kind === null || w.analysis.view.kind === kind)
    .map((w) => {
      const l = pointOf(w, id, 'left');
      const r = pointOf(w, id, 'right');
      const both = l.mean !== null && r.mean !== null;
      const confidence = Math.min(l.confidence, r.confidence);
      return {
        windowId: w.id,
        startS: w.startS,
        endS: w.endS,
        mean: both ? toJsonNumber(Math.abs(l.mean! - r.mean!)) : null,
        sd: null,
        n: Math.min(l.n, r.n),
        standardError: l.standardError !== null && r.standardError !== null ? Math.hypot(l.standardError, r.standardError) : null,
        error: l.error !== null && r.error !== null ? Math.hypot(l.error, r.error) : null,
        confidence,
        level: levelOf(confidence),
        reasonIfAbsent: both ? null : (l.reasonIfAbsent ?? r.reasonIfAbsent),
        leg: null,
      };
    });
  const what = `${names.left.adjective}/${names.right.adjective} difference in ${lower(MEASURES[id].label)}`;
  return { measureId: id, label: MEASURES[id].label, unit: MEASURES[id].unit, points, change: judge(id, points, what, undefined) };
}

/** What a drift toward fatigue suggests, per finding, with its sources. */
const WHY: Record<'pelvicDropDeg' | 'peakKneeFppaDeg' | 'fatigue' | 'asymmetry', { text: string; sources: SourceId[] }> = {
  pelvicDropDeg: {
    text: "The stance leg's hip abductors hold the pelvis level: more drop late in the run points at their endurance. Pelvic drop is the strongest running-injury marker in Bramah 2018.",
    sources: ['bramah2018'],
  },
  peakKneeFppaDeg: {
    text: 'Tired hip abductors let the knee move further into abduction as it takes the weight (Geiser 2010): a change late in the run points at their endurance. The 2D angle is a qualitative sign (Straub & Powers 2022).',
    sources: ['geiser2010', 'straubPowers2022'],
  },
  fatigue: { text: 'Running-induced fatigue moves this measure this way (Apte 2021).', sources: ['apte2021'] },
  asymmetry: {
    text: 'A difference between the legs that grows late in the run can show one side tiring first; asymmetry alone did not predict injury in a large cohort (Malisoux 2024): a sign to examine, not a diagnosis.',
    sources: ['malisoux2024'],
  },
};

/** The drift in the runner's words: "Your cadence went down from 169 steps/min in minute 1 to 135 steps/min in minute 12 of your run." */
function plainDrift(d: MeasureDrift | AsymmetryDrift, asymmetry: boolean, names: LegNames, ends: DriftPoint[]): string {
  const [from, to] = ends as [DriftPoint, DriftPoint];
  const at = (p: DriftPoint) => `${amount(printedValue(p.mean!, d.unit), d.unit)} in ${windowLabel(p.startS, p.endS)}`;
  const side = 'side' in d && d.side ? ` (${names[d.side].adjective} leg)` : '';
  const what = asymmetry ? `The difference between your legs in ${lower(d.label)}` : `Your ${lower(d.label)}${side}`;
  const moved = asymmetry ? 'grew' : d.change.verdict === 'increased' ? 'went up' : 'went down';
  return `${what} ${moved} from ${at(from)} to ${at(to)} of your run.`;
}

function driftFinding(d: MeasureDrift | AsymmetryDrift, asymmetry: boolean, names: LegNames): Finding {
  const c = d.change;
  const side = 'side' in d ? d.side : null;
  const ends = [c.fromWindowId, c.toWindowId].map((id) => d.points.find((p) => p.windowId === id)!);
  const confidence = Math.min(...ends.map((p) => p.confidence));
  const why = asymmetry ? WHY.asymmetry : d.measureId === 'pelvicDropDeg' || d.measureId === 'peakKneeFppaDeg' ? WHY[d.measureId] : WHY.fatigue;
  return {
    id: `drift.${d.measureId}${asymmetry ? '.asymmetry' : ''}`,
    side,
    title: asymmetry ? `${d.label}: the difference between the legs grows during the run` : `${d.label} ${c.verdict === 'increased' ? 'rises' : 'falls'} during the run`,
    plainText: plainDrift(d, asymmetry, names, ends),
    clinicalText: `${c.text} ${why.text}`,
    triggeringValues: ends.map((p) => ({
      measureId: d.measureId,
      side,
      quantity: asymmetry ? 'difference' : 'value',
      value: printedValue(p.mean!, d.unit),
      unit: d.unit,
      screening: null,
    })),
    referenceValues: [{ text: `A change within one run counts when it is larger than ${ERROR_WORDS[c.errorFrom!]}: here ${amount(printedValue(c.error!, d.unit), d.unit)}.`, sources: ['gaitlensChangeRule'] }],
    confidence: toJsonNumber(confidence, 2) ?? 0,
    level: levelOf(confidence),
    sources: [...new Set<SourceId>([...c.sources, ...why.sources])],
  };
}

/** The drift of every measure over the windows of one run (ordered by their start), the asymmetry per window, and the findings. */
export function driftOf(input: readonly RunWindowInput[]): RunDrift {
  const windows = [...input].sort((a, b) => a.startS - b.startS);
  const first = windows[0];
  const nearSide = first && first.analysis.view.kind === 'sagittal' && (first.analysis.view.side === 'left' || first.analysis.view.side === 'right') ? first.analysis.view.side : null;
  const names = legNames(nearSide, windows.every((w) => w.sidesKnown));
  const measures = (Object.keys(MEASURES) as MeasureId[]).flatMap((id) => sidesOf(id).map((side) => measureDrift(id, side, windows, names)));
  const asymmetry = SIDE_MEASURES.filter((id) => MEASURES[id].bilateral).map((id) => asymmetryDrift(id, windows, names));
  const findings: Finding[] = [];
  for (const d of measures) {
    if ((DRIFT_FINDING_MEASURES as readonly MeasureId[]).includes(d.measureId) && d.change.towardFatigue === true) findings.push(driftFinding(d, false, names));
  }
  for (const d of asymmetry) {
    if (d.change.verdict === 'increased') findings.push(driftFinding(d, true, names));
  }
  return { windows: windows.map((w) => ({ id: w.id, startS: w.startS, endS: w.endS, label: windowLabel(w.startS, w.endS) })), measures, asymmetry, findings };
}
