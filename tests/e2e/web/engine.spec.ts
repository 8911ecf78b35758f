/**
 * The analysis engine (renderer/src/analysis) on the real clips, in Chromium through the bridge,
 * driven from headless.html. The fixture fails a test on any request outside the app's origin
 * and on any CSP violation, workers included.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { DELEGATE_TOLERANCE, type DelegateChoice } from '../../../renderer/src/analysis/delegate.ts';
import type { GaitLensEngine } from '../../../renderer/src/headless.ts';
import type { LandmarkTrack, PoseFrame } from '../../../shared/pose/track.ts';
import { Landmark } from '../../../shared/pose/track.ts';
import { testVideo, VIDEOS } from '../../support/videos.ts';
import { engineWith, mediaUrl } from './api.ts';
import { expect, test } from './fixtures.ts';

// Model loading and inference share 2 cores in CI: give each test room beyond the suite's 60 s.
test.describe.configure({ timeout: 120_000 });

type Analyse = Omit<Parameters<GaitLensEngine['analyseVideo']>[0], 'signal' | 'onProgress' | 'onDelegate'>;

const analyse = (app: Page, options: Analyse): Promise<LandmarkTrack> =>
  app.evaluate((options) => window.gaitlensEngine!.analyseVideo(options), options);

/** The track, and where the engine ran the pose model and why. */
const analyseTold = (app: Page, options: Analyse): Promise<{ track: LandmarkTrack; choice: DelegateChoice | null }> =>
  app.evaluate(async (options) => {
    let choice: DelegateChoice | null = null;
    const track = await window.gaitlensEngine!.analyseVideo({ ...options, onDelegate: (told) => (choice = told) });
    return { track, choice };
  }, options);

/**
 * The runner is found in at least 95% of frames, with sane landmarks: on both sides the shoulder
 * is above the hip and the hip above the knee, and at least one ankle is below its knee (a
 * running swing leg can kick its heel above the knee, but one foot is always low).
 */
function expectRunnerFound(track: LandmarkTrack): void {
  const posed = track.frames.filter((frame) => frame.landmarks && frame.world);
  expect(posed.length / track.frames.length).toBeGreaterThanOrEqual(0.95);
  expect(posed.every((frame) => frame.landmarks!.length === 33 && frame.world!.length === 33)).toBe(true);
  const points = posed.flatMap((frame) => frame.landmarks!);
  expect(points.filter((p) => p.x < -0.1 || p.x > 1.1 || p.y < -0.1 || p.y > 1.1)).toEqual([]);
  expect(points.filter((p) => !(p.visibility >= 0 && p.visibility <= 1 && p.presence >= 0 && p.presence <= 1))).toEqual([]);
  const sides = ['left', 'right'] as const;
  const upright = posed.filter(
    (frame) =>
      sides.every(
        (side) =>
          y(frame, Landmark[`${side}Shoulder`]) < y(frame, Landmark[`${side}Hip`]) &&
          y(frame, Landmark[`${side}Hip`]) < y(frame, Landmark[`${side}Knee`]),
      ) && sides.some((side) => y(frame, Landmark[`${side}Knee`]) < y(frame, Landmark[`${side}Ankle`])),
  );
  expect(upright.length / posed.length).toBeGreaterThanOrEqual(0.95);
}

/** The AnalysisError analyseVideo rejects with, as { code, message }. */
const analysisError = (app: Page, url: string) =>
  app.evaluate(async (url) => {
    try {
      await window.gaitlensEngine!.analyseVideo({ url, model: 'lite' });
      return null;
    } catch (error) {
      return { code: (error as { code?: string }).code, message: (error as Error).message };
    }
  }, url);

function video(name: string): string {
  const found = testVideo(name);
  test.skip('skip' in found, 'skip' in found ? found.skip : '');
  return 'path' in found ? found.path : '';
}

const y = (frame: PoseFrame, landmark: number) => frame.landmarks![landmark]!.y;

/** Mean distance (normalised image units) between two tracks' landmarks over frames with a pose in both. */
function meanDistance(a: LandmarkTrack, b: LandmarkTrack): number {
  let sum = 0;
  let count = 0;
  a.frames.forEach((frame, k) => {
    const other = b.frames[k]!;
    if (!frame.landmarks || !other.landmarks) return;
    frame.landmarks.forEach((point, j) => {
      sum += Math.hypot(point.x - other.landmarks![j]!.x, point.y - other.landmarks![j]!.y);
      count++;
    });
  });
  return sum / count;
}

function ffmpegWith(encoder: string): string | null {
  const probe = spawnSync('ffmpeg', ['-hide_banner', '-encoders'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return 'ffmpeg is not installed';
  if (!probe.stdout.includes(encoder)) return `this ffmpeg has no ${encoder} encoder`;
  return null;
}

function skipWithout(encoder: string): void {
  const missing = ffmpegWith(encoder);
  if (missing) console.log(`SKIP: ${missing}`);
  test.skip(missing !== null, missing ?? '');
}

const scratch = () => mkdtempSync(join(tmpdir(), 'gaitlens-engine-'));

test('probes the treadmill clip without decoding it', async ({ app, bridge }) => {
  const url = await engineWith(app, bridge.origin, video(VIDEOS.treadmillLeft30));
  const probe = await app.evaluate((url) => window.gaitlensEngine!.probeVideo(url), url);
  expect(probe).toEqual({
    codec: 'avc',
    width: 720,
    height: 1280,
    rotation: 0,
    frames: 360,
    fileFps: 30,
    durationS: 12,
    variableFrameRate: false,
    captureRate: null,
  });
});

test('analyses the treadmill clip on two workers: every frame, in order, sane landmarks, nothing leaves the origin', async ({ app, bridge }) => {
  const url = await engineWith(app, bridge.origin, video(VIDEOS.treadmillLeft30));
  const requested: string[] = [];
  app.context().on('request', (request) => requested.push(new URL(request.url()).pathname));

  const track = await analyse(app, { url, model: 'lite', startS: 0, endS: 2, workers: 2 });

  expect(track.model).toBe('lite');
  expect(track.video).toEqual({ width: 720, height: 1280, rotation: 0, frames: 360, fileFps: 30, captureFps: 30, durationS: 12 });
  expect(track.frames.map((frame) => frame.i)).toEqual(Array.from({ length: 60 }, (_, i) => i));
  track.frames.forEach((frame) => expect(frame.tMs).toBeCloseTo((frame.i * 1000) / 30, 6));
  expectRunnerFound(track);

  // The workers' own requests are seen by the interception that fails the test on foreign hosts.
  expect(requested).toEqual(
    expect.arrayContaining([
      expect.stringMatching(/^\/assets\/worker-.*\.js$/),
      '/mediapipe/vision_wasm_module_internal.wasm',
      '/models/pose_landmarker_lite.task',
      new URL(url, bridge.origin).pathname,
    ]),
  );
});

for (const [name, startS, endS, why] of [
  [VIDEOS.treadmillRight60, 2, 4, 'treadmill, 60 fps portrait, low camera'],
  [VIDEOS.treadmillSlowmo, 10, 12, 'lab treadmill, slow motion'],
  [VIDEOS.overgroundRun, 0, 1.1, 'overground, while the runner is in view (she leaves the frame after 1.1 s)'],
] as const) {
  test(`the runner is found in every running clip (full model, the default): ${why}`, async ({ app, bridge }) => {
    const url = await engineWith(app, bridge.origin, video(name));
    const track = await analyse(app, { url, model: 'full', startS, endS });
    expect(track.frames.length).toBeGreaterThan(25);
    expectRunnerFound(track);
  });
}

test('one worker and two workers give the same frames', async ({ app, bridge }) => {
  const url = await engineWith(app, bridge.origin, video(VIDEOS.treadmillLeft30));
  const one = await analyse(app, { url, model: 'lite', startS: 1, endS: 2.5, workers: 1 });
  const two = await analyse(app, { url, model: 'lite', startS: 1, endS: 2.5, workers: 2 });
  expect(one.frames.map((frame) => frame.i)).toEqual(Array.from({ length: 45 }, (_, k) => 30 + k));
  expect(two.frames.map((frame) => [frame.i, frame.tMs])).toEqual(one.frames.map((frame) => [frame.i, frame.tMs]));
  // The second worker's landmarker starts fresh mid-clip (no tracking history), so not bit-identical.
  expect(meanDistance(one, two)).toBeLessThan(0.02);
});

test('the pose model runs on the CPU where graphics are drawn in software, and says why; the GPU delegate, checked on the same frames, gives the CPU landmarks', async ({ app, bridge }) => {
  const url = await engineWith(app, bridge.origin, video(VIDEOS.treadmillLeft30));
  const clip = { url, model: 'full', startS: 0, endS: 0.3, workers: 1 } as const;
  const auto = await analyseTold(app, clip);
  expect(auto.choice?.renderer).toBeTruthy();
  if (/swiftshader|llvmpipe/i.test(auto.choice!.renderer!)) {
    // no graphics processor (as in CI): not even checked
    expect(auto.choice).toMatchObject({ delegate: 'CPU', comparison: null });
    expect(auto.choice!.reason).toContain('no graphics processor was found');
  } else {
    expect(auto.choice!.comparison?.frames).toBe(9);
  }
  // the check, made on request: the first 9 frames through both delegates (MediaPipe's GPU delegate runs on software WebGL too, slowly)
  const comparison = await app.evaluate((options) => window.gaitlensEngine!.compareDelegates(options), clip);
  expect(comparison).toMatchObject({ frames: 9, poseMismatches: 0 });
  expect(comparison.medianShare).toBeLessThan(DELEGATE_TOLERANCE.medianShare);
  expect(comparison.meanShare).toBeLessThan(DELEGATE_TOLERANCE.meanShare);
  // and the whole analysis on the GPU: the same frames and landmarks as on the CPU
  const gpu = await analyseTold(app, { ...clip, delegate: 'GPU' });
  expect(gpu.choice).toMatchObject({ delegate: 'GPU', comparison: null });
  expect(gpu.track.frames.map((frame) => frame.i)).toEqual(auto.track.frames.map((frame) => frame.i));
  expectRunnerFound(gpu.track);
  expect(meanDistance(auto.track, gpu.track)).toBeGreaterThan(0);
  expect(meanDistance(auto.track, gpu.track)).toBeLessThan(DELEGATE_TOLERANCE.meanShare);
});

test('a variable-frame-rate clip keeps its real frame times', async ({ app, bridge }) => {
  const path = video(VIDEOS.walkingVfr);
  const url = await engineWith(app, bridge.origin, path);
  const probe = await app.evaluate((url) => window.gaitlensEngine!.probeVideo(url), url);
  expect(probe.variableFrameRate).toBe(true);
  expect(probe.frames).toBe(124);
  expect(probe.fileFps).toBeGreaterThan(30.1);
  expect(probe.fileFps).toBeLessThan(30.3);

  const track = await analyse(app, { url, model: 'lite', startS: 0, endS: 0.25, workers: 1 });
  expect(track.frames.map((frame) => frame.i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  // The file's first frame interval is 14.4 ms, the others 33.4 ms (ffprobe): real times, not i / fps.
  expect(track.frames[1]!.tMs).toBeCloseTo(14.4, 0);
  for (let k = 2; k < track.frames.length; k++) {
    expect(track.frames[k]!.tMs - track.frames[k - 1]!.tMs).toBeCloseTo(33.4, 0);
  }
});

test('a capture rate turns slow-motion file time into real time', async ({ app, bridge }) => {
  const url = await engineWith(app, bridge.origin, video(VIDEOS.treadmillSlowmo));
  const track = await analyse(app, { url, model: 'lite', startS: 2, endS: 2.5, captureFps: 120, workers: 1 });
  expect(track.video.captureFps).toBe(120);
  expect(track.video.fileFps).toBeCloseTo(30000 / 1001, 6);
  expect(track.frames[0]!.i).toBe(60);
  // File frames 1001/30000 s apart are 1/120 s apart in real time.
  track.frames.forEach((frame) => expect(frame.tMs).toBeCloseTo((frame.i * 1000) / 120, 6));
});

test('cancelling stops the workers promptly', async ({ app, bridge }) => {
  const url = await engineWith(app, bridge.origin, video(VIDEOS.treadmillLeft30));
  const outcome = await app.evaluate(async (url) => {
    const controller = new AbortController();
    let framesAtAbort = 0;
    let framesAfter = 0;
    let abortedAt = 0;
    const running = window.gaitlensEngine!.analyseVideo({
      url,
      model: 'lite',
      signal: controller.signal,
      onProgress: (progress) => {
        if (abortedAt) framesAfter = progress.framesDone - framesAtAbort;
        else if (progress.framesDone >= 16) {
          framesAtAbort = progress.framesDone;
          abortedAt = performance.now();
          controller.abort();
        }
      },
    });
    const error = await running.then(
      () => null,
      (error: { code: string; message: string }) => ({ code: error.code, message: error.message }),
    );
    const rejectedAfterMs = performance.now() - abortedAt;
    await new Promise((resolve) => setTimeout(resolve, 1000));
    return { error, rejectedAfterMs, framesAfter };
  }, url);
  expect(outcome.error).toEqual({ code: 'cancelled', message: 'The analysis was cancelled.' });
  expect(outcome.rejectedAfterMs).toBeLessThan(100);
  expect(outcome.framesAfter).toBe(0);
});

test('rotation metadata is honoured: a portrait clip stored sideways is analysed upright', async ({ app, bridge }) => {
  const original = video(VIDEOS.treadmillLeft30);
  skipWithout('libx264');
  const dir = scratch();
  try {
    // Pixels turned 90 degrees clockwise, and a display matrix that turns them back.
    const sideways = join(dir, 'sideways.mp4');
    const rotated = join(dir, 'rotated.mp4');
    execFileSync('ffmpeg', ['-v', 'error', '-i', original, '-t', '1', '-vf', 'transpose=1', '-c:v', 'libx264', '-preset', 'veryfast', sideways]);
    execFileSync('ffmpeg', ['-v', 'error', '-i', sideways, '-c', 'copy', '-metadata:s:v:0', 'rotate=90', rotated]);
    const rotatedUrl = await engineWith(app, bridge.origin, rotated);
    const uprightUrl = await mediaUrl(app, original);

    const probe = await app.evaluate((url) => window.gaitlensEngine!.probeVideo(url), rotatedUrl);
    expect(probe).toMatchObject({ width: 720, height: 1280, rotation: 270 });
    const turned = await analyse(app, { url: rotatedUrl, model: 'lite', workers: 1 });
    const upright = await analyse(app, { url: uprightUrl, model: 'lite', endS: 1, workers: 1 });
    expect(turned.video).toMatchObject({ width: 720, height: 1280, rotation: 270 });
    expect(turned.frames).toHaveLength(30);
    expect(meanDistance(turned, upright)).toBeLessThan(0.02);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a large portrait clip stored sideways is scaled for the model and turned upright in the worker, both ways round', async ({ app, bridge }) => {
  // 1080 x 1920: the model gets the frames scaled down from their stored planes and turned
  // upright (renderer/src/analysis/model-input.ts, upright.ts), the shoes and shanks are read from
  // regions turned upright, and all of it must match the upright original.
  const original = video(VIDEOS.treadmillRight60);
  skipWithout('libx264');
  const dir = scratch();
  try {
    const upright = await analyse(app, { url: await engineWith(app, bridge.origin, original), model: 'lite', endS: 1, workers: 1 });
    for (const { transpose, rotate, rotation } of [
      { transpose: 2, rotate: 270, rotation: 90 },
      { transpose: 1, rotate: 90, rotation: 270 },
    ]) {
      const sideways = join(dir, `sideways-${rotation}.mp4`);
      const rotated = join(dir, `rotated-${rotation}.mp4`);
      execFileSync('ffmpeg', ['-v', 'error', '-i', original, '-t', '1', '-vf', `transpose=${transpose}`, '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '12', sideways]);
      execFileSync('ffmpeg', ['-v', 'error', '-i', sideways, '-c', 'copy', '-metadata:s:v:0', `rotate=${rotate}`, rotated]);
      const turned = await analyse(app, { url: await mediaUrl(app, rotated), model: 'lite', workers: 1 });
      expect(turned.video).toMatchObject({ width: 1080, height: 1920, rotation });
      expect(turned.frames).toHaveLength(60);
      expect(meanDistance(turned, upright), `rotation ${rotation}`).toBeLessThan(0.02);
      // the shoes were followed in the turned frames as in the upright ones: the same motion (px) in
      // most frames (the lite model's heel landmark differs in a few, and the patch with it)
      const followed = (f: PoseFrame) => (f.feet?.right && f.feet.right.score >= 0.6 ? f.feet.right : null);
      const both = turned.frames.flatMap((f, k) => {
        const [a, b] = [followed(f), followed(upright.frames[k]!)];
        return a && b ? [{ dx: Math.abs(a.dx - b.dx), dy: Math.abs(a.dy - b.dy) }] : [];
      });
      expect(both.length, `rotation ${rotation}: frames with the right shoe followed in both`).toBeGreaterThan(40);
      const median = (v: number[]) => [...v].sort((x, y) => x - y)[Math.floor(v.length / 2)]!;
      expect(median(both.map((d) => d.dx)), `rotation ${rotation}: median horizontal difference, px`).toBeLessThan(4);
      expect(median(both.map((d) => d.dy)), `rotation ${rotation}: median vertical difference, px`).toBeLessThan(4);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('an HEVC clip gets a message that names HEVC and says it must be converted', async ({ app, bridge }) => {
  skipWithout('libx265');
  const dir = scratch();
  try {
    const hevc = join(dir, 'iphone.mp4');
    execFileSync('ffmpeg', ['-v', 'error', '-f', 'lavfi', '-i', 'testsrc=size=320x240:rate=30', '-t', '1', '-c:v', 'libx265', '-x265-params', 'log-level=error', hevc]);
    const url = await engineWith(app, bridge.origin, hevc);
    const error = await analysisError(app, url);
    expect(error?.code).toBe('unsupported-codec');
    expect(error?.message).toContain('HEVC');
    expect(error?.message).toContain('converted to H.264');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a file cut short while copying is reported as incomplete', async ({ app, bridge }) => {
  const whole = readFileSync(video(VIDEOS.treadmillSlowmo));
  const dir = scratch();
  try {
    const cut = join(dir, 'cut.mp4');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    const url = await engineWith(app, bridge.origin, cut);
    const error = await analysisError(app, url);
    expect(error?.code).toBe('truncated');
    expect(error?.message).toContain('incomplete');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
