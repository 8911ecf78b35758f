/**
 * The one entry: a landmark track plus the clinician's options in, a GaitAnalysis out.
 * Pipeline: time base (capture fps) -> landmarks in pixels -> left/right identity (automatic
 * fix, then manual swaps) -> cleaning (outliers, gaps, zero-phase low-pass) -> view (detected or
 * overridden) -> orientation (side view: runner faces +x) -> calibration -> angles (raw and
 * filtered) -> events (+ edits) -> strides and measures -> symmetry -> findings.
 * Pure and deterministic: the same track and options give the same result.
 */
import type { LandmarkTrack } from '../pose/track.ts';
import { anglesToJson, computeAngles } from './angles.ts';
import { extractBody, mirrorX } from './body.ts';
import { FEET_LOST_GAIT_REASON, footTracking } from './foot-tracking.ts';
import { calibrate, segmentLengthsPx } from './calibration.ts';
import { detectEvents, eventList } from './events.ts';
import { cleanBody, cutoffForRate } from './filters.ts';
import { evaluateFindings, legNames } from './findings.ts';
import { applyLegSwap, detectLegSwaps, stretchesToMask } from './identity.ts';
import { nearFarCall, swapShankPixels } from './near-far.ts';
import { mirrorShoeMotion, shoeMotion, swapShoeMotion, usableShoeMotion } from './shoe-motion.ts';
import { SIDE_MEASURES } from './measures.ts';
import { computeMetrics } from './metrics.ts';
import { toJsonNumber } from './series.ts';
import { symmetryOf } from './symmetry.ts';
import { curveNotes, marked, trusted, trustedSide } from './plausibility.ts';
import { SIDES } from './types.ts';
import type { AnalysisOptions, ClientBody, GaitAnalysis, Side, SideMetrics, ViewResult } from './types.ts';
import { detectView } from './view.ts';

/**
 * Confidence of the near/far call (near-far.ts) above which the labels are exchanged for the whole
 * clip without asking. Every cue must point the same way at more than two thirds of full strength:
 * on the shared clips the cues agree with the model's labels (docs/validation.md).
 */
export const AUTO_EXCHANGE_CONFIDENCE = 0.67;

/** Outlier floor as a fraction of leg length: smaller deviations are never called outliers. */
const OUTLIER_FLOOR_LEG = 0.03;

/**
 * `client` is the client's body measures on file: without a calibration in `options`, its height
 * (else leg length) calibrates the video.
 */
export function analyseTrack(track: LandmarkTrack, options: AnalysisOptions = {}, client: ClientBody | null = null): GaitAnalysis {
  const { width, height } = track.video;
  const trackFps = track.video.captureFps;
  const captureFps = options.captureFps && options.captureFps > 0 ? options.captureFps : trackFps;
  const scale = trackFps / captureFps;
  const frameIndex = track.frames.map((f) => f.i);
  const tMs = track.frames.map((f) => f.tMs * scale);
  const n = track.frames.length;
  const durationMs = n > 1 ? tMs[n - 1]! - tMs[0]! : 0;
  const sampleRateHz = n > 1 && durationMs > 0 ? ((n - 1) * 1000) / durationMs : captureFps;

  const raw0 = extractBody(track);
  const legGuess = segmentLengthsPx(raw0, 'frontal', null).legLength;
  const auto = options.autoSwapFix === false ? null : detectLegSwaps(raw0, legGuess, frameIndex, sampleRateHz);
  const afterAuto = auto ? applyLegSwap(raw0, auto.swapped) : raw0;
  const manualMask = stretchesToMask(options.swapStretches ?? [], frameIndex);
  const raw = applyLegSwap(afterAuto, manualMask);

  const cutoffHz = options.filterCutoffHz && options.filterCutoffHz > 0 ? Math.min(options.filterCutoffHz, 0.45 * sampleRateHz) : cutoffForRate(sampleRateHz);
  const cleaned = cleanBody(raw, { sampleRateHz, cutoffHz, outlierFloorPx: OUTLIER_FLOOR_LEG * (legGuess || 0) });

  const detected = detectView(cleaned.filtered, tMs);
  const ov = options.view;
  const view: ViewResult = {
    kind: ov?.kind ?? detected.kind,
    side: ov?.side ?? detected.side,
    direction: ov ? (ov.kind === 'sagittal' ? (ov.direction ?? (ov.side === 'left' ? 'left' : 'right')) : null) : detected.direction,
    origin: ov ? 'override' : 'detected',
    detected: { kind: detected.kind, side: detected.side, direction: detected.direction, confidence: toJsonNumber(detected.confidence) ?? 0, notes: detected.notes },
  };
  const nearSide: Side | null = view.kind === 'sagittal' && (view.side === 'left' || view.side === 'right') ? view.side : null;
  // the side facing the camera is fixed by the direction; when the image evidence puts the other label's leg near, the labels are exchanged for the whole clip
  const labelMask = auto ? auto.swapped.map((swapped, k) => swapped !== manualMask[k]) : manualMask;
  const shanks = { pixels: swapShankPixels(track.frames.map((f) => f.shanks), labelMask), tMs };
  const call = nearSide ? nearFarCall(raw, legGuess, shanks) : null;
  const firm = call !== null && call.near !== null && call.confidence >= AUTO_EXCHANGE_CONFIDENCE;
  const confirmed = nearSide ? options.legsConfirmed : undefined;
  const exchanged = confirmed ? confirmed.exchanged : firm && call.near !== nearSide;
  const sides: GaitAnalysis['identity']['sides'] = !nearSide ? 'automatic' : confirmed ? 'confirmed' : firm ? 'automatic' : 'unconfirmed';
  const identityFixed = (b: typeof raw) => (exchanged ? applyLegSwap(b, new Array<boolean>(n).fill(true)) : b);
  const flip = view.kind === 'sagittal' && view.direction === 'left';
  const orient = (b: typeof raw) => (flip ? mirrorX(identityFixed(b), width) : identityFixed(b));
  const filtered = orient(cleaned.filtered);
  const filled = orient(cleaned.filled);
  const rawOriented = orient(raw);
  const labelledMotion = swapShoeMotion(shoeMotion(track), exchanged ? labelMask.map((swapped) => !swapped) : labelMask);
  const motion = usableShoeMotion(flip ? mirrorShoeMotion(labelledMotion) : labelledMotion, rawOriented, filtered);

  const seg = segmentLengthsPx(filtered, view.kind, nearSide);
  const feet = footTracking(raw, seg.legLength, sampleRateHz);
  const calibration = calibrate(seg, options.calibration, { width, height }, view.kind, client);
  const angles = computeAngles(filtered, view.kind);
  const anglesRaw = computeAngles(rawOriented, view.kind);

  const detection = detectEvents({ filtered, filled, view: view.kind, legLengthPx: seg.legLength, model: track.model, shoeMotion: motion });
  const events = eventList(detection, frameIndex, tMs, options.eventEdits);
  const metrics = computeMetrics({
    view: view.kind,
    nearSide,
    events,
    frameIndex,
    tMs,
    angles,
    body: filtered,
    pxPerCm: calibration.pxPerCm,
    legLengthPx: calibration.legLengthPx,
    excluded: options.excludedStrides ?? [],
    expectedStepMs: detection.stridePeriodFrames ? (500 * detection.stridePeriodFrames) / sampleRateHz : null,
  });
  // values the clip cannot have measured right are marked; findings and symmetry use only the trusted ones
  const farSide: Side | null = nearSide === null ? null : nearSide === 'left' ? 'right' : 'left';
  const included = options.includedValues ?? [];
  const perSide = Object.fromEntries(
    SIDES.map((side) => [
      side,
      Object.fromEntries(SIDE_MEASURES.map((id) => [id, marked(id, side, metrics.perSide[side][id], side === farSide ? 'far' : side === nearSide ? 'near' : null, view.kind, included, feet)])),
    ]),
  ) as Record<Side, SideMetrics>;
  const whole = <K extends 'cadenceSpm' | 'stepTimeMs' | 'strideTimeMs' | 'trunkLeanDeg' | 'stepWidthCm'>(id: K) => marked(id, null, metrics[id], null, view.kind, included, feet);
  const cadenceSpm = whole('cadenceSpm');
  const trunkLeanDeg = whole('trunkLeanDeg');
  const trustedSides = { left: trustedSide(perSide.left), right: trustedSide(perSide.right) };
  // running or walking is told by the duty factor, timed from the feet
  const gait: GaitAnalysis['gait'] = feet.lost ? { kind: 'unknown', reason: FEET_LOST_GAIT_REASON, dutyFactorPct: metrics.gait.dutyFactorPct } : metrics.gait;
  const symmetry = symmetryOf(SIDE_MEASURES, trustedSides.left, trustedSides.right);
  const { findings, notEvaluated } = evaluateFindings({
    view: view.kind,
    gait: gait.kind,
    dutyFactorPct: metrics.gait.dutyFactorPct,
    calibrated: calibration.pxPerCm !== null,
    cadenceSpm: trusted(cadenceSpm),
    cycleCadenceSpm: detection.stridePeriodFrames ? (120 * sampleRateHz) / detection.stridePeriodFrames : null,
    feetLost: feet.lost,
    farSide,
    names: legNames(nearSide, sides !== 'unconfirmed'),
    trunkLeanDeg: trusted(trunkLeanDeg),
    perSide: trustedSides,
    symmetry,
  });

  return {
    schemaVersion: 1,
    input: {
      frames: n,
      fileFps: track.video.fileFps,
      captureFps,
      captureFpsOrigin: captureFps === trackFps ? 'track' : 'override',
      durationMs: toJsonNumber(durationMs, 1) ?? 0,
    },
    view,
    gait,
    calibration: {
      ...calibration,
      pxPerCm: toJsonNumber(calibration.pxPerCm ?? Number.NaN, 4),
      legLengthPx: toJsonNumber(calibration.legLengthPx ?? Number.NaN, 1),
      legLengthCm: toJsonNumber(calibration.legLengthCm ?? Number.NaN, 1),
    },
    identity: {
      autoStretches: auto?.stretches ?? [],
      framesChangedAuto: auto?.framesChanged ?? 0,
      manualStretches: options.swapStretches ?? [],
      framesChangedManual: manualMask.filter(Boolean).length,
      nearFar: call && { ...call, exchanged },
      sides,
    },
    footTracking: feet,
    cleaning: { sampleRateHz: toJsonNumber(sampleRateHz, 3) ?? 0, cutoffHz: toJsonNumber(cutoffHz, 3) ?? 0, ...cleaned.report },
    frames: { frame: frameIndex, tMs: tMs.map((t) => toJsonNumber(t, 3) ?? 0) },
    angles: anglesToJson(angles),
    anglesRaw: anglesToJson(anglesRaw),
    events: events.map((e) => ({ ...e, tMs: toJsonNumber(e.tMs, 3) ?? 0 })),
    strides: metrics.strides,
    metrics: {
      cadenceSpm,
      cadenceBasis: metrics.cadenceBasis,
      stepTimeMs: whole('stepTimeMs'),
      strideTimeMs: whole('strideTimeMs'),
      trunkLeanDeg,
      stepWidthCm: whole('stepWidthCm'),
      perSide,
      footStrike: metrics.footStrike,
      symmetry,
    },
    curveNotes: view.kind === 'sagittal' ? curveNotes(angles.kneeFlexionDeg, metrics.strides, frameIndex, tMs) : [],
    findings,
    findingsNotEvaluated: notEvaluated,
  };
}
