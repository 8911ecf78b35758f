/** One analysis, as the visit screen and the headless command both run it: pose engine, then storage. */
import type { GaitLensApi } from '../../../shared/contract/api.ts';
import type { AnalysisSummary } from '../../../shared/contract/entities.ts';
import type { PoseModel } from '../../../shared/pose/track.ts';
import { encodeTrack } from '../../../shared/pose/track-codec.ts';
import { analyseVideo, type AnalyseOptions } from '../analysis/index.ts';

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
  signal?: AbortSignal;
  onProgress?: AnalyseOptions['onProgress'];
  onDelegate?: AnalyseOptions['onDelegate'];
  /** Called when the pose pass is done and the analysis is being saved. */
  onSaving?: () => void;
}

export type AnalyseAndSaveOutcome =
  | { status: 'saved'; summary: AnalysisSummary }
  | { status: 'no-pose'; frames: number }
  | { status: 'not-saved'; message: string };

export async function analyseAndSave(api: GaitLensApi, options: AnalyseAndSaveOptions): Promise<AnalyseAndSaveOutcome> {
  const { visitVideoId, runWindowId, onSaving, ...engineOptions } = options;
  const track = await analyseVideo(engineOptions);
  if (!track.frames.some((f) => f.landmarks)) return { status: 'no-pose', frames: track.frames.length };
  onSaving?.();
  const saved = await api['analyses.save']({ visitVideoId, track: encodeTrack(track), startS: options.startS, endS: options.endS, ...(runWindowId ? { runWindowId } : {}) });
  return saved.ok ? { status: 'saved', summary: saved.value } : { status: 'not-saved', message: saved.error.message };
}
