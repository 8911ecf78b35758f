/**
 * The analysis engine's main-thread side: starts the workers, splits the frames between them,
 * joins their tracks in order, reports progress and cancels. No decoding or inference here.
 */
import type { LandmarkTrack, PoseFrame, PoseModel } from '../../../shared/pose/track.ts';
import { chooseDelegate, compareLandmarks, gpuFailed, DELEGATE_CHECK_FRAMES, isSoftwareRenderer, type DelegateChoice, type DelegateComparison, type PoseDelegate } from './delegate.ts';
import { AnalysisError, cancelled } from './errors.ts';
import { DEFAULT_POSE_MODE, MODEL_FILES, type PoseMode, type RuntimeUrls, type SegmentJob, type TimingResult, type VideoProbe, type WorkerRequest, type WorkerResponse } from './protocol.ts';
import { framesInWindow, splitRange, type FrameRange } from './timeline.ts';

export type { VideoProbe };

export interface AnalysisProgress {
  framesDone: number;
  framesTotal: number;
  /** Frames analysed per second since the first frame was analysed. */
  framesPerSecond: number;
  /** Estimated seconds until all frames are analysed (Infinity before the first frame). */
  secondsLeft: number;
  /** Each worker's share of the window: frames done and its total (they may run at different speeds). */
  parts: { done: number; total: number }[];
}

export interface AnalyseOptions {
  /** The video's URL (relative to the page, e.g. "media/<mediaId>"). */
  url: string;
  model?: PoseModel;
  /** How the landmarker runs over the frames (protocol.ts). */
  poseMode?: PoseMode;
  /** Frames per second at which the clip was filmed; defaults to the file's rate (slow motion: 120, 240). */
  captureFps?: number | null;
  /** Time window in file seconds from the first frame: [startS, endS). */
  startS?: number;
  endS?: number;
  /** Workers (each with its own landmarker); defaults to 2 where the computer has 2 cores or more. */
  workers?: 1 | 2;
  /**
   * Where the pose model runs (delegate.ts): 'auto' (the default) checks a real graphics processor
   * against the CPU on the clip's first frames and uses it if it agrees; 'CPU' and 'GPU' run there
   * unchecked (the benchmark and the validation, which measure one or the other).
   */
  delegate?: 'auto' | PoseDelegate;
  /** Told where the pose model runs, and why, before the first frame is analysed. */
  onDelegate?: (choice: DelegateChoice) => void;
  signal?: AbortSignal;
  onProgress?: (progress: AnalysisProgress) => void;
}

const absolute = (path: string) => new URL(path, document.baseURI).href;

export const runtimeUrls = (model: PoseModel): RuntimeUrls => ({
  wasmLoader: absolute('mediapipe/vision_wasm_module_internal.js'),
  wasmBinary: absolute('mediapipe/vision_wasm_module_internal.wasm'),
  model: absolute(MODEL_FILES[model]),
});

/** One worker with a typed request/response channel; terminate() stops it at once. */
export class AnalysisWorker {
  private readonly worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'gaitlens-analysis' });
  private listener: ((message: WorkerResponse) => void) | null = null;
  private failure: AnalysisError | null = null;

  constructor() {
    this.worker.onmessage = (event: MessageEvent<WorkerResponse>) => this.listener?.(event.data);
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.failure = new AnalysisError('internal', `The analysis worker stopped: ${event.message || 'it could not start'}.`);
      this.listener?.({ type: 'error', error: { code: this.failure.code, message: this.failure.message } });
    };
  }

  send(request: WorkerRequest): void {
    this.worker.postMessage(request);
  }

  /** Sends a request and resolves with the first response `pick` accepts; other messages go to `onOther`. */
  request<T>(request: WorkerRequest | null, pick: (message: WorkerResponse) => T | undefined, onOther: (message: WorkerResponse) => void = () => {}): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      this.listener = (message) => {
        if (message.type === 'error') return reject(new AnalysisError(message.error.code, message.error.message, message.error.codec ?? null));
        const picked = pick(message);
        if (picked !== undefined) resolve(picked);
        else onOther(message);
      };
      if (request) this.send(request);
    });
  }

  terminate(): void {
    this.listener = null;
    this.worker.terminate();
  }
}

/** Resolves `work`, or rejects with 'cancelled' as soon as the signal aborts (then `stop` runs). */
async function cancellable<T>(signal: AbortSignal | undefined, stop: () => void, work: Promise<T>): Promise<T> {
  if (signal?.aborted) {
    stop();
    throw cancelled();
  }
  let onAbort = () => {};
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => {
      stop();
      reject(cancelled());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
  try {
    return await Promise.race([work, aborted]);
  } finally {
    signal?.removeEventListener('abort', onAbort);
  }
}

export interface ProbeResult {
  probe: VideoProbe;
  timestamps: Float64Array;
}

function probeWith(worker: AnalysisWorker, url: string): Promise<ProbeResult> {
  return worker.request({ type: 'probe', url: absolute(url) }, (message) =>
    message.type === 'probed' ? { probe: message.probe, timestamps: message.timestamps } : undefined,
  );
}

/** Reads the video's container (no decoding): codec, size after rotation, frame count and rates. */
export async function probeVideo(url: string, signal?: AbortSignal): Promise<VideoProbe> {
  const worker = new AnalysisWorker();
  try {
    return (await cancellable(signal, () => worker.terminate(), probeWith(worker, url))).probe;
  } finally {
    worker.terminate();
  }
}

const defaultWorkers = (): 1 | 2 => ((navigator.hardwareConcurrency ?? 1) >= 2 ? 2 : 1);

/** The window's frames, split between the workers (no split for tiny windows). */
function plan(timestamps: Float64Array, options: Pick<AnalyseOptions, 'startS' | 'endS' | 'workers'>): { range: FrameRange; parts: FrameRange[] } {
  const range = framesInWindow(timestamps, options.startS, options.endS);
  const workers = options.workers ?? defaultWorkers();
  return { range, parts: splitRange(range, range.end - range.start < 16 ? 1 : workers) };
}

function checkCaptureFps(captureFps: number | null | undefined, fileFps: number): number {
  if (captureFps === null || captureFps === undefined) return fileFps;
  if (!(captureFps > 0) || !Number.isFinite(captureFps)) {
    throw new AnalysisError('invalid-window', `The capture frame rate must be a positive number of frames per second (got ${captureFps}).`);
  }
  return captureFps;
}

/**
 * The job's first DELEGATE_CHECK_FRAMES frames through a CPU and a GPU landmarker (IMAGE mode),
 * each in a worker of its own (a second landmarker cannot load in the same worker: tasks-vision's
 * WASM loader runs once), their landmarks compared. The workers are listed in `checkers`, for the
 * caller to end.
 */
async function checkGpu(runtime: RuntimeUrls, job: SegmentJob, checkers: AnalysisWorker[]): Promise<DelegateComparison> {
  const first = { ...job, end: Math.min(job.end, job.start + DELEGATE_CHECK_FRAMES) };
  const [cpu, gpu] = await Promise.all(
    (['CPU', 'GPU'] as const).map(async (delegate) => {
      const worker = new AnalysisWorker();
      checkers.push(worker);
      worker.send({ type: 'load', runtime, mode: 'per-frame', delegate });
      const frames: PoseFrame[] = [];
      await worker.request<TimingResult>(
        { type: 'analyse', job: first },
        (message) => (message.type === 'done' ? message.timing : undefined),
        (message) => {
          if (message.type === 'frames') frames.push(...message.frames);
        },
      );
      return frames;
    }),
  );
  return compareLandmarks(cpu!.map((frame, k) => [frame.landmarks, gpu![k]?.landmarks ?? null] as const));
}

/** The check analyseVideo makes of a real graphics processor, made on request (on any renderer) over the window's first frames. */
export async function compareDelegates(options: Pick<AnalyseOptions, 'url' | 'model' | 'startS' | 'endS' | 'captureFps'>): Promise<DelegateComparison> {
  const prober = new AnalysisWorker();
  const checkers: AnalysisWorker[] = [];
  try {
    const { probe, timestamps } = await probeWith(prober, options.url);
    const { range } = plan(timestamps, { ...options, workers: 1 });
    const job: SegmentJob = { url: absolute(options.url), timestamps, ...range, rotation: probe.rotation, fileFps: probe.fileFps, captureFps: checkCaptureFps(options.captureFps, probe.fileFps) };
    return await checkGpu(runtimeUrls(options.model ?? 'full'), job, checkers);
  } finally {
    [prober, ...checkers].forEach((worker) => worker.terminate());
  }
}

/**
 * Runs pose detection on every frame of the window and returns the landmark track, frames in
 * order, each with its index in the whole file and its capture time.
 */
export async function analyseVideo(options: AnalyseOptions): Promise<LandmarkTrack> {
  const model = options.model ?? 'full';
  const runtime = runtimeUrls(model);
  const workers: AnalysisWorker[] = [new AnalysisWorker()];
  /** The workers that check a graphics processor against the CPU, while they run. */
  const checkers: AnalysisWorker[] = [];
  const stopAll = () => [...workers, ...checkers].forEach((worker) => worker.terminate());
  try {
    return await cancellable(options.signal, stopAll, run());
  } finally {
    stopAll();
  }

  async function run(): Promise<LandmarkTrack> {
    const mode = options.poseMode ?? DEFAULT_POSE_MODE;
    const requested = options.delegate ?? 'auto';
    const count = options.workers ?? defaultWorkers();
    const renderer = await workers[0]!.request({ type: 'renderer' }, (message) => (message.type === 'renderer' ? message.renderer : undefined));
    const check = requested === 'auto' && renderer !== null && !isSoftwareRenderer(renderer);
    const load = (delegate: PoseDelegate) => {
      workers[0]!.send({ type: 'load', runtime, mode, delegate });
      if (count === 2) {
        workers.push(new AnalysisWorker());
        workers[1]!.send({ type: 'load', runtime, mode, delegate });
      }
    };
    // Without a graphics processor to check, the model loads while the container is read, in both workers at once.
    let choice: DelegateChoice | null = null;
    if (!check) {
      choice = requested === 'GPU' ? chooseDelegate(renderer, null, 'GPU') : chooseDelegate(renderer, null);
      load(choice.delegate);
    }
    const { probe, timestamps } = await probeWith(workers[0]!, options.url);
    const captureFps = checkCaptureFps(options.captureFps, probe.fileFps);
    const { range, parts } = plan(timestamps, options);
    const url = absolute(options.url);
    const jobOf = (part: FrameRange): SegmentJob => ({ url, timestamps, ...part, rotation: probe.rotation, fileFps: probe.fileFps, captureFps });
    if (!choice) {
      // a graphics processor that cannot run the model at all leaves it to the processor, with the reason
      choice = await checkGpu(runtime, jobOf(range), checkers).then(
        (comparison) => chooseDelegate(renderer, comparison),
        (error: unknown) => gpuFailed(renderer, error instanceof Error ? error.message : String(error)),
      );
      checkers.splice(0).forEach((worker) => worker.terminate());
      load(choice.delegate);
    }
    options.onDelegate?.(choice);
    const total = range.end - range.start;
    const results: PoseFrame[][] = parts.map(() => []);
    const partTotals = parts.map((p) => p.end - p.start);
    let done = 0;
    let firstFrameAt = 0;
    const report = (frames: PoseFrame[], part: number) => {
      results[part]!.push(...frames);
      if (done === 0) firstFrameAt = performance.now();
      done += frames.length;
      const seconds = (performance.now() - firstFrameAt) / 1000;
      const framesPerSecond = seconds > 0 ? done / seconds : 0;
      options.onProgress?.({
        framesDone: done,
        framesTotal: total,
        framesPerSecond,
        secondsLeft: framesPerSecond > 0 ? (total - done) / framesPerSecond : Infinity,
        parts: results.map((r, k) => ({ done: r.length, total: partTotals[k]! })),
      });
    };
    await Promise.all(
      parts.map((part, k) =>
        workers[k]!.request<TimingResult>(
          { type: 'analyse', job: jobOf(part) },
          (message) => (message.type === 'done' ? message.timing : undefined),
          (message) => {
            if (message.type === 'frames') report(message.frames, k);
          },
        ),
      ),
    );
    return {
      video: {
        width: probe.width,
        height: probe.height,
        rotation: probe.rotation,
        frames: probe.frames,
        fileFps: probe.fileFps,
        captureFps,
        durationS: probe.durationS,
      },
      model,
      frames: results.flat(),
    };
  }
}
