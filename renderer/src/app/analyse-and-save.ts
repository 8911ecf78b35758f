/** One analysis, as the visit screen and the headless command both run it: pose engine, then storage. */
import type { GaitLensApi } from '../../../shared/contract/api.ts';
import type { AnalysisSummary } from '../../../shared/contract/entities.ts';
import { analyseTrack } from '../../../shared/gait/analyse.ts';
import { heavyKeptBetter, type FootTracking, type HeavyRetry } from '../../../shared/gait/foot-tracking.ts';
import type { LandmarkTrack, PoseModel } from '../../../shared/pose/track.ts';
import { encodeTrack } from '../../../shared/pose/track-codec.ts';
import { AnalysisError, analyseVideo, type AnalyseOptions } from '../analysis/index.ts';

export interface AnalyseAndSaveOptions {
  visitVideoId: string;
  url: string;
  model: PoseModel;
  captureFps: number | null;
  startS: number;
  endS: number;
  /** Saves the analysis as this window's of an endurance run instead of as the video's newest. */
  runWindowId?: string;
  workers?: 1 | 2;
  /**
   * Where the model lost the feet (shared/gait/foot-tracking.ts), analyse the window again with the
   * heavy model and keep whichever followed the feet better (default true; the heavy model never retries).
   */
  retryHeavy?: boolean;
  signal?: AbortSignal;
  onProgress?: AnalyseOptions['onProgress'];
  onDelegate?: AnalyseOptions['onDelegate'];
  /** Called when the model lost the feet and the heavy model starts on the same window. */
  onRetry?: (first: { model: PoseModel; feet: FootTracking }) => void;
  /** Called when the pose pass is done and the analysis is being saved. */
  onSaving?: () => void;
}

export type AnalyseAndSaveOutcome =
  | { status: 'saved'; summary: AnalysisSummary; retry: HeavyRetry | null }
  | { status: 'no-pose'; frames: number }
  | { status: 'not-saved'; message: string };

const feetOf = (track: LandmarkTrack): FootTracking => analyseTrack(track).footTracking;

export async function analyseAndSave(api: GaitLensApi, options: AnalyseAndSaveOptions): Promise<AnalyseAndSaveOutcome> {
  const { visitVideoId, runWindowId, onSaving, onRetry, retryHeavy = true, ...engineOptions } = options;
  const first = await analyseVideo(engineOptions);
  if (!first.frames.some((f) => f.landmarks)) return { status: 'no-pose', frames: first.frames.length };
  let track = first;
  let retry: HeavyRetry | null = null;
  const feet = options.model === 'heavy' || !retryHeavy ? null : feetOf(first);
  if (feet?.lost) {
    onRetry?.({ model: options.model, feet });
    const heavy = await analyseVideo({ ...engineOptions, model: 'heavy' }).catch((error: unknown) => {
      // cancelled during the second pass: the first analysis is kept, its timing values marked
      if (error instanceof AnalysisError && error.code === 'cancelled') return null;
      throw error;
    });
    const heavyFeet = heavy && heavy.frames.some((f) => f.landmarks) ? feetOf(heavy) : null;
    const better = heavy !== null && heavyKeptBetter(feet, heavyFeet);
    if (better) track = heavy;
    retry = { first: { model: options.model, feet }, heavy: heavyFeet, kept: better ? 'heavy' : options.model };
  }
  onSaving?.();
  const saved = await api['analyses.save']({ visitVideoId, track: encodeTrack(track), startS: options.startS, endS: options.endS, ...(runWindowId ? { runWindowId } : {}) });
  return saved.ok ? { status: 'saved', summary: saved.value, retry } : { status: 'not-saved', message: saved.error.message };
}
