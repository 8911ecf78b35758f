/**
 * Timings for the benchmark (scripts/bench): decoding alone and pose detection alone, split
 * between the workers the same way analyseVideo splits the frames.
 */
import type { PoseModel } from '../../../shared/pose/track.ts';
import { AnalysisWorker, runtimeUrls, type ProbeResult } from './engine.ts';
import { DEFAULT_POSE_MODE, type SegmentJob, type TimingResult } from './protocol.ts';
import { framesInWindow, splitRange } from './timeline.ts';

export interface TimingOptions {
  url: string;
  startS?: number;
  endS?: number;
  workers: 1 | 2;
  /** The model gets every frame at full size (the engine before renderer/src/analysis/model-input.ts). */
  fullSizeModelInput?: boolean;
}

export interface WorkerTimings {
  /** Per worker: frames and ms from its first frame to its last. */
  workers: TimingResult[];
  /** All frames / the slowest worker's time, frames per second. */
  framesPerSecond: number;
}

function jobs(probed: ProbeResult, options: TimingOptions): SegmentJob[] {
  const url = new URL(options.url, document.baseURI).href;
  const parts = splitRange(framesInWindow(probed.timestamps, options.startS, options.endS), options.workers);
  const { probe, timestamps } = probed;
  return parts.map((part) => ({
    url,
    timestamps,
    ...part,
    rotation: probe.rotation,
    fileFps: probe.fileFps,
    captureFps: probe.fileFps,
    fullSizeModelInput: options.fullSizeModelInput,
  }));
}

const summarise = (workers: TimingResult[]): WorkerTimings => ({
  workers,
  framesPerSecond: (workers.reduce((sum, w) => sum + w.frames, 0) * 1000) / Math.max(...workers.map((w) => w.elapsedMs)),
});

const timing = (message: { type: string; timing?: TimingResult }) => (message.type === 'done' ? message.timing : undefined);

async function probeOnce(url: string): Promise<ProbeResult> {
  const worker = new AnalysisWorker();
  try {
    return await worker.request({ type: 'probe', url: new URL(url, document.baseURI).href }, (m) =>
      m.type === 'probed' ? { probe: m.probe, timestamps: m.timestamps } : undefined,
    );
  } finally {
    worker.terminate();
  }
}

/** Decoding alone: every frame decoded and closed, workers running at the same time. */
export async function timeDecoding(options: TimingOptions): Promise<WorkerTimings> {
  const segments = jobs(await probeOnce(options.url), options);
  const workers = segments.map(() => new AnalysisWorker());
  try {
    return summarise(await Promise.all(segments.map((job, k) => workers[k]!.request({ type: 'decode', job }, timing))));
  } finally {
    workers.forEach((worker) => worker.terminate());
  }
}

/**
 * Pose detection alone: each worker first decodes its frames into memory it owns, then all
 * workers start detecting at the same moment.
 */
export async function timeInference(options: TimingOptions & { model: PoseModel }): Promise<WorkerTimings> {
  const segments = jobs(await probeOnce(options.url), options);
  const workers = segments.map(() => new AnalysisWorker());
  try {
    workers.forEach((worker) => worker.send({ type: 'load', runtime: runtimeUrls(options.model), mode: DEFAULT_POSE_MODE, delegate: 'CPU' }));
    await Promise.all(segments.map((job, k) => workers[k]!.request({ type: 'inference', job }, (m) => (m.type === 'ready' ? true : undefined))));
    return summarise(await Promise.all(workers.map((worker) => worker.request({ type: 'go' }, timing))));
  } finally {
    workers.forEach((worker) => worker.terminate());
  }
}

/**
 * The whole analysis as analyseVideo runs it (decode, prepare, detect, post, in each worker),
 * timed stage by stage; the landmarks are dropped.
 */
export async function timeStages(options: TimingOptions & { model: PoseModel }): Promise<WorkerTimings> {
  const segments = jobs(await probeOnce(options.url), options);
  const workers = segments.map(() => new AnalysisWorker());
  try {
    workers.forEach((worker) => worker.send({ type: 'load', runtime: runtimeUrls(options.model), mode: DEFAULT_POSE_MODE, delegate: 'CPU' }));
    return summarise(await Promise.all(segments.map((job, k) => workers[k]!.request({ type: 'analyse', job }, timing))));
  } finally {
    workers.forEach((worker) => worker.terminate());
  }
}
