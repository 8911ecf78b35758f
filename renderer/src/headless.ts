/**
 * headless.html: the analysis engine without the UI, for the headless command, the end-to-end
 * tests and the benchmark. Sets `window.gaitlensEngine` and then `<body data-engine-ready>`.
 */
import { analyseVideo, AnalysisError, probeVideo } from './analysis/index.ts';
import { timeDecoding, timeInference } from './analysis/benchmark.ts';
import { connect } from './api/transport.ts';
import { analyseAndSave, type AnalyseAndSaveOptions } from './app/analyse-and-save.ts';

const longTasks: number[] = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) longTasks.push(entry.duration);
}).observe({ type: 'longtask', buffered: true });

const engine = {
  probeVideo,
  analyseVideo,
  AnalysisError,
  timeDecoding,
  timeInference,
  /** Durations (ms) of the main thread's long tasks (over 50 ms) since the last call. */
  takeLongTasks: (): number[] => longTasks.splice(0),
  /** The Analyse button's path for a stored video (the headless command): engine, then the API's save. */
  analyseAndSave: async ({ mediaId, endS, ...options }: Omit<AnalyseAndSaveOptions, 'url' | 'endS'> & { mediaId: string; endS: number | null }) => {
    const url = `media/${encodeURIComponent(mediaId)}`;
    return analyseAndSave(connect().api, { ...options, url, endS: endS ?? (await probeVideo(url)).durationS });
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
