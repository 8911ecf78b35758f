/**
 * An analysis worker (an ES-module Web Worker): demuxes with mediabunny, decodes with WebCodecs
 * and runs one PoseLandmarker (VIDEO mode, one pose; on the CPU, or the GPU where delegate.ts
 * chose it) on its share of the frames.
 * Everything heavy happens here, so the page stays responsive.
 */
import { PoseLandmarker, type PoseLandmarkerResult } from '@mediapipe/tasks-vision';
import { ALL_FORMATS, EncodedPacketSink, Input, InputVideoTrack, UnsupportedInputFormatError, UrlSource, VideoSample, VideoSampleSink } from 'mediabunny';
import { proposeCaptureRate } from '../../../shared/pose/capture-rate.ts';
import { footPatch, footPatchRect, patchMotion, searchRect, type FootPatch } from '../../../shared/pose/foot-motion.ts';
import { planShankRead, readShankPixels, type PixelRect } from '../../../shared/pose/shank-pixels.ts';
import type { FootMotion, PoseFrame, ShankPixels } from '../../../shared/pose/track.ts';
import type { PoseDelegate } from './delegate.ts';
import { AnalysisError, serialiseError, unsupportedCodec } from './errors.ts';
import { isYuv420, modelInputFactor, scaledRgba, yuvMatrix } from './model-input.ts';
import { storedRect, uprightPixels, type Rotation } from './upright.ts';
import { DEFAULT_POSE_MODE, type PoseMode, type RuntimeUrls, type SegmentJob, type StageTimes, type VideoProbe, type WorkerRequest, type WorkerResponse } from './protocol.ts';
import { buildTimeline, captureTimeMs, frameIndexAt, SAME_FRAME_S, type PacketTiming } from './timeline.ts';

interface WorkerScope {
  location: Location;
  fetch: typeof fetch;
  postMessage(message: WorkerResponse, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;

// GaitLens is offline: tasks-vision's runtime would POST usage logs to a Google host. Refuse any
// request that leaves the app's origin before it is made (the CSP would block it too, noisily).
const nativeFetch = scope.fetch.bind(scope);
scope.fetch = (input, init) => {
  const url = new URL(input instanceof Request ? input.url : String(input), scope.location.href);
  if (url.origin !== scope.location.origin) return Promise.reject(new TypeError(`GaitLens works offline: no request to ${url.origin}`));
  return nativeFetch(input, init);
};

const post = (message: WorkerResponse, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

let landmarker: Promise<PoseLandmarker> | null = null;
let poseMode: PoseMode = DEFAULT_POSE_MODE;
let go = () => {};

async function loadLandmarker(runtime: RuntimeUrls, mode: PoseMode, delegate: PoseDelegate): Promise<PoseLandmarker> {
  try {
    return await PoseLandmarker.createFromOptions(
      { wasmLoaderPath: runtime.wasmLoader, wasmBinaryPath: runtime.wasmBinary },
      {
        baseOptions: { modelAssetPath: runtime.model, delegate },
        runningMode: mode === 'per-frame' ? 'IMAGE' : 'VIDEO',
        // MediaPipe smooths the landmarks only when it tracks a single pose
        numPoses: mode === 'tracking' ? 2 : 1,
      },
    );
  } catch (error) {
    throw new AnalysisError(
      'model',
      `The pose model could not be loaded (${error instanceof Error ? error.message : String(error)}). Reinstalling GaitLens should restore its files.`,
    );
  }
}

const readProblem = (error: unknown) =>
  new AnalysisError(
    'not-a-video',
    `This file could not be read as a video (${error instanceof Error ? error.message : String(error)}). It may be damaged, incomplete (cut short while copying) or not a video: attach the original file again.`,
  );

const incomplete = (detail = '') =>
  new AnalysisError(
    'truncated',
    `This video file is incomplete${detail}: it was probably cut short while copying or recording. Attach the original file again.`,
  );

async function openVideo(url: string): Promise<{ input: Input; track: InputVideoTrack }> {
  const head = await fetch(url, { method: 'HEAD' }).catch(() => null);
  if (head?.status === 404) throw new AnalysisError('not-found', 'The video file is no longer in the data folder.');
  if (head?.ok && head.headers.get('content-length') === '0') {
    throw new AnalysisError('empty-file', 'The video file is empty (0 bytes): attach the original file again.');
  }
  const input = new Input({ source: new UrlSource(url, { getRetryDelay: () => null }), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryVideoTrack();
    if (!track && (await input.getTracks()).length === 0) throw incomplete();
    if (!track) throw new AnalysisError('no-video-track', 'This file holds no video picture (only sound), so there is nothing to analyse.');
    return { input, track };
  } catch (error) {
    input.dispose();
    if (error instanceof AnalysisError) throw error;
    if (error instanceof UnsupportedInputFormatError) {
      throw new AnalysisError(
        'not-a-video',
        'This file is not a video GaitLens can read (MP4, MOV, WebM, MKV, AVI or MPEG-TS), or its beginning is damaged. Attach the original video file again.',
      );
    }
    throw readProblem(error);
  }
}

async function probe(url: string): Promise<{ probe: VideoProbe; timestamps: Float64Array }> {
  const { input, track } = await openVideo(url);
  try {
    const codec = await track.getCodec();
    if (codec === null || !(await track.canDecode())) throw unsupportedCodec(codec ?? (await track.getCodecParameterString()));
    const packets: PacketTiming[] = [];
    for await (const packet of new EncodedPacketSink(track).packets(undefined, undefined, { metadataOnly: true })) {
      packets.push({ timestamp: packet.timestamp, duration: packet.duration });
    }
    const timeline = buildTimeline(packets);
    // The index (moov) can list frames whose data never made it into a file cut short.
    const last = await new EncodedPacketSink(track).getPacket(Infinity).catch(() => null);
    if (last === null) throw incomplete(' (its last frames are missing)');
    return {
      probe: {
        codec,
        width: await track.getDisplayWidth(),
        height: await track.getDisplayHeight(),
        rotation: await track.getRotation(),
        frames: timeline.timestamps.length,
        fileFps: timeline.fileFps,
        durationS: timeline.durationS,
        variableFrameRate: timeline.variableFrameRate,
        captureRate: proposeCaptureRate((await input.getMetadataTags()).raw ?? {}, timeline.fileFps),
      },
      timestamps: timeline.timestamps,
    };
  } catch (error) {
    throw error instanceof AnalysisError ? error : readProblem(error);
  } finally {
    input.dispose();
  }
}

/**
 * Decodes the job's frames once each, in presentation order, yielding each with its index; the
 * sample is closed as soon as the consumer moves on. mediabunny starts at the key frame before
 * the first wanted frame and the frames before it are dropped here.
 */
async function* decodeSegment(job: SegmentJob): AsyncGenerator<{ i: number; sample: VideoSample }> {
  const { input, track } = await openVideo(job.url);
  const from = job.timestamps[job.start]! - SAME_FRAME_S;
  const to = job.end < job.timestamps.length ? job.timestamps[job.end]! - SAME_FRAME_S : Infinity;
  let next = job.start;
  try {
    for await (const sample of new VideoSampleSink(track).samples(from, to)) {
      try {
        const i = frameIndexAt(job.timestamps, sample.timestamp);
        if (i >= job.start && i < job.end) {
          next = i + 1;
          yield { i, sample };
        }
      } finally {
        sample.close();
      }
    }
  } catch (error) {
    throw decodeProblem(job, next, error);
  } finally {
    input.dispose();
  }
  if (next < job.end) throw decodeProblem(job, next, null);
}

function decodeProblem(job: SegmentJob, next: number, error: unknown): AnalysisError {
  if (error instanceof AnalysisError) return error;
  const first = job.timestamps[0]!;
  const at = (job.timestamps[next]! - first).toFixed(2);
  const length = (job.timestamps[job.timestamps.length - 1]! - first).toFixed(2);
  const cause = error instanceof Error ? ` (${error.message})` : '';
  return new AnalysisError(
    'truncated',
    `The video could not be decoded past ${at} s of ${length} s${cause}. The file is probably incomplete or damaged (for example cut short while copying): attach the original file again.`,
  );
}

/** A decoded frame, with what it takes to read it upright. */
interface Picture {
  /** The decoded frame as stored, or the sample drawn upright into a canvas. */
  image: VideoFrame | OffscreenCanvas;
  /** Clockwise degrees that still turn `image` upright (0 for a canvas). */
  rotation: Rotation;
  /** The upright picture's size. */
  width: number;
  height: number;
  /** False for frames with non-square pixels, whose stored pixels do not map one to one onto the picture. */
  squarePixels: boolean;
  release(): void;
}

/**
 * The sample as a picture: the decoded frame itself when it is upright, or when it is large
 * enough to be scaled down for the model (then turned upright in the worker, upright.ts);
 * otherwise drawn rotated into a canvas.
 */
function uprightPicture(job: SegmentJob, sample: VideoSample, canvas: { current: OffscreenCanvas | null }): Picture {
  const width = sample.displayWidth;
  const height = sample.displayHeight;
  if (job.rotation === 0 || (!job.fullSizeModelInput && modelInputFactor(width, height) > 1)) {
    const frame = sample.toVideoFrame();
    const visible = frame.visibleRect!;
    const squarePixels = visible.width === frame.displayWidth && visible.height === frame.displayHeight;
    if (job.rotation === 0 || (squarePixels && isYuv420(frame.format))) {
      return { image: frame, rotation: job.rotation, width, height, squarePixels, release: () => frame.close() };
    }
    frame.close();
  }
  if (!canvas.current || canvas.current.width !== width || canvas.current.height !== height) canvas.current = new OffscreenCanvas(width, height);
  sample.draw(canvas.current.getContext('2d')!, 0, 0, width, height);
  return { image: canvas.current, rotation: 0, width, height, squarePixels: true, release: () => {} };
}

/**
 * What the pose model is given: a large frame scaled down from its decoded planes and turned
 * upright (model-input.ts, upright.ts), anything else as it is. Landmarks are shares of the
 * upright picture, so they do not change meaning.
 */
async function modelInput(job: SegmentJob, picture: Picture, buffer: { current: Uint8Array | null }): Promise<VideoFrame | OffscreenCanvas | ImageData> {
  const { image } = picture;
  if (job.fullSizeModelInput || !(image instanceof VideoFrame) || !isYuv420(image.format) || !picture.squarePixels) return image;
  const factor = modelInputFactor(picture.width, picture.height);
  if (factor === 1) return image;
  const visible = image.visibleRect!;
  const size = image.allocationSize();
  if (!buffer.current || buffer.current.length !== size) buffer.current = new Uint8Array(size);
  const layout = await image.copyTo(buffer.current);
  const scaled = scaledRgba(
    {
      format: image.format,
      width: visible.width,
      height: visible.height,
      data: buffer.current,
      layout,
      matrix: yuvMatrix(image.colorSpace.matrix),
      fullRange: image.colorSpace.fullRange ?? false,
    },
    factor,
  );
  if (picture.rotation === 0) return new ImageData(scaled.rgba, scaled.width, scaled.height);
  const upright = uprightPixels(new Uint32Array(scaled.rgba.buffer), scaled.width, scaled.height, picture.rotation);
  const turned = picture.rotation === 180;
  return new ImageData(new Uint8ClampedArray(upright.buffer), turned ? scaled.width : scaled.height, turned ? scaled.height : scaled.width);
}

const TORSO_AND_LEGS = [11, 12, 23, 24, 25, 26, 27, 28];

/** Which detected pose is the runner: the one that continues the previous frame's (else the first). */
function pickPose(result: PoseLandmarkerResult, previous: PoseFrame['landmarks']): number {
  if (result.landmarks.length < 2 || !previous) return 0;
  const distance = (pose: readonly { x: number; y: number }[]) =>
    TORSO_AND_LEGS.reduce((sum, k) => sum + Math.hypot(pose[k]!.x - previous[k]!.x, pose[k]!.y - previous[k]!.y), 0);
  let best = 0;
  for (let k = 1; k < result.landmarks.length; k++) if (distance(result.landmarks[k]!) < distance(result.landmarks[best]!)) best = k;
  return best;
}

function poseFrame(i: number, tMs: number, result: PoseLandmarkerResult, previous: PoseFrame['landmarks']): PoseFrame {
  const pick = pickPose(result, previous);
  const image = result.landmarks[pick];
  const world = result.worldLandmarks[pick];
  if (!image || !world) return { i, tMs, landmarks: null, world: null };
  return {
    i,
    tMs,
    landmarks: image.map(({ x, y, z, visibility, presence }) => ({ x, y, z, visibility, presence: presence ?? visibility })),
    world: world.map(({ x, y, z }) => ({ x, y, z })),
  };
}

/** False once this browser could not read a frame's pixels: the analysis goes on without them. */
let pixelsReadable = true;

/** RGBA pixels of one region of the upright picture. */
async function readRect(picture: Picture, rect: PixelRect): Promise<Uint8ClampedArray | Uint8Array> {
  const { image, rotation } = picture;
  if (!(image instanceof VideoFrame)) return image.getContext('2d')!.getImageData(rect.x, rect.y, rect.width, rect.height).data;
  const visible = image.visibleRect!;
  const stored = storedRect(rect, rotation, visible.width, visible.height);
  const buffer = new Uint8Array(stored.width * stored.height * 4);
  await image.copyTo(buffer, { rect: { x: visible.x + stored.x, y: visible.y + stored.y, width: stored.width, height: stored.height }, format: 'RGBA', colorSpace: 'srgb' });
  if (rotation === 0) return buffer;
  return new Uint8Array(uprightPixels(new Uint32Array(buffer.buffer), stored.width, stored.height, rotation).buffer);
}

/** The shanks' colours in this frame (shared/pose/shank-pixels.ts), where they can be read. */
async function shankPixels(picture: Picture, landmarks: NonNullable<PoseFrame['landmarks']>): Promise<ShankPixels | undefined> {
  // frames with non-square pixels are drawn stretched: their pixels do not map one to one
  if (!pixelsReadable || !picture.squarePixels) return undefined;
  const read = planShankRead(landmarks, picture.width, picture.height);
  if (!read) return undefined;
  try {
    const pixels = [];
    for (const rect of read.rects) pixels.push(await readRect(picture, rect));
    return readShankPixels(read, pixels) ?? undefined;
  } catch {
    pixelsReadable = false;
    return undefined;
  }
}

const inside = (inner: PixelRect, outer: PixelRect) =>
  inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

/**
 * How each shoe moved since the previous frame (shared/pose/foot-motion.ts): the previous frame's
 * patches found in this frame, and this frame's patches kept in `patches` for the next. A foot
 * whose patch cannot be placed has no motion here and none in the next frame.
 */
async function footMotion(
  picture: Picture,
  landmarks: NonNullable<PoseFrame['landmarks']>,
  patches: Partial<Record<'left' | 'right', FootPatch>>,
): Promise<PoseFrame['feet']> {
  if (!pixelsReadable || !picture.squarePixels) return undefined;
  const { width, height } = picture;
  const feet: Partial<Record<'left' | 'right', FootMotion>> = {};
  try {
    for (const side of ['left', 'right'] as const) {
      const previous = patches[side];
      const plan = footPatchRect(landmarks, side, width, height);
      delete patches[side];
      let read: { rect: PixelRect; rgba: ArrayLike<number> } | null = null;
      if (previous) {
        const rect = searchRect(previous, width, height);
        read = { rect, rgba: await readRect(picture, rect) };
        const motion = patchMotion(previous, read.rgba, rect);
        if (motion) feet[side] = motion;
      }
      if (!plan) continue;
      // this frame's patch usually lies inside the region just read
      if (!read || !inside(plan.rect, read.rect)) read = { rect: plan.rect, rgba: await readRect(picture, plan.rect) };
      patches[side] = footPatch(read.rgba, read.rect, plan);
    }
  } catch {
    pixelsReadable = false;
    return undefined;
  }
  return feet.left || feet.right ? feet : undefined;
}

const BATCH_FRAMES = 8;

async function analyse(job: SegmentJob): Promise<void> {
  if (!landmarker) throw new AnalysisError('internal', 'The analysis worker was not given a model.');
  const pose = await landmarker;
  const canvas = { current: null as OffscreenCanvas | null };
  const planes = { current: null as Uint8Array | null };
  const first = job.timestamps[0]!;
  let batch: PoseFrame[] = [];
  let previous: PoseFrame['landmarks'] = null;
  const patches: Partial<Record<'left' | 'right', FootPatch>> = {};
  let started = 0;
  let count = 0;
  const stages: StageTimes = { decodeMs: 0, prepareMs: 0, inferenceMs: 0, pixelsMs: 0, postMs: 0 };
  let mark = performance.now();
  const lap = (stage: keyof StageTimes) => {
    const now = performance.now();
    stages[stage] += now - mark;
    mark = now;
  };
  for await (const { i, sample } of decodeSegment(job)) {
    if (count === 0) {
      mark = performance.now();
      started = mark;
    } else lap('decodeMs');
    const tMs = captureTimeMs(job.timestamps[i]!, first, job.fileFps, job.captureFps);
    const picture = uprightPicture(job, sample, canvas);
    try {
      const input = await modelInput(job, picture, planes);
      lap('prepareMs');
      const frame = poseFrame(i, tMs, poseMode === 'per-frame' ? pose.detect(input) : pose.detectForVideo(input, tMs), previous);
      lap('inferenceMs');
      previous = frame.landmarks ?? previous;
      if (frame.landmarks) {
        const shanks = await shankPixels(picture, frame.landmarks);
        if (shanks) frame.shanks = shanks;
        const feet = await footMotion(picture, frame.landmarks, patches);
        if (feet) frame.feet = feet;
      } else {
        delete patches.left;
        delete patches.right;
      }
      batch.push(frame);
    } finally {
      picture.release();
    }
    lap('pixelsMs');
    count++;
    if (batch.length === BATCH_FRAMES) {
      post({ type: 'frames', frames: batch });
      batch = [];
    }
    lap('postMs');
  }
  if (batch.length > 0) post({ type: 'frames', frames: batch });
  post({ type: 'done', timing: { frames: count, elapsedMs: performance.now() - started, stages } });
}

/** Benchmark: decoding alone (every frame decoded and closed, nothing else). */
async function decodeOnly(job: SegmentJob): Promise<void> {
  let started = 0;
  let count = 0;
  for await (const _ of decodeSegment(job)) {
    if (count === 0) started = performance.now();
    count++;
  }
  post({ type: 'done', timing: { frames: count, elapsedMs: performance.now() - started } });
}

/** Benchmark: pose detection alone, on frames decoded beforehand into memory the worker owns (the first batch untimed). */
async function inferenceOnly(job: SegmentJob): Promise<void> {
  if (!landmarker) throw new AnalysisError('internal', 'The analysis worker was not given a model.');
  const pose = await landmarker;
  const canvas = { current: null as OffscreenCanvas | null };
  const frames: { tMs: number; frame: VideoFrame }[] = [];
  try {
    for await (const { i, sample } of decodeSegment(job)) {
      // upright frames as they are, others drawn upright: the model alone is timed
      const picture = uprightPicture({ ...job, fullSizeModelInput: true }, sample, canvas);
      try {
        const source = picture.image instanceof VideoFrame ? picture.image : new VideoFrame(picture.image, { timestamp: 0 });
        const buffer = new Uint8Array(source.allocationSize());
        const layout = await source.copyTo(buffer);
        frames.push({
          tMs: captureTimeMs(job.timestamps[i]!, job.timestamps[0]!, job.fileFps, job.captureFps),
          frame: new VideoFrame(buffer, {
            format: source.format!,
            codedWidth: source.visibleRect!.width,
            codedHeight: source.visibleRect!.height,
            timestamp: source.timestamp,
            layout,
          }),
        });
        if (source !== picture.image) source.close();
      } finally {
        picture.release();
      }
    }
    // Untimed, as analyse's first progress report comes after its first batch: the first frames
    // pay for setting up the inference (XNNPACK delegate, WebGL, JIT tier-up).
    const warmUp = frames.slice(0, BATCH_FRAMES);
    const timed = frames.slice(BATCH_FRAMES);
    for (const { tMs, frame } of warmUp) pose.detectForVideo(frame, tMs);
    post({ type: 'ready' });
    await new Promise<void>((resolve) => (go = resolve));
    const started = performance.now();
    for (const { tMs, frame } of timed) pose.detectForVideo(frame, tMs);
    post({ type: 'done', timing: { frames: timed.length, elapsedMs: performance.now() - started } });
  } finally {
    for (const { frame } of frames) frame.close();
  }
}

/** The WebGL renderer's name (the graphics processor, or software rendering); null without WebGL. */
function webglRenderer(): string | null {
  let gl: WebGL2RenderingContext | null = null;
  try {
    gl = new OffscreenCanvas(1, 1).getContext('webgl2');
  } catch {
    return null;
  }
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return renderer;
}

async function handle(request: WorkerRequest): Promise<void> {
  switch (request.type) {
    case 'load':
      poseMode = request.mode;
      landmarker = loadLandmarker(request.runtime, request.mode, request.delegate);
      // Errors surface when a job awaits the landmarker; this only reports readiness.
      landmarker.then(() => post({ type: 'loaded' }), () => {});
      return;
    case 'probe': {
      const result = await probe(request.url);
      post({ type: 'probed', ...result }, [result.timestamps.buffer]);
      return;
    }
    case 'analyse':
      return analyse(request.job);
    case 'decode':
      return decodeOnly(request.job);
    case 'inference':
      return inferenceOnly(request.job);
    case 'go':
      return go();
    case 'renderer':
      return post({ type: 'renderer', renderer: webglRenderer() });
  }
}

scope.onmessage = (event) => {
  handle(event.data).catch((error: unknown) => post({ type: 'error', error: serialiseError(error) }));
};
