// Usage: npm run bench [-- --quick] [--out FILE]
// Measures the analysis engine on the real clips (../shared/data/videos or GAITLENS_TEST_VIDEOS)
// in Chromium through the local bridge, beside the legacy @mediapipe/pose solution, and writes
// docs/benchmarks.md. Not a test: numbers depend on the machine and on what else it is doing.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import type {} from '../../renderer/src/headless.ts';
import { startBridge } from '../../electron/bridge/server.ts';
import type { Services } from '../../electron/services/services.ts';
import { modelInputFactor } from '../../renderer/src/analysis/model-input.ts';
import type { PoseModel } from '../../shared/pose/track.ts';
import { describeMachine, samplePeakMemory } from './machine.ts';
import { writeReport, type BenchResults, type ClipResult, type EndToEnd, type Inference, type Legacy } from './report.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    out: { type: 'string', default: join(root, 'docs', 'benchmarks.md') },
  },
});
const quick = values.quick;
const videosDir = process.env.GAITLENS_TEST_VIDEOS ?? join(root, '..', 'shared', 'data', 'videos');
const MODELS: PoseModel[] = ['lite', 'full', 'heavy'];

/** The clips: the first gets every measurement; the others decode-only and the full model end to end. */
const CLIPS = [
  { file: 'treadmill-sagittal-left-30fps-zzzhushi-male_side.mp4', label: 'treadmill 720x1280, 30 fps, H.264' },
  { file: 'walking-overground-sagittal-left-then-right-30fps-sports2d-demo4.mp4', label: 'walking 1280x720, 30 fps, H.264' },
  { file: 'treadmill-sagittal-right-60fps-mhuang24-IMG_5396.mp4', label: 'treadmill 1080x1920, 60 fps, H.264' },
  { file: 'walking-overground-sagittal-multiperson-30fps-vp9-sports2d-demo.mp4', label: 'walking 1768x994, 30 fps, VP9' },
].slice(0, quick ? 1 : 4);

/** Seconds analysed end to end on the main clip, and frames held in memory for inference-only. */
const END_TO_END_S = quick ? 2 : 6;
const INFERENCE_S = quick ? 1 : 4;
const LEGACY_FRAMES = quick ? 5 : 15;

const log = (line: string) => console.log(`[bench] ${line}`);

/** Stores a video through the host's services (a new client and visit); returns its media URL for the page. */
async function attach(services: Services, path: string): Promise<string> {
  const api = services.handlers;
  const client = await api['clients.create']({ name: 'Benchmark', dateOfBirth: null, heightCm: null, legLengthCm: null, dominantSide: null, notes: '' });
  const visit = await api['visits.create']({ clientId: client.id, visitDate: '2026-01-01', reason: '', notes: '' });
  const video = await api['visits.attachVideo']({ visitId: visit.id, source: { kind: 'path', path } });
  return `media/${encodeURIComponent(video.mediaId)}`;
}

async function endToEnd(page: Page, url: string, model: PoseModel, workers: 1 | 2, endS: number): Promise<EndToEnd> {
  await page.evaluate(() => window.gaitlensEngine!.takeLongTasks());
  const memory = samplePeakMemory();
  const run = await page.evaluate(
    async ({ url, model, workers, endS }) => {
      const started = performance.now();
      let first: { at: number; frames: number } | null = null;
      const track = await window.gaitlensEngine!.analyseVideo({
        url,
        model,
        workers,
        endS: endS === -1 ? undefined : endS,
        onProgress: (progress) => (first ??= { at: performance.now(), frames: progress.framesDone }),
      });
      const ended = performance.now();
      return {
        frames: track.frames.length,
        withPose: track.frames.filter((frame) => frame.landmarks).length,
        totalMs: ended - started,
        steadyFps: ((track.frames.length - first!.frames) * 1000) / (ended - first!.at),
      };
    },
    { url, model, workers, endS: Number.isFinite(endS) ? endS : -1 },
  );
  const peakMiB = memory.stop();
  const longTasks = await page.evaluate(() => window.gaitlensEngine!.takeLongTasks());
  return { model, workers, ...run, peakMiB, longTasks: longTasks.length, longestTaskMs: Math.max(0, ...longTasks) };
}

async function inference(page: Page, url: string, model: PoseModel, workers: 1 | 2): Promise<Inference> {
  const memory = samplePeakMemory();
  const timing = await page.evaluate(
    ({ url, model, workers, endS }) => window.gaitlensEngine!.timeInference({ url, model, workers, startS: 0, endS }),
    { url, model, workers, endS: INFERENCE_S },
  );
  return { model, workers, fps: timing.framesPerSecond, perWorkerFps: timing.workers.map((w) => (w.frames * 1000) / w.elapsedMs), peakMiB: memory.stop() };
}

interface LegacyPose {
  setOptions(options: { modelComplexity: 0 | 1 | 2; smoothLandmarks: boolean; enableSegmentation: boolean }): void;
  onResults(listener: (results: { poseLandmarks?: unknown[] }) => void): void;
  initialize(): Promise<void>;
  send(inputs: { image: ImageBitmap }): Promise<void>;
  close(): Promise<void>;
}

/** The legacy @mediapipe/pose solution (main thread, WebGL), on frames decoded beforehand by a video element. */
async function legacy(page: Page, url: string): Promise<Legacy[]> {
  await page.addScriptTag({ url: 'legacy-pose/pose.js' });
  const results: Legacy[] = [];
  for (const complexity of [0, 1, 2] as const) {
    results.push(
      await page.evaluate(
        async ({ url, complexity, frames }) => {
          const video = document.createElement('video');
          video.muted = true;
          video.src = url;
          await new Promise((resolve) => video.addEventListener('loadeddata', resolve, { once: true }));
          const bitmaps: ImageBitmap[] = [];
          for (let k = 0; k <= frames; k++) {
            video.currentTime = (k + 0.5) / 30;
            await new Promise((resolve) => video.addEventListener('seeked', resolve, { once: true }));
            bitmaps.push(await createImageBitmap(video));
          }
          const Pose = (window as unknown as { Pose: new (config: { locateFile: (file: string) => string }) => LegacyPose }).Pose;
          const pose = new Pose({ locateFile: (file) => `legacy-pose/${file}` });
          pose.setOptions({ modelComplexity: complexity, smoothLandmarks: true, enableSegmentation: false });
          let withPose = 0;
          pose.onResults((result) => (withPose += result.poseLandmarks ? 1 : 0));
          await pose.initialize();
          await pose.send({ image: bitmaps[0]! });
          withPose = 0;
          const started = performance.now();
          for (const image of bitmaps.slice(1)) await pose.send({ image });
          const msPerFrame = (performance.now() - started) / frames;
          await pose.close();
          bitmaps.forEach((bitmap) => bitmap.close());
          return { complexity, frames, msPerFrame, withPose };
        },
        { url, complexity, frames: LEGACY_FRAMES },
      ),
    );
    log(`legacy complexity ${complexity}: ${results.at(-1)!.msPerFrame.toFixed(0)} ms/frame`);
  }
  return results;
}

async function main(): Promise<void> {
  if (!existsSync(join(root, 'dist', 'renderer', 'headless.html'))) throw new Error('Build first: npm run build (npm run bench does).');
  const missing = CLIPS.filter((clip) => !existsSync(join(videosDir, clip.file)));
  if (missing.length > 0) throw new Error(`Clips not found in ${videosDir}: ${missing.map((clip) => clip.file).join(', ')} (set GAITLENS_TEST_VIDEOS).`);

  const machine = describeMachine();
  const dataDir = mkdtempSync(join(tmpdir(), 'gaitlens-bench-'));
  const bridge = await startBridge({ dataDir, rendererDir: join(root, 'dist', 'renderer'), appVersion: 'bench' });
  const browser = await chromium.launch({
    executablePath: process.env.GAITLENS_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const foreign: string[] = [];
  try {
    const context = await browser.newContext();
    const legacyDir = join(root, 'node_modules', '@mediapipe', 'pose');
    await context.route('**/*', (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== bridge.origin) {
        foreign.push(url.href);
        return route.abort('blockedbyclient');
      }
      // The legacy solution's files, served on the app's origin straight from node_modules.
      if (url.pathname.startsWith('/legacy-pose/')) {
        const file = join(legacyDir, url.pathname.slice('/legacy-pose/'.length));
        const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.wasm') ? 'application/wasm' : 'application/octet-stream';
        return route.fulfill({ status: 200, contentType: type, body: readFileSync(file) });
      }
      return route.continue();
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => log(`page error: ${error.message}`));
    await page.goto(bridge.url);
    await page.goto(`${bridge.origin}/headless.html`);
    await page.locator('body[data-engine-ready]').waitFor();

    const clips: ClipResult[] = [];
    for (const [index, clip] of CLIPS.entries()) {
      const url = await attach(bridge.services, join(videosDir, clip.file));
      const probe = await page.evaluate((url) => window.gaitlensEngine!.probeVideo(url), url);
      log(`${clip.label}: ${probe.frames} frames`);
      const endS = index === 0 ? END_TO_END_S : Infinity;
      const decode = [];
      for (const workers of [1, 2] as const) {
        const timing = await page.evaluate(({ url, workers, endS }) => window.gaitlensEngine!.timeDecoding({ url, workers, endS }), {
          url,
          workers,
          endS: Number.isFinite(endS) ? endS : undefined,
        });
        decode.push({ workers, fps: timing.framesPerSecond });
        log(`  decode, ${workers} worker(s): ${timing.framesPerSecond.toFixed(0)} frames/s`);
      }
      const endToEnds: EndToEnd[] = [];
      const inferences: Inference[] = [];
      for (const model of index === 0 ? MODELS : (['full'] as const)) {
        for (const workers of index === 0 ? ([1, 2] as const) : ([2] as const)) {
          endToEnds.push(await endToEnd(page, url, model, workers, endS));
          log(`  ${model}, ${workers} worker(s), end to end: ${endToEnds.at(-1)!.steadyFps.toFixed(1)} frames/s`);
          if (index === 0) {
            inferences.push(await inference(page, url, model, workers));
            log(`  ${model}, ${workers} worker(s), inference only: ${inferences.at(-1)!.fps.toFixed(1)} frames/s`);
          }
        }
      }
      const stages = await page.evaluate(({ url, endS }) => window.gaitlensEngine!.timeStages({ url, model: 'full', workers: 2, endS }), {
        url,
        endS: Number.isFinite(endS) ? endS : undefined,
      });
      log(`  full, 2 workers, by stage: ${stages.workers.map((w) => `inference ${(w.stages!.inferenceMs / w.frames).toFixed(1)} ms/frame`).join(', ')}`);
      let stagesFullSize;
      if (modelInputFactor(probe.width, probe.height) > 1) {
        const before = await page.evaluate(({ url, endS }) => window.gaitlensEngine!.timeStages({ url, model: 'full', workers: 2, endS, fullSizeModelInput: true }), {
          url,
          endS: Number.isFinite(endS) ? endS : undefined,
        });
        stagesFullSize = before.workers;
        log(`  full, 2 workers, by stage, given at full size: ${before.framesPerSecond.toFixed(1)} frames/s (scaled: ${stages.framesPerSecond.toFixed(1)})`);
      }
      clips.push({ ...clip, probe, decode, endToEnd: endToEnds, inference: inferences, stages: stages.workers, stagesFullSize });
    }
    const legacyResults = await legacy(page, await attach(bridge.services, join(videosDir, CLIPS[0]!.file)));
    const results: BenchResults = {
      quick,
      date: new Date().toISOString().slice(0, 10),
      machine,
      chromium: browser.version(),
      clips,
      legacy: { clip: CLIPS[0]!.label, results: legacyResults },
      inferenceSeconds: INFERENCE_S,
      foreignRequests: foreign,
      loadAverageAtEnd: describeMachine().loadAverage,
    };
    writeFileSync(values.out, writeReport(results));
    log(`wrote ${values.out}`);
  } finally {
    await browser.close();
    await bridge.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
