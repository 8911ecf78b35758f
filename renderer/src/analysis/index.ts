/**
 * The analysis engine: every frame of a video to a landmark track, in Web Workers.
 * See docs/analysis-engine.md.
 */
export { analyseVideo, compareDelegates, probeVideo, type AnalyseOptions, type AnalysisProgress } from './engine.ts';
export { AnalysisError, type AnalysisErrorCode } from './errors.ts';
export type { VideoProbe } from './protocol.ts';
