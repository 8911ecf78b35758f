/**
 * Headless analysis: the app's own pose pipeline, run in Chromium through the local bridge, with
 * the result written as analysis.json (format: docs/analysis-format.md), and with --pdf the client
 * report printed from the app's report page (docs/report.md).
 *
 *   npm run analyze -- <video> [--model lite|full|heavy] [--capture-fps N] [--start S] [--end S]
 *                              [--height CM] [--workers 1|2] [--out DIR] [--data DIR]
 *                              [--pdf FILE [--overwrite]]
 *
 * Without --data the video is analysed in a temporary data folder that is removed afterwards;
 * with --data it is stored there like any visit (client "Headless analysis").
 */
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { printReportPage } from '../electron/bridge/print-report.ts';
import { startBridge } from '../electron/bridge/server.ts';
import { ServiceError } from '../shared/contract/dispatch.ts';
import { analyseTrack } from '../shared/gait/analyse.ts';
import { decodeTrack } from '../shared/pose/track-codec.ts';
import type { PoseModel } from '../shared/pose/track.ts';
import { analysisJson } from './analysis-json.ts';

const CHROMIUM = process.env.GAITLENS_CHROMIUM ?? '/usr/bin/chromium';
const MODELS: PoseModel[] = ['lite', 'full', 'heavy'];

function fail(message: string): never {
  console.error(`analyze: ${message}`);
  process.exit(1);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    model: { type: 'string', default: 'full' },
    'capture-fps': { type: 'string' },
    height: { type: 'string' },
    start: { type: 'string', default: '0' },
    end: { type: 'string' },
    workers: { type: 'string', default: '2' },
    out: { type: 'string', default: 'analysis' },
    data: { type: 'string' },
    pdf: { type: 'string' },
    overwrite: { type: 'boolean', default: false },
  },
});
const videoPath = positionals[0] ? resolve(positionals[0]) : fail('name the video to analyse: npm run analyze -- path/to/video.mp4');
if (!existsSync(videoPath)) fail(`${videoPath} does not exist.`);
const model = values.model as PoseModel;
if (!MODELS.includes(model)) fail(`--model must be one of ${MODELS.join(', ')}.`);
const captureFps = values['capture-fps'] === undefined ? null : Number(values['capture-fps']);
if (captureFps !== null && !(captureFps >= 1 && captureFps <= 2000)) fail('--capture-fps must be a number from 1 to 2000.');
const startS = Number(values.start);
const endArg = values.end === undefined ? null : Number(values.end);
if (!(startS >= 0) || (endArg !== null && !(endArg > startS))) fail('--start and --end must be seconds with end after start.');
const workers = values.workers === '1' ? 1 : 2;
const heightCm = values.height === undefined ? null : Number(values.height);
if (heightCm !== null && !(heightCm >= 50 && heightCm <= 250)) fail('--height must be the runner\'s height in cm (50 to 250).');
const pdfPath = values.pdf === undefined ? null : resolve(values.pdf);
if (pdfPath !== null && existsSync(pdfPath) && !values.overwrite) fail(`${pdfPath} already exists: nothing was analysed. Add --overwrite to replace it.`);
const rendererDir = resolve('dist', 'renderer');
if (!existsSync(join(rendererDir, 'headless.html'))) fail('the app is not built: run "npm run build" first.');

const dataDir = values.data ? resolve(values.data) : mkdtempSync(join(tmpdir(), 'gaitlens-analyze-'));
const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
const bridge = await startBridge({
  dataDir,
  rendererDir,
  appVersion: version,
  // the report is printed in the browser that runs the analysis
  printReport: (site, visitId) => printReportPage(browser, site, visitId),
});
const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const api = bridge.services.handlers;
  const client = await api['clients.create']({ name: 'Headless analysis', dateOfBirth: null, heightCm, legLengthCm: null, dominantSide: null, notes: '' });
  const today = new Date().toISOString().slice(0, 10);
  const visit = await api['visits.create']({ clientId: client.id, visitDate: today, reason: `npm run analyze ${basename(videoPath)}`, notes: '' });
  const video = await api['visits.attachVideo']({ visitId: visit.id, source: { kind: 'path', path: videoPath } });
  if (captureFps !== null) await api['videos.setCaptureFps']({ visitVideoId: video.id, captureFps });

  const page = await browser.newPage();
  await page.route('**/*', (route) =>
    route.request().url().startsWith(`${bridge.origin}/`) ? route.continue() : route.abort('blockedbyclient'),
  );
  page.on('pageerror', (error) => console.error(`analyze: page error: ${error.message}`));
  await page.exposeFunction('reportProgress', (line: string) => process.stderr.write(`\r${line}   `));
  await page.goto(bridge.url);
  await page.goto(`${bridge.origin}/headless.html`);
  await page.waitForSelector('body[data-engine-ready]', { state: 'attached' });

  const outcome = await page.evaluate(
    (options) => {
      const w = window as unknown as {
        gaitlensEngine: { analyseAndSave: (o: unknown) => Promise<{ status: string; summary?: { id: string }; message?: string; frames?: number }> };
        reportProgress: (line: string) => void;
      };
      return w.gaitlensEngine.analyseAndSave({
        ...options,
        onProgress: (p: { framesDone: number; framesTotal: number; framesPerSecond: number; secondsLeft: number }) =>
          w.reportProgress(
            `${p.framesDone}/${p.framesTotal} frames` +
              (p.framesPerSecond > 0 && Number.isFinite(p.secondsLeft) ? ` · ${p.framesPerSecond.toFixed(1)} frames/s · ${Math.ceil(p.secondsLeft)} s left` : ''),
          ),
      });
    },
    { visitVideoId: video.id, mediaId: video.mediaId, model, captureFps, startS, endS: endArg, workers },
  );
  process.stderr.write('\n');
  if (outcome.status === 'no-pose') fail(`no person was found in any of the ${outcome.frames} frames analysed; nothing was written.`);
  if (outcome.status !== 'saved' || !outcome.summary) fail(outcome.message ?? 'the analysis was not saved.');

  const summary = bridge.services.analyses.summary(outcome.summary.id);
  const track = decodeTrack(await bridge.services.analyses.track(summary.id));
  // the height is on the client record, which calibrates the video as it does in the app and the report
  const gait = analyseTrack(track, {}, { heightCm, legLengthCm: null });
  const outDir = resolve(values.out);
  mkdirSync(outDir, { recursive: true });
  const outFile = join(outDir, 'analysis.json');
  writeFileSync(outFile, JSON.stringify(analysisJson(basename(videoPath), track, summary, gait)));
  const cadence = gait.metrics.cadenceSpm.mean;
  console.log(
    `${basename(videoPath)}: pose found in ${summary.framesWithPose} of ${summary.frames} frames (${model} model); ` +
      `${gait.view.kind} view, ${gait.gait.kind}, ${gait.events.length} gait events, cadence ${cadence === null ? 'not measured' : `${cadence.toFixed(1)} steps/min`}, ` +
      `${gait.findings.length} finding(s) -> ${outFile}`,
  );
  if (pdfPath !== null) {
    const pdf = await api['report.pdf']({ visitId: visit.id });
    try {
      writeFileSync(pdfPath, pdf, { flag: values.overwrite ? 'w' : 'wx' });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') fail(`${pdfPath} appeared while analysing: it was not replaced. Add --overwrite to replace it.`);
      throw error;
    }
    console.log(`report -> ${pdfPath}`);
  }
} catch (error) {
  fail(error instanceof ServiceError || error instanceof Error ? error.message : String(error));
} finally {
  await browser.close();
  await bridge.close();
  if (!values.data) rmSync(dataDir, { recursive: true, force: true });
}
