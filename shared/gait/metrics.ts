/**
 * Strides, steps and the measures of measures.ts: per stride, then summarised per side (mean,
 * SD, n, confidence) and for the whole clip (cadence, step and stride time, trunk lean, step
 * width). Strides run from an initial contact (IC) to the next IC of the same foot, with the
 * foot's toe-off (TO) between; strides and steps further than 0.6-1.5x their median duration
 * from it (a missed or extra event) are dropped.
 */
import type { AngleSeries } from './angles.ts';
import { LEG_JOINTS, midpoint } from './body.ts';
import type { BodySeries, PointSeries } from './body.ts';
import { cadenceFromContacts, type CadenceFit } from './cadence.ts';
import { contactMs, flightMs, landingMs } from './event-time.ts';
import { alignedLandings } from './landing-align.ts';
import { measureError, type TimingContext } from './measure-error.ts';
import { MIN_STRIDES, confidenceOf } from './confidence.ts';
import { MEASURES, SIDE_MEASURES } from './measures.ts';
import type { MeasureDefinition, MeasureId } from './measures.ts';
import { mean, median, sd, toJsonNumber } from './series.ts';
import { SIDES } from './types.ts';
import type { CadenceBasis, FootStrike, GaitEvent, GaitKind, MetricSummary, Side, SideMetrics, StrideRecord, ViewKind } from './types.ts';

export const FOOT_STRIKE_BANDS = { rearfootAboveDeg: 8, forefootBelowDeg: -1.6 } as const;

export function footStrikeOf(footAngleAtIcDeg: number): FootStrike {
  if (footAngleAtIcDeg > FOOT_STRIKE_BANDS.rearfootAboveDeg) return 'rearfoot';
  if (footAngleAtIcDeg < FOOT_STRIKE_BANDS.forefootBelowDeg) return 'forefoot';
  return 'midfoot';
}

export interface MetricInput {
  view: ViewKind;
  /** Side facing the camera in a side view. */
  nearSide: Side | null;
  events: readonly GaitEvent[];
  frameIndex: readonly number[];
  tMs: readonly number[];
  angles: AngleSeries;
  /** Oriented, filtered body. */
  body: BodySeries;
  pxPerCm: number | null;
  legLengthPx: number | null;
  excluded: readonly { side: Side; icFrame: number }[];
  /** Half the stride period from the feet's cycle, to seed the cadence fit; null when unknown. */
  expectedStepMs: number | null;
}

interface Stride {
  side: Side;
  ic: number;
  to: number;
  next: number;
  excluded: boolean;
  visibility: number;
  values: Partial<Record<MeasureId, number>>;
  /** Per value read at an event: how fast its curve changes there, per sample (for its timing error). */
  perSample: Partial<Record<MeasureId, number>>;
}

export interface MetricResult {
  strides: StrideRecord[];
  perSide: Record<Side, SideMetrics>;
  cadenceSpm: MetricSummary;
  cadenceBasis: CadenceBasis | null;
  stepTimeMs: MetricSummary;
  strideTimeMs: MetricSummary;
  trunkLeanDeg: MetricSummary;
  stepWidthCm: MetricSummary;
  footStrike: Record<Side, Record<FootStrike, number>>;
  gait: { kind: GaitKind; reason: string; dutyFactorPct: number | null };
}

/**
 * Cadence from the initial contacts of both feet (cadence.ts), whichever leg carries which label:
 * its mean from the lattice fit of the contacts, its spread from the strides between them
 * (steps when under MIN_STRIDES strides; a stride spans twice the frames of a step, so a
 * one-frame event error moves it half as much).
 */
function cadenceOf(fit: CadenceFit | null, visibility: number, view: ViewKind, pxPerCm: number | null): MetricSummary {
  if (!fit) return absent('cadenceSpm', 'Too few initial contacts on a regular rhythm (at least three, two steps apart, needed).');
  const spread = fit.strideSpm.length >= MIN_STRIDES ? fit.strideSpm : fit.stepSpm;
  const cadence = summarise('cadenceSpm', spread, visibility, false, view, pxPerCm);
  if (cadence.mean !== null) cadence.mean = toJsonNumber(fit.spm);
  return cadence;
}

/** Step time from the same fit as cadence (its inverse), its spread from the steps between contacts used. */
function stepTimeOf(fit: CadenceFit | null, visibility: number, view: ViewKind, pxPerCm: number | null): MetricSummary {
  if (!fit) return absent('stepTimeMs', 'Too few initial contacts on a regular rhythm (at least three, two steps apart, needed).');
  const summary = summarise('stepTimeMs', fit.stepSpm.map((spm) => 60000 / spm), visibility, false, view, pxPerCm);
  if (summary.mean !== null) summary.mean = toJsonNumber(fit.stepMs);
  return summary;
}

function absent(id: MeasureId, reason: string, n = 0): MetricSummary {
  return { mean: null, sd: null, n, unit: MEASURES[id].unit, confidence: 0, level: 'low', confidenceFactors: null, reasonIfAbsent: reason, error: null, notReliable: null };
}

/** Why a measure cannot be had in this clip, or null. */
function unavailable(id: MeasureId, view: ViewKind, pxPerCm: number | null): string | null {
  const def = MEASURES[id];
  if (def.view !== 'any' && def.view !== view) return def.view === 'sagittal' ? 'Needs a side view.' : 'Needs a rear or front view.';
  if (def.needsCalibration && pxPerCm === null) {
    return "In cm it needs calibration (any value in % of leg length is given): add the client's height to the client record, or enter it or draw a known length in the review.";
  }
  return null;
}

export function summarise(
  id: MeasureId,
  values: readonly number[],
  visibility: number,
  farLeg: boolean,
  view: ViewKind,
  pxPerCm: number | null,
): MetricSummary {
  const why = unavailable(id, view, pxPerCm);
  if (why) return absent(id, why);
  const v = values.filter((x) => Number.isFinite(x));
  if (v.length < MIN_STRIDES) return absent(id, `Too few strides with this value (${v.length}; at least ${MIN_STRIDES} needed).`, v.length);
  const m = mean(v);
  const s = sd(v);
  const def: MeasureDefinition = MEASURES[id];
  const c = confidenceOf({ meanVisibility: visibility, farLeg, farLegFactor: def.farLegFactor, n: v.length, sd: s, spreadScale: def.spreadScale });
  return {
    mean: toJsonNumber(m),
    sd: toJsonNumber(s),
    n: v.length,
    unit: MEASURES[id].unit,
    confidence: toJsonNumber(c.score, 3) ?? 0,
    level: c.level,
    confidenceFactors: {
      visibility: toJsonNumber(c.factors.visibility) ?? 0,
      occlusion: c.factors.occlusion,
      strides: toJsonNumber(c.factors.strides) ?? 0,
      spread: toJsonNumber(c.factors.spread) ?? 0,
    },
    reasonIfAbsent: null,
    error: null,
    notReliable: null,
  };
}

function maxIn(xs: readonly number[], from: number, to: number): number {
  let m = Number.NaN;
  for (let i = from; i <= to; i++) if (Number.isFinite(xs[i]!) && !(xs[i]! <= m)) m = xs[i]!;
  return m;
}

function minIn(xs: readonly number[], from: number, to: number): number {
  return -maxIn(
    xs.map((x) => -x),
    from,
    to,
  );
}

function legVisibility(body: BodySeries, side: Side, from: number, to: number): number {
  const vals: number[] = [];
  for (const j of LEG_JOINTS) for (let i = from; i <= to; i++) vals.push(body[side][j].vis[i]!);
  return mean(vals);
}

function inRange(x: number, ref: number): boolean {
  return x >= 0.6 * ref && x <= 1.5 * ref;
}

/** The summary with its error at this clip's rate (measure-error.ts); none for a missing value. */
function withError(id: MeasureId, summary: MetricSummary, ctx: Omit<TimingContext, 'value'>): MetricSummary {
  return summary.mean === null ? summary : { ...summary, error: measureError(id, summary.unit, { ...ctx, value: summary.mean }) };
}

/**
 * The time of each initial contact for the cadence fit: in a side view of running, each foot's
 * landings aligned on one another from the heel's path around them (landing-align.ts), so a
 * landing the pose model put frames early does not bend the rhythm. Walking keeps the contacts'
 * frame times: overground passes turn, limp and change speed, so one landing's path need not
 * match the next, and its events are not validated (docs/validation.md); so does a rear view,
 * and a clip whose stride period is unknown.
 */
function landingTimesMs(input: MetricInput, hip: PointSeries, ics: Record<Side, number[]>, sampleRateHz: number, gait: GaitKind): Record<Side, Map<number, number>> {
  const { body, tMs } = input;
  const strideFrames = input.expectedStepMs !== null ? (2 * input.expectedStepMs * sampleRateHz) / 1000 : Number.NaN;
  const timeAt = (t: number) => {
    const i = Math.max(0, Math.min(tMs.length - 2, Math.floor(t)));
    return tMs[i]! + (tMs[i + 1]! - tMs[i]!) * (t - i);
  };
  const perSide = (s: Side) => {
    if (input.view !== 'sagittal' || gait !== 'running' || !(strideFrames > 0) || tMs.length < 2) return new Map<number, number>();
    const heelX = body[s].heel.x.map((x, i) => (Number.isFinite(x) ? x : body[s].ankle.x[i]!) - hip.x[i]!);
    const aligned = alignedLandings(heelX, ics[s], strideFrames);
    return new Map(ics[s].map((k, i) => [k, timeAt(aligned[i]!)]));
  };
  return { left: perSide('left'), right: perSide('right') };
}

export function computeMetrics(input: MetricInput): MetricResult {
  const { view, tMs, angles: a, body, pxPerCm, legLengthPx } = input;
  const sampleRateHz = tMs.length > 1 && tMs[tMs.length - 1]! > tMs[0]! ? ((tMs.length - 1) * 1000) / (tMs[tMs.length - 1]! - tMs[0]!) : Number.NaN;
  const indexOf = new Map<number, number>(input.frameIndex.map((f, k) => [f, k]));
  const ev = (side: Side, type: 'IC' | 'TO') =>
    input.events
      .filter((e) => e.side === side && e.type === type && indexOf.has(e.frame))
      .map((e) => indexOf.get(e.frame)!)
      .sort((x, y) => x - y);
  const ics: Record<Side, number[]> = { left: ev('left', 'IC'), right: ev('right', 'IC') };
  const tos: Record<Side, number[]> = { left: ev('left', 'TO'), right: ev('right', 'TO') };
  const hip = midpoint(body.left.hip, body.right.hip);
  const isExcluded = (side: Side, ic: number) => input.excluded.some((x) => x.side === side && x.icFrame === input.frameIndex[ic]);
  const other = (s: Side): Side => (s === 'left' ? 'right' : 'left');
  const nextIcOf = (s: Side, after: number) => ics[s].find((k) => k > after);
  const cm = (px: number) => (pxPerCm ? px / pxPerCm : Number.NaN);
  const pctLeg = (px: number) => (legLengthPx ? (px / legLengthPx) * 100 : Number.NaN);

  const candidates: Stride[] = [];
  for (const s of SIDES) {
    const list = ics[s];
    for (let k = 0; k + 1 < list.length; k++) {
      const ic = list[k]!;
      const next = list[k + 1]!;
      const to = tos[s].find((x) => x > ic && x < next);
      if (to === undefined) continue;
      candidates.push({ side: s, ic, to, next, excluded: isExcluded(s, ic), visibility: legVisibility(body, s, ic, to), values: {}, perSample: {} });
    }
  }
  const strideMedian = median(candidates.map((c) => tMs[c.next]! - tMs[c.ic]!));
  const regular = candidates.filter((c) => inRange(tMs[c.next]! - tMs[c.ic]!, strideMedian));
  // stances far from the median, frame to frame (the bounds' setting), are a missed or extra event
  const stanceMedian = median(regular.map((c) => tMs[c.to]! - tMs[c.ic]!));
  const strides = regular.filter((c) => inRange(tMs[c.to]! - tMs[c.ic]!, stanceMedian));

  for (const st of strides) {
    const { side: s, ic, to, next } = st;
    const v = st.values;
    const otherIc = nextIcOf(other(s), ic);
    v.contactTimeMs = contactMs(tMs, ic, to);
    v.dutyFactorPct = (v.contactTimeMs / (landingMs(tMs, next) - landingMs(tMs, ic))) * 100;
    if (otherIc !== undefined && otherIc < next) v.flightTimeMs = flightMs(tMs, to, otherIc);
    if (view === 'sagittal') {
      const aheadPx = (k: number) => body[s].ankle.x[k]! - hip.x[k]!;
      const rate = (at: (k: number) => number, k: number) => Math.abs(at(k + 1) - at(k - 1)) / 2;
      st.perSample = {
        kneeFlexionAtIcDeg: rate((k) => a.kneeFlexionDeg[s][k]!, ic),
        shankAngleAtIcDeg: rate((k) => a.shankAngleDeg[s][k]!, ic),
        footAngleAtIcDeg: rate((k) => a.footAngleDeg[s][k]!, ic),
        hipExtensionAtToDeg: rate((k) => a.hipFlexionDeg[s][k]!, to),
        footAheadOfHipAtIcCm: rate((k) => cm(aheadPx(k)), ic),
        footAheadOfHipAtIcPctLeg: rate((k) => pctLeg(aheadPx(k)), ic),
      };
      v.kneeFlexionAtIcDeg = a.kneeFlexionDeg[s][ic]!;
      v.peakKneeFlexionStanceDeg = maxIn(a.kneeFlexionDeg[s], ic, to);
      v.shankAngleAtIcDeg = a.shankAngleDeg[s][ic]!;
      v.footAngleAtIcDeg = a.footAngleDeg[s][ic]!;
      v.hipExtensionAtToDeg = -a.hipFlexionDeg[s][to]!;
      const ahead = body[s].ankle.x[ic]! - hip.x[ic]!;
      v.footAheadOfHipAtIcCm = cm(ahead);
      v.footAheadOfHipAtIcPctLeg = pctLeg(ahead);
      if (otherIc !== undefined && otherIc < next) {
        const vo = maxIn(hip.y, ic, otherIc) - minIn(hip.y, ic, otherIc);
        v.verticalOscillationCm = cm(vo);
        v.verticalOscillationPctLeg = pctLeg(vo);
      }
      v.trunkLeanDeg = mean(a.trunkLeanDeg.slice(ic, next + 1));
    } else {
      const mid = Math.round((ic + to) / 2);
      const ob = a.pelvicObliquityDeg[mid]!;
      v.pelvicDropDeg = s === 'left' ? ob : -ob;
      v.peakHipAdductionDeg = maxIn(a.hipAdductionDeg[s], ic, to);
      v.peakKneeFppaDeg = maxIn(a.kneeFppaDeg[s], ic, to);
      const own = Math.sign(body[s].hip.x[ic]! - hip.x[ic]!);
      const offset = (body[s].ankle.x[ic]! - hip.x[ic]!) * own;
      v.footMidlineOffsetAtIcCm = cm(offset);
      if (Number.isFinite(offset)) v.crossoverPct = offset <= 0 ? 100 : 0;
    }
  }

  const used = strides.filter((st) => !st.excluded);
  const duty = mean(used.map((st) => st.values.dutyFactorPct ?? Number.NaN));
  const gait: MetricResult['gait'] = !Number.isFinite(duty)
    ? { kind: 'unknown', reason: 'No complete strides were found.', dutyFactorPct: null }
    : duty < 50
      ? { kind: 'running', reason: `Duty factor ${duty.toFixed(0)}% (under 50%: a flight phase).`, dutyFactorPct: duty }
      : { kind: 'walking', reason: `Duty factor ${duty.toFixed(0)}% (over 50%: double support); running measures and findings do not apply.`, dutyFactorPct: duty };

  const sideMetrics = (s: Side): SideMetrics => {
    const mine = used.filter((st) => st.side === s);
    const vis = mean(mine.map((st) => st.visibility));
    const far = view === 'sagittal' && input.nearSide !== null && s !== input.nearSide;
    const strideMs = mean(mine.map((st) => tMs[st.next]! - tMs[st.ic]!));
    const entries = SIDE_MEASURES.map((id) => {
      const summary = summarise(id, mine.map((st) => st.values[id] ?? Number.NaN), vis, far, view, pxPerCm);
      const perSample = mean(mine.flatMap((st) => (st.perSample[id] === undefined ? [] : [st.perSample[id]])));
      return [id, withError(id, summary, { view, gait: gait.kind, sampleRateHz, strideMs, perSample })] as const;
    });
    return Object.fromEntries(entries) as SideMetrics;
  };
  const perSide = { left: sideMetrics('left'), right: sideMetrics('right') };

  // steps for step width: consecutive initial contacts of alternate feet
  const allIcs = SIDES.flatMap((s) => ics[s].map((k) => ({ s, k }))).sort((x, y) => x.k - y.k);
  const rawSteps: { from: { s: Side; k: number }; to: { s: Side; k: number }; ms: number }[] = [];
  for (let i = 0; i + 1 < allIcs.length; i++) {
    const f = allIcs[i]!;
    const t = allIcs[i + 1]!;
    if (f.s !== t.s) rawSteps.push({ from: f, to: t, ms: tMs[t.k]! - tMs[f.k]! });
  }
  const stepMedian = median(rawSteps.map((x) => x.ms));
  const steps = rawSteps.filter((x) => inRange(x.ms, stepMedian) && !isExcluded(x.from.s, x.from.k));
  const stepVis = mean(steps.map((x) => legVisibility(body, x.to.s, x.to.k, x.to.k)));
  const alignedMs = landingTimesMs(input, hip, ics, sampleRateHz, gait.kind);
  const cadenceFit = cadenceFromContacts(
    allIcs.filter((x) => !isExcluded(x.s, x.k)).map((x) => ({ tMs: tMs[x.k]!, side: x.s, fineMs: alignedMs[x.s].get(x.k) })),
    input.expectedStepMs,
  );
  const contactVis = mean(allIcs.map((x) => legVisibility(body, x.s, x.k, x.k)));
  const cadence = cadenceOf(cadenceFit, contactVis, view, pxPerCm);
  const stepWidths =
    view === 'frontal'
      ? steps.map((x) => {
          const own = Math.sign(body[x.to.s].hip.x[x.to.k]! - body[x.from.s].hip.x[x.to.k]!);
          return cm((body[x.to.s].ankle.x[x.to.k]! - body[x.from.s].ankle.x[x.from.k]!) * own);
        })
      : [];
  const allVis = mean(used.map((st) => st.visibility));
  const rhythm = { view, gait: gait.kind, sampleRateHz, spanMs: cadenceFit?.spanMs ?? null };

  const footStrike = { left: { rearfoot: 0, midfoot: 0, forefoot: 0 }, right: { rearfoot: 0, midfoot: 0, forefoot: 0 } };
  if (view === 'sagittal') {
    for (const st of used) {
      const fa = st.values.footAngleAtIcDeg;
      if (fa !== undefined && Number.isFinite(fa)) footStrike[st.side][footStrikeOf(fa)]++;
    }
  }

  return {
    strides: strides.map((st) => ({
      side: st.side,
      icFrame: input.frameIndex[st.ic]!,
      toFrame: input.frameIndex[st.to]!,
      nextIcFrame: input.frameIndex[st.next]!,
      excluded: st.excluded,
      values: Object.fromEntries(Object.entries(st.values).map(([k, x]) => [k, toJsonNumber(x)])),
    })),
    perSide,
    cadenceSpm: withError('cadenceSpm', cadence, rhythm),
    cadenceBasis: cadenceFit && {
      steps: cadenceFit.steps,
      spanMs: toJsonNumber(cadenceFit.spanMs, 1) ?? 0,
      contactsUsed: cadenceFit.used,
      contactsSetAside: cadenceFit.setAside,
    },
    stepTimeMs: withError('stepTimeMs', stepTimeOf(cadenceFit, contactVis, view, pxPerCm), rhythm),
    strideTimeMs: withError('strideTimeMs', summarise('strideTimeMs', used.map((st) => tMs[st.next]! - tMs[st.ic]!), allVis, false, view, pxPerCm), rhythm),
    trunkLeanDeg: withError('trunkLeanDeg', summarise('trunkLeanDeg', used.map((st) => st.values.trunkLeanDeg ?? Number.NaN), allVis, false, view, pxPerCm), rhythm),
    stepWidthCm: summarise('stepWidthCm', stepWidths, stepVis, false, view, pxPerCm),
    footStrike,
    gait,
  };
}
