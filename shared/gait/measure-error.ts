/**
 * How far each value shown may be off, at the clip's frame rate: a typical error (about the mean
 * absolute error) in the measure's unit, in one place, from two parts.
 * - Event timing (our validation, docs/validation.md): in a side view, initial contact and
 *   toe-off within 33 ms, one frame at 30 fps and more frames above: IC and TO median |error| at
 *   most 1 frame on the 30 and 60 fps treadmill clips, 17-21 ms (2 and 5 frames) on the
 *   slow-motion clip's 120 and 240 fps versions; the contact time shown per leg within 15 ms of
 *   the annotated one on the 30 and 60 fps clips (full model). A time between two events
 *   takes that error; a value read at an event takes the change of its curve over that time,
 *   from the clip's own curves; cadence, step and stride time take it over the span of steps
 *   they are fitted to. Rear-view events are not validated (initial contact comes 4-5 frames
 *   early on the synthetic runners), so neither are their values' errors; nor are walking's (the
 *   annotated clips are running; on a limping walk the contacts came twice as often as the
 *   landings seen by eye, docs/validation.md), so a walking clip's timing part is not given.
 * - The pose model's own error, where published: 2D markerless against marker-based joint angles,
 *   knee 5.6 and hip 4.0 deg mean absolute error (Stenum 2021). A segment's angle to the vertical
 *   (shank, foot, trunk) takes the knee's figure, a product choice: a joint angle combines two
 *   segments' errors, so one segment's is likely smaller.
 * The parts add as independent errors (root of the sum of squares). Where no part is known the
 * error is null and the app says it is not established.
 */
import type { MeasureId } from './measures.ts';
import type { SourceId } from './references.ts';
import { toJsonNumber } from './series.ts';
import type { GaitKind, ViewKind } from './types.ts';

/** The pose model's error of an angle measure in degrees (Stenum 2021), or null where none is taken. */
export function poseModelErrorDeg(id: MeasureId): number | null {
  return POSE_MODEL_DEG[id]?.deg ?? null;
}

/** Validated event timing error: one frame, and never less than the floor in ms (docs/validation.md). */
export const EVENT_TIMING_ERROR = { frames: 1, floorMs: 33 } as const;

/** The event timing error in ms at this sample rate. */
export function eventTimingErrorMs(sampleRateHz: number): number {
  return Math.max((EVENT_TIMING_ERROR.frames * 1000) / sampleRateHz, EVENT_TIMING_ERROR.floorMs);
}

/** Pose model error of an angle, deg (mean absolute error against markers), and whether it is the measure's own figure. */
const POSE_MODEL_DEG: Partial<Record<MeasureId, { deg: number; own: boolean }>> = {
  kneeFlexionAtIcDeg: { deg: 5.6, own: true },
  peakKneeFlexionStanceDeg: { deg: 5.6, own: true },
  hipExtensionAtToDeg: { deg: 4.0, own: true },
  shankAngleAtIcDeg: { deg: 5.6, own: false },
  footAngleAtIcDeg: { deg: 5.6, own: false },
  trunkLeanDeg: { deg: 5.6, own: false },
};

/** How a measure's timing part arises. */
type TimingKind = 'interval' | 'dutyFactor' | 'rhythm' | 'atEvent' | 'none';

const TIMING: Record<MeasureId, TimingKind> = {
  cadenceSpm: 'rhythm',
  stepTimeMs: 'rhythm',
  strideTimeMs: 'rhythm',
  trunkLeanDeg: 'none',
  stepWidthCm: 'none',
  kneeFlexionAtIcDeg: 'atEvent',
  peakKneeFlexionStanceDeg: 'none',
  shankAngleAtIcDeg: 'atEvent',
  footAheadOfHipAtIcCm: 'atEvent',
  footAheadOfHipAtIcPctLeg: 'atEvent',
  footAngleAtIcDeg: 'atEvent',
  hipExtensionAtToDeg: 'atEvent',
  verticalOscillationCm: 'none',
  verticalOscillationPctLeg: 'none',
  contactTimeMs: 'interval',
  flightTimeMs: 'interval',
  dutyFactorPct: 'dutyFactor',
  pelvicDropDeg: 'none',
  peakHipAdductionDeg: 'none',
  peakKneeFppaDeg: 'none',
  footMidlineOffsetAtIcCm: 'none',
  crossoverPct: 'none',
};

export interface MeasureError {
  /** Typical error of the value shown, in the measure's unit. */
  value: number;
  /** The part from event timing; null when it does not apply or is not validated. */
  timing: number | null;
  /** The pose model's part; null when none is published. */
  model: number | null;
  /** How it was obtained, in a sentence with its numbers. */
  text: string;
  sources: SourceId[];
}

/** What the clip gives for the timing part. */
export interface TimingContext {
  view: ViewKind;
  /** Running or walking, by the duty factor (metrics.ts); walking's events are not validated. */
  gait: GaitKind;
  sampleRateHz: number;
  /** The measure's value (its mean), for the rhythm measures' relative error. */
  value: number;
  /** Span of the contacts cadence was fitted to, ms (rhythm measures). */
  spanMs?: number | null;
  /** Mean stride time, ms (duty factor). */
  strideMs?: number | null;
  /** Mean change of the value's curve per sample at its event (values read at an event). */
  perSample?: number | null;
}

const f1 = (x: number) => (Math.abs(x) >= 10 ? x.toFixed(0) : x.toFixed(1));

function timingPart(kind: TimingKind, ctx: TimingContext): { value: number; text: string } | null {
  if (kind === 'none' || ctx.view !== 'sagittal' || ctx.gait === 'walking' || !(ctx.sampleRateHz > 0)) return null;
  const ms = eventTimingErrorMs(ctx.sampleRateHz);
  const fps = Math.round(ctx.sampleRateHz);
  const events = ms > 1000 / ctx.sampleRateHz ? `events within ${f1(ms)} ms at ${fps} fps` : `events within ${EVENT_TIMING_ERROR.frames} frame at ${fps} fps`;
  switch (kind) {
    case 'interval':
      return { value: ms, text: events };
    case 'dutyFactor':
      return ctx.strideMs ? { value: (100 * ms) / ctx.strideMs, text: `${events}, over a ${f1(ctx.strideMs)} ms stride` } : null;
    case 'rhythm':
      return ctx.spanMs ? { value: Math.abs(ctx.value) * ((2 * ms) / ctx.spanMs), text: `${events}, at both ends of ${f1(ctx.spanMs / 1000)} s of steps` } : null;
    case 'atEvent': {
      if (ctx.perSample === null || ctx.perSample === undefined || !Number.isFinite(ctx.perSample)) return null;
      const samples = (ms * ctx.sampleRateHz) / 1000;
      return { value: ctx.perSample * samples, text: `${events}, over which this clip's curve changes by that much` };
    }
  }
}

/** The error of a measure's value in this clip; null when neither part is known. */
export function measureError(id: MeasureId, unit: string, ctx: TimingContext): MeasureError | null {
  const timing = timingPart(TIMING[id], ctx);
  const model = POSE_MODEL_DEG[id] ?? null;
  if (!timing && !model) return null;
  const value = Math.hypot(timing?.value ?? 0, model?.deg ?? 0);
  const parts: string[] = [];
  const sources: SourceId[] = [];
  if (timing) {
    parts.push(`event timing ${f1(timing.value)} ${unit}: ${timing.text} (GaitLens validation)`);
    sources.push('gaitlensValidation');
  }
  if (model) {
    parts.push(`pose model ${model.deg.toFixed(1)} ${unit}: ${model.own ? 'against markers' : "the knee angle's figure against markers, applied to a segment angle"} (Stenum 2021)`);
    sources.push('stenum2021');
  }
  return {
    value: toJsonNumber(value, 2) ?? 0,
    timing: timing ? toJsonNumber(timing.value, 2) : null,
    model: model ? model.deg : null,
    text: `+/- ${f1(value)} ${unit}${parts.length > 1 ? ', combining ' : ' from '}${parts.join('; and ')}.`,
    sources,
  };
}
