/** Messages between the main thread (engine.ts) and an analysis worker (worker.ts). */
import type { CaptureRateProposal } from '../../../shared/pose/capture-rate.ts';
import type { PoseFrame, PoseModel } from '../../../shared/pose/track.ts';
import type { PoseDelegate } from './delegate.ts';
import type { SerialisedError } from './errors.ts';

export interface VideoProbe {
  /** mediabunny's codec id: 'avc' (H.264), 'hevc', 'vp8', 'vp9', 'av1', ... */
  codec: string;
  /** Width and height after rotation (as the clinician sees the frame). */
  width: number;
  height: number;
  rotation: 0 | 90 | 180 | 270;
  frames: number;
  fileFps: number;
  durationS: number;
  variableFrameRate: boolean;
  /** The capture rate the file states (a phone's slow-motion tag, a high stored rate), for the clinician to confirm. */
  captureRate: CaptureRateProposal | null;
}

/** Absolute URLs of the runtime files (workers resolve relative URLs against their own script). */
export interface RuntimeUrls {
  wasmLoader: string;
  wasmBinary: string;
  model: string;
}

/**
 * How PoseLandmarker runs over the frames (docs/validation.md, experiment 1):
 *   'tracking-smoothed'  VIDEO mode, one pose: the region is tracked from frame to frame and
 *                        MediaPipe's own landmark smoothing (a One Euro filter) is applied;
 *   'tracking'           VIDEO mode asking for two poses, which turns that smoothing off; the
 *                        pose that continues the previous frame's is kept;
 *   'per-frame'          IMAGE mode: the person detector on every frame, nothing carried over.
 */
export type PoseMode = 'tracking-smoothed' | 'tracking' | 'per-frame';

export const DEFAULT_POSE_MODE: PoseMode = 'tracking-smoothed';

export interface SegmentJob {
  url: string;
  /** Presentation timestamps (s) of every frame of the file. */
  timestamps: Float64Array;
  start: number;
  end: number;
  rotation: VideoProbe['rotation'];
  fileFps: number;
  captureFps: number;
  /** Benchmark only: the model gets every frame at full size, as before model-input.ts, for a before and after in one run. */
  fullSizeModelInput?: boolean;
}

export type WorkerRequest =
  | { type: 'load'; runtime: RuntimeUrls; mode: PoseMode; delegate: PoseDelegate }
  /** The WebGL renderer this worker would draw with (delegate.ts). */
  | { type: 'renderer' }
  | { type: 'probe'; url: string }
  | { type: 'analyse'; job: SegmentJob }
  | { type: 'decode'; job: SegmentJob }
  | { type: 'inference'; job: SegmentJob }
  /** Benchmark: start timing inference on the frames decoded for the 'inference' job. */
  | { type: 'go' };

/** Frames analysed since the previous message, sent in small batches so that no message is big. */
export interface FramesMessage {
  type: 'frames';
  frames: PoseFrame[];
}

export interface TimingResult {
  frames: number;
  /** From the first frame's start to the last frame's end, ms (model loading excluded). */
  elapsedMs: number;
  /** Where an analysis worker's time went, ms summed over its frames (docs/benchmarks.md, "Where the time goes"). */
  stages?: StageTimes;
}

export interface StageTimes {
  /** Waiting for the next decoded frame (demuxing and decoding, as far as they do not run ahead). */
  decodeMs: number;
  /** Turning and scaling the frame into the model's input picture. */
  prepareMs: number;
  /** PoseLandmarker.detectForVideo / detect. */
  inferenceMs: number;
  /** Reading the shanks' pixels where the landmarks place them (shared/pose/shank-pixels.ts). */
  pixelsMs: number;
  /** Posting the landmarks to the page. */
  postMs: number;
}

export type WorkerResponse =
  | { type: 'loaded' }
  | { type: 'renderer'; renderer: string | null }
  | { type: 'probed'; probe: VideoProbe; timestamps: Float64Array }
  | FramesMessage
  | { type: 'ready' }
  | { type: 'done'; timing: TimingResult }
  | { type: 'error'; error: SerialisedError };

export const MODEL_FILES: Record<PoseModel, string> = {
  lite: 'models/pose_landmarker_lite.task',
  full: 'models/pose_landmarker_full.task',
  heavy: 'models/pose_landmarker_heavy.task',
};
