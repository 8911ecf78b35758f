/**
 * Benchmark of a long clip: 60 s of the shared 1080x1920 60 fps treadmill clip (looped with the
 * bundled ffmpeg, no re-encoding), analysed whole with the full model on two workers as the
 * Analyse button does; the peak memory of every Chromium process and the speed. Writes
 * docs/benchmarks-long.md. Not a test: the numbers depend on the machine.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import type {} from '../../renderer/src/headless.ts';
import { startBridge } from '../../electron/bridge/server.ts';
import { ffmpegAndClip } from './inputs.ts';
import { describeMachine, samplePeakMemory } from './machine.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({ options: { out: { type: 'string', default: join(root, 'docs', 'benchmarks-long.md') } } });
const SOURCE = 'treadmill-sagittal-right-60fps-mhuang24-IMG_5396.mp4';
const SECONDS = 60;
const log = (line: string) => console.log(`[bench] ${line}`);

async function main(): Promise<void> {
  const { ffmpeg, clip } = ffmpegAndClip(root, SOURCE);
  const machine = describeMachine();
  const dir = mkdtempSync(join(tmpdir(), 'gaitlens-bench-long-'));
  const long = join(dir, 'long.mp4');
  execFileSync(ffmpeg, ['-v', 'error', '-stream_loop', '-1', '-i', clip, '-t', String(SECONDS), '-an', '-c', 'copy', long]);
  const bridge = await startBridge({ dataDir: join(dir, 'data'), rendererDir: join(root, 'dist', 'renderer'), appVersion: 'bench' });
  const browser = await chromium.launch({ executablePath: process.env.GAITLENS_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const api = bridge.services.handlers;
    const client = await api['clients.create']({ name: 'Benchmark', dateOfBirth: null, heightCm: null, legLengthCm: null, dominantSide: null, notes: '' });
    const visit = await api['visits.create']({ clientId: client.id, visitDate: '2026-01-01', reason: '', notes: '' });
    const video = await api['visits.attachVideo']({ visitId: visit.id, source: { kind: 'path', path: long } });
    const page = await browser.newPage();
    await page.goto(bridge.url);
    await page.goto(`${bridge.origin}/headless.html`);
    await page.locator('body[data-engine-ready]').waitFor();
    const memory = samplePeakMemory();
    const run = await page.evaluate(async (url) => {
      const started = performance.now();
      const track = await window.gaitlensEngine!.analyseVideo({ url, model: 'full', workers: 2 });
      return { frames: track.frames.length, withPose: track.frames.filter((f) => f.landmarks).length, seconds: (performance.now() - started) / 1000, fileFps: track.video.fileFps };
    }, `media/${encodeURIComponent(video.mediaId)}`);
    const peakMiB = memory.stop();
    log(`${run.frames} frames in ${run.seconds.toFixed(0)} s, peak ${peakMiB.toFixed(0)} MiB`);
    writeFileSync(
      values.out!,
      `# Long clip benchmark

Measured by \`npm run bench\` (scripts/bench/long-clip.ts) on ${new Date().toISOString().slice(0, 10)}. Not a test: the numbers
depend on the machine and on what else runs on it.

## Machine
- CPU: ${machine.cpu}, ${machine.cores} cores; RAM ${machine.ramGiB.toFixed(1)} GiB; ${machine.kernel}
- Load average (1, 5, 15 min) when the run started: ${machine.loadAverage}; when it ended: ${describeMachine().loadAverage}
- Browser: Chromium ${browser.version()} (Debian, headless, no GPU), driven by Playwright through the local bridge

## What was measured
${SECONDS} s of ${SOURCE} (1080x1920, 60 fps), looped with ffmpeg without re-encoding, analysed whole as the Analyse
button does (full model, two workers, the landmark track kept in the page). Memory: the peak proportional set size
(PSS) summed over every Chromium process, sampled every 100 ms. Wall time includes loading the model.

| clip | frames | frames with a pose | wall s | frames/s | real time | peak memory MiB |
|---|---|---|---|---|---|---|
| 1080x1920, 60 fps, ${SECONDS} s | ${run.frames} | ${run.withPose} | ${run.seconds.toFixed(0)} | ${(run.frames / run.seconds).toFixed(1)} | ${(run.frames / run.seconds / run.fileFps).toFixed(2)}x | ${peakMiB.toFixed(0)} |
`,
    );
    log(`wrote ${values.out}`);
  } finally {
    await browser.close();
    await bridge.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
