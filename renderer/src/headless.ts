/**
 * headless.html: the analysis engine without the UI, for the headless command, the end-to-end
 * tests and the benchmark. Sets `window.gaitlensEngine` and then `<body data-engine-ready>`.
 */
import { analyseVideo, AnalysisError, compareDelegates, probeVideo, type VideoProbe } from './analysis/index.ts';
import { timeDecoding, timeInference, timeStages } from './analysis/benchmark.ts';
import { connect } from './api/transport.ts';
import { analyseAndSave, type AnalyseAndSaveOptions, type AnalyseAndSaveOutcome } from './app/analyse-and-save.ts';
import type { AnalysisErrorCode } from './analysis/errors.ts';

const longTasks: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push(entry.duration);
}).observe({ type: 'longtask', buffered: true });

const engine = {
  probeVideo,
  analyseVideo,
  compareDelegates,
  AnalysisError,
  timeDecoding,
  timeInference,
  timeStages,
  /** Durations (ms) of the main thread's long tasks (over 50 ms) since the last call. */
  takeLongTasks: (): number[] => longTasks.splice(0),
  /** Probes a stored video as the visit page does; the engine's errors come back as an outcome with their code. */
  checkVideo: async (mediaId: string): Promise<{ status: 'ok'; probe: VideoProbe } | { status: 'failed'; code: AnalysisErrorCode; codec: string | null; message: string }> => {
    try {
      return { status: 'ok', probe: await probeVideo(`media/${encodeURIComponent(mediaId)}`) };
    } catch (error) {
      if (error instanceof AnalysisError) return { status: 'failed', code: error.code, codec: error.codec, message: error.message };
      throw error;
    }
  },
  /**
   * The Analyse button's path for a stored video (the headless command): engine, then the API's
   * save. The engine's own errors come back as an outcome with their code, not as an exception.
   */
  analyseAndSave: async ({
    mediaId,
    endS,
    ...options
  }: Omit<AnalyseAndSaveOptions, 'url' | 'endS'> & { mediaId: string; endS: number | null }): Promise<AnalyseAndSaveOutcome | { status: 'failed'; code: AnalysisErrorCode; message: string }> => {
    const url = `media/${encodeURIComponent(mediaId)}`;
    try {
      return await analyseAndSave(connect().api, { ...options, url, endS: endS ?? (await probeVideo(url)).durationS });
    } catch (error) {
      if (error instanceof AnalysisError) return { status: 'failed', code: error.code, message: error.message };
      throw error;
    }
  },
};

export type GaitLensEngine = typeof engine;

declare global {
  interface Window {
    gaitlensEngine?: GaitLensEngine;
  }
}

window.gaitlensEngine = engine;
document.body.dataset.engineReady = 'true';
