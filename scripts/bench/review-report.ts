/**
 * Benchmark of what the clinician waits for after the pose analysis: the gait analysis that every
 * correction recomputes (in the renderer, here in Node: the same pure function), and printing the
 * report to PDF (the bridge's Chromium printer, as `report.pdf` and `analyze --pdf` use it).
 * Writes docs/benchmarks-review.md. Not a test: the numbers depend on the machine.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import type {} from '../../renderer/src/headless.ts';
import { printReportWithChromium, chromiumPath } from '../../electron/bridge/print-report.ts';
import { startBridge } from '../../electron/bridge/server.ts';
import { analyseTrack } from '../../shared/gait/analyse.ts';
import type { AnalysisOptions } from '../../shared/gait/types.ts';
import { draftPlan } from '../../shared/plan/generate.ts';
import { emptyIntake } from '../../shared/plan/intake.ts';
import { decodeTrack } from '../../shared/pose/track-codec.ts';
import { describeMachine } from './machine.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({ options: { out: { type: 'string', default: join(root, 'docs', 'benchmarks-review.md') } } });
const videosDir = process.env.GAITLENS_TEST_VIDEOS ?? join(root, '..', 'shared', 'data', 'videos');
const CLIPS = [
  { file: 'treadmill-sagittal-left-30fps-zzzhushi-male_side.mp4', label: 'treadmill 720x1280, 30 fps, 12 s' },
  { file: 'treadmill-sagittal-right-60fps-mhuang24-IMG_5396.mp4', label: 'treadmill 1080x1920, 60 fps, 6.5 s' },
];
const RUNS = 15;
const PRINTS = 3;
const log = (line: string) => console.log(`[bench] ${line}`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function timeMs(fn: () => void, runs: number): { median: number; max: number } {
  fn();
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  return { median: median(times), max: Math.max(...times) };
}

/** Pages of a PDF: the /Type /Page objects (Chromium writes them uncompressed). */
const pdfPages = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;

async function main(): Promise<void> {
  if (!existsSync(join(root, 'dist', 'renderer', 'headless.html'))) throw new Error('Build first: npm run build (npm run bench does).');
  const machine = describeMachine();
  const dataDir = mkdtempSync(join(tmpdir(), 'gaitlens-bench-review-'));
  const bridge = await startBridge({ dataDir, rendererDir: join(root, 'dist', 'renderer'), appVersion: 'bench', printReport: printReportWithChromium });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
  const api = bridge.services.handlers;
  const rows: string[] = [];
  try {
    const page = await browser.newPage();
    await page.goto(bridge.url);
    await page.goto(`${bridge.origin}/headless.html`);
    await page.locator('body[data-engine-ready]').waitFor();
    const client = await api['clients.create']({ name: 'Benchmark Runner', dateOfBirth: null, heightCm: 175, legLengthCm: null, dominantSide: null, notes: '' });
    for (const clip of CLIPS) {
      const path = join(videosDir, clip.file);
      if (!existsSync(path)) throw new Error(`Clip not found: ${path} (set GAITLENS_TEST_VIDEOS).`);
      const visit = await api['visits.create']({ clientId: client.id, visitDate: '2026-11-20', reason: '', notes: '' });
      const video = await api['visits.attachVideo']({ visitId: visit.id, source: { kind: 'path', path } });
      const saved = await page.evaluate(
        (o) => window.gaitlensEngine!.analyseAndSave(o),
        { visitVideoId: video.id, mediaId: video.mediaId, model: 'full' as const, captureFps: null, startS: 0, endS: null, workers: 2 as const },
      );
      if (saved.status !== 'saved') throw new Error(`${clip.file}: ${saved.status}`);
      const [withAnalysis] = (await api['visits.get']({ id: visit.id })).videos;
      const track = decodeTrack(await api['analyses.track']({ analysisId: withAnalysis!.analysis!.id }));
      const first = analyseTrack(track);
      const ic = first.events.find((e) => e.type === 'IC')!;
      const corrected: AnalysisOptions = {
        calibration: { kind: 'height', heightCm: 175 },
        swapStretches: [{ startFrame: 40, endFrame: 50 }],
        eventEdits: { remove: [ic], add: [{ ...ic, frame: ic.frame + 1 }] },
      };
      const plain = timeMs(() => analyseTrack(track), RUNS);
      const withCorrections = timeMs(() => analyseTrack(track, corrected), RUNS);
      log(`${clip.label}: analyseTrack ${plain.median.toFixed(1)} ms, with corrections ${withCorrections.median.toFixed(1)} ms`);

      const analysis = analyseTrack(track, corrected);
      await api['videos.setCorrections']({ visitVideoId: video.id, options: corrected });
      const intake = { ...emptyIntake(), longRunDay: 'sun' as const, painLocation: 'outer right hip' };
      await api['visits.setIntake']({ visitId: visit.id, intake });
      await api['visits.setPlan']({ visitId: visit.id, plan: draftPlan({ findings: analysis.findings, cadenceSpm: analysis.metrics.cadenceSpm.mean, intake }) });
      const prints: number[] = [];
      let pdf: Uint8Array = new Uint8Array();
      for (let k = 0; k < PRINTS; k++) {
        const started = performance.now();
        pdf = await api['report.pdf']({ visitId: visit.id });
        prints.push(performance.now() - started);
      }
      log(`${clip.label}: report.pdf ${median(prints).toFixed(0)} ms, ${pdf.length} bytes, ${pdfPages(pdf)} pages`);
      rows.push(
        `| ${clip.label} | ${track.frames.length} | ${plain.median.toFixed(1)} (max ${plain.max.toFixed(1)}) | ${withCorrections.median.toFixed(1)} (max ${withCorrections.max.toFixed(1)}) | ${(median(prints) / 1000).toFixed(2)} | ${(pdf.length / 1024).toFixed(0)} KiB, ${pdfPages(pdf)} pages |`,
      );
    }
  } finally {
    await browser.close();
    await bridge.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
  const report = [
    '# Review and report benchmarks',
    '',
    `Measured by \`npm run bench\` (scripts/bench/review-report.ts) on ${new Date().toISOString().slice(0, 10)}. Not a test: the`,
    'numbers depend on the machine and on what else runs on it.',
    '',
    '## Machine',
    `- CPU: ${machine.cpu}, ${machine.cores} cores; RAM ${machine.ramGiB.toFixed(1)} GiB; ${machine.kernel}`,
    `- Load average (1, 5, 15 min) when the run started: ${machine.loadAverage}; when it ended: ${describeMachine().loadAverage}`,
    '- Node 24 (the project\'s own) for the gait analysis; Debian\'s Chromium, headless, for printing',
    '',
    '## What was measured',
    `- Gait analysis: \`analyseTrack\` on the whole clip's stored landmark track (full model), median of ${RUNS} runs after one`,
    '  warm-up: as detected, and with three corrections (calibration from height, a swapped stretch, a moved initial',
    '  contact). The review screen runs the same function after every correction, in the renderer.',
    `- Report: the \`report.pdf\` call (bridge): launch Chromium, load the report page, wait until it is drawn, print A4,`,
    `  close; median of ${PRINTS}; the report holds the analysis, the intake and a drafted plan (no key frames).`,
    '',
    '| clip | frames | gait analysis (ms) | with corrections (ms) | report.pdf (s) | PDF |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
  writeFileSync(values.out, report);
  log(`wrote ${values.out}`);
}

await main();
