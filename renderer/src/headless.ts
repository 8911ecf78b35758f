/**
 * headless.html: the analysis engine without the UI, for the headless command, the end-to-end
 * tests and the benchmark. Sets `window.gaitlensEngine` and then `<body data-engine-ready>`.
 */
import { analyseVideo, AnalysisError, probeVideo } from './analysis/index.ts';
import { timeDecoding, timeInference } from './analysis/benchmark.ts';

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
};

export type GaitLensEngine = typeof engine;

declare global {
  interface Window {
    gaitlensEngine?: GaitLensEngine;
  }
}

window.gaitlensEngine = engine;
document.body.dataset.engineReady = 'true';
