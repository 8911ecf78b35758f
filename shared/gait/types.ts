/**
 * The gait analysis result and its options: plain JSON-serialisable data (null where unknown),
 * written into a visit's analysis.json and shown by the UI and the report.
 */
import type { MeasureError } from './measure-error.ts';
import type { NearFarCall } from './near-far.ts';
import type { SideMeasureId } from './measures.ts';
import type { SourceId } from './references.ts';
import type { FootTracking } from './foot-tracking.ts';

export type Side = 'left' | 'right';
export const SIDES = ['left', 'right'] as const satisfies readonly Side[];

/** Running (a flight phase) or walking (double support), told by the duty factor; unknown without complete strides. */
export type GaitKind = 'running' | 'walking' | 'unknown';

export type ViewKind = 'sagittal' | 'frontal';
/** Sagittal: the runner's side that faces the camera. Frontal: camera behind (rear) or in front. */
export type ViewSide = 'left' | 'right' | 'rear' | 'front';
/** Image direction the runner faces / moves in a side view. */
export type Direction = 'left' | 'right';

export type EventType = 'IC' | 'TO';

export interface ImagePoint {
  /** Normalised to frame width (0..1). */
  x: number;
  /** Normalised to frame height (0..1), down. */
  y: number;
}

export type CalibrationInput =
  | { kind: 'height'; heightCm: number }
  | { kind: 'knownLength'; lengthCm: number; a: ImagePoint; b: ImagePoint };

/**
 * The client's body measures on file. Without a calibration set by the clinician, the height
 * (else the leg length) calibrates the video (calibration.ts).
 */
export interface ClientBody {
  heightCm: number | null;
  legLengthCm: number | null;
}

export interface EventRef {
  side: Side;
  type: EventType;
  frame: number;
}

export interface FrameStretch {
  startFrame: number;
  endFrame: number;
}

/** Clinician corrections and overrides; analyseTrack recomputes everything from them. */
export interface AnalysisOptions {
  view?: { kind: ViewKind; side: ViewSide; direction?: Direction | null };
  calibration?: CalibrationInput;
  /** Capture rate confirmed by the clinician (slow-motion clips); rescales every time. */
  captureFps?: number;
  /** Strides left out of every summary, named by the side and frame of their initial contact. */
  excludedStrides?: { side: Side; icFrame: number }[];
  /** Events removed and added by hand (a moved event is a removal plus an addition). */
  eventEdits?: { add?: EventRef[]; remove?: EventRef[] };
  /** Stretches whose left/right leg labels the clinician swapped by hand (applied after the automatic fix). */
  swapStretches?: FrameStretch[];
  /**
   * Side view: the clinician's answer to "Is the highlighted leg the client's right leg?", as
   * whether the leg labels (after the stretch fixes) are to be exchanged for the whole clip. It
   * replaces the automatic near/far call; absent until answered.
   */
  legsConfirmed?: { exchanged: boolean };
  /** Values marked not reliable in this clip that the clinician included anyway (plausibility.ts). */
  includedValues?: { measureId: string; side: Side | null }[];
  /** Automatic left/right swap detection and fix; default true. */
  autoSwapFix?: boolean;
  /** Low-pass cutoff in Hz for the zero-phase Butterworth filter; default chosen from the capture rate. */
  filterCutoffHz?: number;
}

export type ConfidenceLevel = 'high' | 'moderate' | 'low';

export interface Confidence {
  /** 0..1 */
  score: number;
  level: ConfidenceLevel;
  factors: { visibility: number; occlusion: number; strides: number; spread: number };
}

/** What cadence and step time were measured over (gait/cadence.ts). */
export interface CadenceBasis {
  /** Steps spanned by the initial contacts used. */
  steps: number;
  spanMs: number;
  contactsUsed: number;
  /** Off the rhythm (spurious) or a second contact at one step. */
  contactsSetAside: number;
}

/** A measure summarised over strides; mean is null (with reasonIfAbsent) when evidence is too thin. */
export interface MetricSummary {
  mean: number | null;
  sd: number | null;
  n: number;
  unit: string;
  confidence: number;
  level: ConfidenceLevel;
  confidenceFactors: Confidence['factors'] | null;
  reasonIfAbsent: string | null;
  /** How far the mean may be off at this clip's frame rate (measure-error.ts); null when not established. */
  error: MeasureError | null;
  /** Set when the value cannot be right in this clip (plausibility.ts), with why; null when nothing is against it. */
  notReliable: NotReliable | null;
}

/** Why a value is not reliable in this clip, and whether the clinician included it anyway. */
export interface NotReliable {
  why: string;
  sources: SourceId[];
  /** The clinician included it: it counts in findings and the report like any value. */
  included: boolean;
}

/** A note on an angle curve, shown beside its chart (plausibility.ts). */
export interface CurveNote {
  side: Side;
  angle: 'kneeFlexionDeg';
  valueDeg: number;
  text: string;
  sources: SourceId[];
}

export interface GaitEvent {
  side: Side;
  type: EventType;
  /** The pipeline's 0-based decode-order frame index. */
  frame: number;
  tMs: number;
  origin: 'detected' | 'edited';
}

export interface StrideRecord {
  side: Side;
  icFrame: number;
  toFrame: number;
  nextIcFrame: number;
  excluded: boolean;
  /** Per-stride values keyed by measure id (null where unknown). */
  values: Record<string, number | null>;
}

export type FootStrike = 'rearfoot' | 'midfoot' | 'forefoot';

/** Every per-side measure of measures.ts (SIDE_MEASURES), present or absent with its reason. */
export type SideMetrics = Record<SideMeasureId, MetricSummary>;

export interface SymmetryEntry {
  measureId: string;
  left: number | null;
  right: number | null;
  /** |L - R| in the measure's unit. */
  differenceAbs: number | null;
  /** SI = |L - R| / (0.5 |L + R|) x 100; null when the means are too close to zero for a ratio. */
  symmetryIndexPct: number | null;
  reasonIfAbsent: string | null;
}

/** A value judged against a screening point (shared/gait/findings.ts THRESHOLDS). */
export interface Screening {
  cutOff: number;
  /** Which way of the cut-off counts: a value over it, or under it. */
  beyond: 'over' | 'under';
  /** Whether the value, as printed (one decimal), is beyond the cut-off. */
  crossed: boolean;
}

export interface TriggerValue {
  measureId: string;
  side: Side | null;
  /** What of the measure the value is: the value itself, the left-right difference, or the symmetry index (%). */
  quantity: 'value' | 'difference' | 'symmetryIndex';
  value: number;
  unit: string;
  /** The screening point it was judged against; null for a value given as context. */
  screening: Screening | null;
}

export interface ReferenceValue {
  text: string;
  sources: SourceId[];
}

export interface Finding {
  id: string;
  side: Side | null;
  title: string;
  plainText: string;
  clinicalText: string;
  triggeringValues: TriggerValue[];
  referenceValues: ReferenceValue[];
  confidence: number;
  level: ConfidenceLevel;
  sources: SourceId[];
}

export interface FindingNotEvaluated {
  ruleId: string;
  reason: string;
}

export type BilateralSeries = { left: (number | null)[]; right: (number | null)[] };

export interface AngleSeriesJson {
  kneeFlexionDeg: BilateralSeries;
  hipFlexionDeg: BilateralSeries;
  hipFlexionToTrunkDeg: BilateralSeries;
  ankleDorsiflexionDeg: BilateralSeries;
  shankAngleDeg: BilateralSeries;
  footAngleDeg: BilateralSeries;
  trunkLeanDeg: (number | null)[];
  pelvicObliquityDeg: (number | null)[];
  hipAdductionDeg: BilateralSeries;
  kneeFppaDeg: BilateralSeries;
}

export interface ViewResult {
  kind: ViewKind;
  side: ViewSide;
  direction: Direction | null;
  origin: 'detected' | 'override';
  /** What detection found, kept even when overridden. */
  detected: { kind: ViewKind; side: ViewSide; direction: Direction | null; confidence: number; notes: string[] };
}

export interface CalibrationResult {
  method: 'height' | 'legLength' | 'knownLength' | 'none';
  /** Who gave it: the clinician in the review (a height or a drawn length), or the client record on file; null without calibration. */
  origin: 'clinician' | 'clientRecord' | null;
  /** The height or leg length used (cm), or the drawn line's length; null without calibration. */
  referenceCm: number | null;
  pxPerCm: number | null;
  legLengthPx: number | null;
  legLengthCm: number | null;
  notes: string[];
}

export interface IdentityResult {
  autoStretches: FrameStretch[];
  framesChangedAuto: number;
  manualStretches: FrameStretch[];
  framesChangedManual: number;
  /** Side view: which labelled leg the image evidence puts nearest the camera (near-far.ts); null in a rear or front view. */
  nearFar: (NearFarCall & { exchanged: boolean }) | null;
  /**
   * Whether left and right are known: confirmed by the clinician, decided from the image when the
   * near/far call is firm, or unconfirmed (a side view whose call is not firm and that nobody
   * answered: left and right are named "near leg" and "far leg" until then). A rear or front view
   * takes the model's labels.
   */
  sides: 'confirmed' | 'automatic' | 'unconfirmed';
}

export interface CleaningResult {
  sampleRateHz: number;
  cutoffHz: number;
  filledSamples: number;
  outlierSamples: number;
  unknownSamples: number;
}

export interface GaitAnalysis {
  schemaVersion: 1;
  input: { frames: number; fileFps: number; captureFps: number; captureFpsOrigin: 'track' | 'override'; durationMs: number };
  view: ViewResult;
  gait: { kind: GaitKind; reason: string; dutyFactorPct: number | null };
  calibration: CalibrationResult;
  identity: IdentityResult;
  /** How well the pose model followed the feet; where it lost them, every value timed from the feet is marked not reliable (foot-tracking.ts). */
  footTracking: FootTracking;
  cleaning: CleaningResult;
  frames: { frame: number[]; tMs: number[] };
  /** Filtered angles, one value per frame (null where unknown). */
  angles: AngleSeriesJson;
  /** The same angles from the identity-fixed but otherwise unfiltered landmarks. */
  anglesRaw: AngleSeriesJson;
  events: GaitEvent[];
  strides: StrideRecord[];
  metrics: {
    cadenceSpm: MetricSummary;
    cadenceBasis: CadenceBasis | null;
    stepTimeMs: MetricSummary;
    strideTimeMs: MetricSummary;
    trunkLeanDeg: MetricSummary;
    stepWidthCm: MetricSummary;
    perSide: { left: SideMetrics; right: SideMetrics };
    footStrike: { left: Record<FootStrike, number>; right: Record<FootStrike, number> };
    symmetry: Record<string, SymmetryEntry>;
  };
  /** Notes on the angle curves (a knee reading hyperextended), shown beside the charts. */
  curveNotes: CurveNote[];
  findings: Finding[];
  findingsNotEvaluated: FindingNotEvaluated[];
}
