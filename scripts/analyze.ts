/**
 * Headless analysis: the app's own pose pipeline, run in Chromium through the local bridge, with
 * the result written as analysis.json (format: docs/analysis-format.md), and with --pdf the client
 * report printed from the app's report page (docs/report.md). Options, exit codes and the intake
 * file: docs/headless.md.
 *
 * Without --data the video is analysed in a temporary data folder that is removed afterwards;
 * with --data it is stored there like any visit (client "Headless analysis").
 */
import { chromium } from 'playwright-core';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { printReportPage } from '../electron/bridge/print-report.ts';
import { startBridge, type Bridge } from '../electron/bridge/server.ts';
import { ServiceError } from '../shared/contract/dispatch.ts';
import type { ErrorCode } from '../shared/contract/result.ts';
import { feetLostAdvice, heavyRetryText, type HeavyRetry } from '../shared/gait/foot-tracking.ts';
import { analyseTrack } from '../shared/gait/analyse.ts';
import { summariseVisit } from '../shared/gait/visit-summary.ts';
import { draftPlan } from '../shared/plan/generate.ts';
import { emptyIntake, IntakeSchema, positiveRedFlags, runningAdviceHeld, upgradeIntake, type Intake } from '../shared/plan/intake.ts';
import { decodeTrack } from '../shared/pose/track-codec.ts';
import type { PoseModel } from '../shared/pose/track.ts';
import { analysisJson } from './analysis-json.ts';
import { ProgressReporter } from './headless/progress.ts';
import { containerNeedsConversion } from '../shared/contract/containers.ts';
import type { VisitVideo } from '../shared/contract/entities.ts';
import type { GaitLensEngine } from '../renderer/src/headless.ts';
import type { VideoProbe } from '../renderer/src/analysis/index.ts';
import type { AnalysisSummary } from '../shared/contract/entities.ts';
import { driftOf, type RunDrift } from '../shared/endurance/drift.ts';
import { clock, parseClock, proposeWindows, runWindowsOf, type WindowSpan } from '../shared/endurance/windows.ts';
import type { GaitAnalysis } from '../shared/gait/types.ts';
import type { LandmarkTrack } from '../shared/pose/track.ts';

const USAGE = `Usage: npm run analyze -- <video> [options]

  --model lite|full|heavy  pose model (default full)
  --capture-fps N          the real capture rate of a slow-motion clip
  --start S, --end S       the window to analyse, in seconds of the file
  --windows LIST|auto      a long run: analyse these windows of the file (m:ss-m:ss or seconds,
                           comma-separated; auto: the first and last minute and one every
                           5 minutes between) and write their drift to run.json
  --height CM              the runner's height: distances in cm
  --workers 1|2            pose workers (default 2)
  --out DIR                where analysis.json goes (default ./analysis)
  --data DIR               keep the visit in this data folder (default: a temporary one)
  --pdf FILE               also print the client report to FILE
  --overwrite              replace an existing PDF
  --intake FILE            the visit's intake (JSON, docs/headless.md): pain, training, red flags
  --plan                   draft the strengthening and mobility plan into the report
  --quiet                  no progress on stderr
  --verbose                a stack trace with an internal error
  --help                   this text

Exit codes: 0 done, 1 internal error, 2 bad input (option, video, intake or output), 3 no runner found.`;

/** Exit codes (docs/headless.md). */
const EXIT = { internal: 1, badInput: 2, noRunner: 3 } as const;

class Failure extends Error {
  readonly exitCode: number;
  constructor(exitCode: number, message: string) {
    super(message);
    this.exitCode = exitCode;
  }
}

const badInput = (message: string) => new Failure(EXIT.badInput, message);

const OPTIONS = {
  model: { type: 'string', default: 'full' },
  'capture-fps': { type: 'string' },
  height: { type: 'string' },
  start: { type: 'string', default: '0' },
  windows: { type: 'string' },
  end: { type: 'string' },
  workers: { type: 'string', default: '2' },
  out: { type: 'string', default: 'analysis' },
  data: { type: 'string' },
  pdf: { type: 'string' },
  overwrite: { type: 'boolean', default: false },
  intake: { type: 'string' },
  plan: { type: 'boolean', default: false },
  quiet: { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
  help: { type: 'boolean', default: false },
} as const;

const MODELS: PoseModel[] = ['lite', 'full', 'heavy'];
const CHROMIUM = process.env.GAITLENS_CHROMIUM ?? '/usr/bin/chromium';
const verbose = process.argv.includes('--verbose');

/** One line on stderr, the exit code by kind; the stack only with --verbose. */
function exitWith(error: unknown): never {
  const failure = error instanceof Failure ? error : null;
  const message = failure ? failure.message : `internal error: ${error instanceof Error ? error.message : String(error)}${verbose ? '' : ' (run again with --verbose for the details)'}`;
  console.error(`analyze: ${message.replace(/\s*\n\s*/g, ' ')}`);
  if (verbose && error instanceof Error && error.stack) console.error(error.stack);
  process.exit(failure ? failure.exitCode : EXIT.internal);
}

function parseOptions() {
  try {
    return parseArgs({ allowPositionals: true, options: OPTIONS });
  } catch (error) {
    const e = error as Error & { code?: string };
    const option = /'(--?[\w-]+)/.exec(e.message)?.[1] ?? 'an option';
    const what =
      e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `unknown option '${option}'`
        : e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
          ? /does not take an argument/.test(e.message)
            ? `${option} takes no value`
            : `${option} needs a value (${option} <value>)`
          : e.message.split('\n')[0]!.replace(/\.+$/, '');
    throw badInput(`${what}. Run "npm run analyze -- --help" for the options.`);
  }
}

const numberOption = (text: string | undefined, name: string, ok: (x: number) => boolean, expected: string): number | null => {
  if (text === undefined) return null;
  const x = Number(text);
  if (text.trim() === '' || !Number.isFinite(x) || !ok(x)) throw badInput(`--${name} "${text}" is not valid: it must be ${expected}.`);
  return x;
};

/** The intake file, validated as the app validates it (version 1 files are upgraded). */
function readIntake(path: string): Intake {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    throw badInput(e.code === 'ENOENT' ? `--intake ${path} does not exist.` : `--intake ${path} is not valid JSON (${e.message}).`);
  }
  const parsed = IntakeSchema.safeParse(raw !== null && typeof raw === 'object' ? upgradeIntake(raw) : raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw badInput(`--intake ${path}: ${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message} (format: docs/headless.md).`);
  }
  return parsed.data;
}

/** A folder the results can be written to (made if missing); otherwise a bad-input failure naming the option. */
function writableFolder(dir: string, option: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw badInput(`cannot write to ${dir} (${(error as NodeJS.ErrnoException).code ?? 'not writable'}): choose another ${option}.`);
  }
}

function checkVideo(path: string): void {
  if (!existsSync(path)) throw badInput(`${path} does not exist: check the path.`);
  const info = statSync(path);
  if (!info.isFile()) throw badInput(`${path} is not a file.`);
  if (info.size === 0) throw badInput(`${path} is empty (0 bytes): it is not a video.`);
}

/** Service errors about the input (an unreadable or unsupported video) are bad input; the rest internal. */
const INPUT_SERVICE_ERRORS: ErrorCode[] = ['invalid-argument', 'not-found', 'conflict', 'media'];

async function main(): Promise<void> {
  const { values, positionals } = parseOptions();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  if (positionals.length === 0) throw badInput('name the video to analyse: npm run analyze -- path/to/video.mp4 (--help for the options).');
  if (positionals.length > 1) throw badInput(`one video at a time: got ${positionals.length} (${positionals.join(', ')}).`);
  const videoPath = resolve(positionals[0]!);
  const model = values.model as PoseModel;
  if (!MODELS.includes(model)) throw badInput(`--model "${values.model}" is not valid: it must be one of ${MODELS.join(', ')}.`);
  const captureFps = numberOption(values['capture-fps'], 'capture-fps', (x) => x >= 1 && x <= 2000, 'a number from 1 to 2000');
  const startS = numberOption(values.start, 'start', (x) => x >= 0, 'seconds, 0 or more')!;
  const endArg = numberOption(values.end, 'end', (x) => x > startS, `seconds after --start (${startS})`);
  const windows = values.windows === undefined ? null : parseWindows(values.windows);
  if (windows !== null && (values.start !== '0' || values.end !== undefined)) throw badInput('--windows and --start/--end both choose what to analyse: give one of them.');
  if (values.workers !== '1' && values.workers !== '2') throw badInput(`--workers "${values.workers}" is not valid: it must be 1 or 2.`);
  const workers = values.workers === '1' ? 1 : 2;
  const heightCm = numberOption(values.height, 'height', (x) => x >= 50 && x <= 250, "the runner's height in cm, 50 to 250");
  const intake = values.intake !== undefined ? readIntake(resolve(values.intake)) : null;
  checkVideo(videoPath);
  const outDir = resolve(values.out);
  writableFolder(outDir, '--out folder');
  const pdfPath = values.pdf === undefined ? null : resolve(values.pdf);
  if (pdfPath !== null) {
    if (existsSync(pdfPath) && !values.overwrite) throw badInput(`${pdfPath} already exists: nothing was analysed. Add --overwrite to replace it.`);
    writableFolder(dirname(pdfPath), '--pdf path');
  }
  const rendererDir = resolve('dist', 'renderer');
  if (!existsSync(join(rendererDir, 'headless.html'))) throw new Failure(EXIT.internal, 'the app is not built: run "npm run build" first.');
  if (!existsSync(CHROMIUM)) throw new Failure(EXIT.internal, `Chromium is not at ${CHROMIUM}: install it (apt-get install chromium) or set GAITLENS_CHROMIUM to its path.`);

  const dataDir = values.data ? resolve(values.data) : mkdtempSync(join(tmpdir(), 'gaitlens-analyze-'));
  const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
  let browser: Awaited<ReturnType<typeof chromium.launch>> | null = null;
  let bridge: Bridge | null = null;
  try {
    bridge = await startBridge({
      dataDir,
      rendererDir,
      appVersion: version,
      // the report is printed in the browser that runs the analysis
      printReport: (site, visitId) => printReportPage(browser!, site, visitId),
    });
    // the graphics processor left on: the engine checks it against the processor before using it (docs/analysis-engine.md)
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    await run({ bridge, browser, videoPath, model, captureFps, startS, endArg, windows, workers, heightCm, intake, outDir, pdfPath, values });
  } catch (error) {
    if (error instanceof ServiceError) throw INPUT_SERVICE_ERRORS.includes(error.code) ? badInput(error.message) : error;
    throw error;
  } finally {
    await browser?.close();
    await bridge?.close();
    if (!values.data) rmSync(dataDir, { recursive: true, force: true });
  }
}

interface RunInput {
  bridge: Bridge;
  browser: Awaited<ReturnType<typeof chromium.launch>>;
  videoPath: string;
  model: PoseModel;
  captureFps: number | null;
  startS: number;
  endArg: number | null;
  /** The windows of a long run, 'auto' to propose them, or null for one stretch. */
  windows: WindowSpan[] | 'auto' | null;
  workers: 1 | 2;
  heightCm: number | null;
  intake: Intake | null;
  outDir: string;
  pdfPath: string | null;
  values: ReturnType<typeof parseOptions>['values'];
}

async function run({ bridge, browser, videoPath, model, captureFps, startS, endArg, windows, workers, heightCm, intake, outDir, pdfPath, values }: RunInput): Promise<void> {
  const api = bridge.services.handlers;
  const client = await api['clients.create']({ name: 'Headless analysis', dateOfBirth: null, heightCm, legLengthCm: null, dominantSide: null, notes: '' });
  const today = new Date().toISOString().slice(0, 10);
  const visit = await api['visits.create']({ clientId: client.id, visitDate: today, reason: intake?.reason || `npm run analyze ${basename(videoPath)}`, notes: '' });
  if (intake) await api['visits.setIntake']({ visitId: visit.id, intake });
  const attached = await api['visits.attachVideo']({ visitId: visit.id, source: { kind: 'path', path: videoPath } });

  const page = await browser.newPage();
  await page.route('**/*', (route) => (route.request().url().startsWith(`${bridge.origin}/`) ? route.continue() : route.abort('blockedbyclient')));
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const progress = new ProgressReporter({ tty: process.stderr.isTTY === true, write: (text) => process.stderr.write(text), now: () => performance.now() / 1000 });
  await page.exposeFunction('reportProgress', (done: number, total: number) => {
    if (!values.quiet) progress.update(done, total);
  });
  let delegateReason = '';
  await page.exposeFunction('reportDelegate', (reason: string) => {
    if (reason !== delegateReason) console.log(`${basename(videoPath)}: ${reason}`);
    delegateReason = reason;
  });
  await page.goto(bridge.url);
  await page.goto(`${bridge.origin}/headless.html`);
  await page.waitForSelector('body[data-engine-ready]', { state: 'attached' });

  const { video, probe } = await playableVideo(bridge, page, attached, values.quiet === true);
  const capture = chooseCaptureRate(captureFps, probe);
  console.log(`${basename(videoPath)}: capture rate ${Number(capture.fps.toFixed(2))} fps, ${capture.origin}`);
  if (capture.fps !== probe.fileFps) await api['videos.setCaptureFps']({ visitVideoId: video.id, captureFps: capture.fps });

  const stretch = (window: { startS: number; endS: number | null; runWindowId?: string }) =>
    analyseStretch(page, basename(videoPath), { visitVideoId: video.id, mediaId: video.mediaId, model, captureFps: capture.fps === probe.fileFps ? null : capture.fps, workers, ...window }, progress, pageErrors);
  const body = { heightCm, legLengthCm: null };
  let gait: GaitAnalysis;
  /** The model of the analysis the measures come from (the heavy one where it kept the feet the chosen model lost). */
  let gaitModel: PoseModel;
  let run: RunDrift | null = null;
  const outFile = join(outDir, 'analysis.json');
  if (windows === null) {
    const summary = await stretch({ startS, endS: endArg });
    const track = decodeTrack(await bridge.services.analyses.track(summary.id));
    // the height is on the client record, which calibrates the video as it does in the app and the report
    gait = analyseTrack(track, {}, body);
    gaitModel = summary.model;
    writeFileSync(outFile, JSON.stringify(analysisJson(basename(videoPath), track, summary, gait)));
  } else {
    const spans = windows === 'auto' ? proposeWindows(probe.durationS) : windows.map((w) => ({ startS: w.startS, endS: Math.min(w.endS, probe.durationS) }));
    const late = spans.find((w) => w.startS >= probe.durationS);
    if (late) throw badInput(`the window ${clock(late.startS)}-${clock(late.endS)} starts after the video ends (${clock(probe.durationS)}).`);
    const placed = await api['videos.setRunWindows']({ visitVideoId: video.id, windows: spans });
    const analysed: { startS: number; endS: number; summary: AnalysisSummary; track: LandmarkTrack; gait: GaitAnalysis }[] = [];
    for (const w of placed.runWindows) {
      const summary = await stretch({ startS: w.startS, endS: w.endS, runWindowId: w.id }).catch((error: unknown) => {
        if (error instanceof Failure && error.exitCode === EXIT.noRunner) {
          console.log(`${basename(videoPath)}: no runner in the window ${clock(w.startS)}-${clock(w.endS)}; the other windows go on`);
          return null;
        }
        throw error;
      });
      if (!summary) continue;
      const track = decodeTrack(await bridge.services.analyses.track(summary.id));
      analysed.push({ startS: w.startS, endS: w.endS, summary, track, gait: analyseTrack(track, {}, body) });
    }
    const first = analysed[0];
    if (!first) throw new Failure(EXIT.noRunner, 'no runner was found in any window: nothing was written. Check the windows, or try --model heavy.');
    const refs = runWindowsOf(await api['visits.get']({ id: visit.id }));
    run = driftOf(
      refs.map((ref) => {
        const a = analysed.find((x) => x.summary.id === ref.analysis.id)!.gait;
        return { id: ref.key, startS: ref.runStartS, endS: ref.runEndS, analysis: { id: ref.analysis.id, view: { kind: a.view.kind, side: a.view.side }, metrics: a.metrics }, sidesKnown: a.identity.sides !== 'unconfirmed' };
      }),
    );
    // the visit's measures are those of the first window, the runner before tiring (as in the app)
    gait = first.gait;
    gaitModel = first.summary.model;
    writeFileSync(outFile, JSON.stringify(analysisJson(basename(videoPath), first.track, first.summary, gait)));
    const runFile = join(outDir, 'run.json');
    writeFileSync(runFile, JSON.stringify({ format: 'gaitlens-run', version: 1, video: basename(videoPath), drift: run }));
    console.log(
      `${basename(videoPath)}: ${analysed.length} window(s) of the run analysed (${run.windows.map((w) => w.label).join(', ')}); ` +
        `${run.findings.length} drift finding(s)${run.findings.length > 0 ? `: ${run.findings.map((f) => f.title).join('; ')}` : ''} -> ${runFile}`,
    );
  }
  const cadence = gait.metrics.cadenceSpm.mean;
  console.log(
    `${basename(videoPath)}: ${gait.view.kind} view, ${gait.gait.kind}, ${gait.events.length} gait events, cadence ${cadence === null ? 'not measured' : `${cadence.toFixed(1)} steps/min${gait.metrics.cadenceSpm.notReliable ? ' (not reliable)' : ''}`}, ` +
      `${gait.findings.length} finding(s) -> ${outFile}`,
  );
  if (gait.footTracking.lost) {
    console.log(
      `${basename(videoPath)}: the pose model lost the feet in ${gait.footTracking.offPathPct}% of their readings: the foot strikes, the toe-offs and every value timed from them (all but trunk lean) are marked not reliable and left out of the findings and the report. ${feetLostAdvice(gaitModel)}`,
    );
  }

  if (values.plan) {
    // drafted as the app's plan screen drafts it, then marked for the clinician's review
    const visitSummary = summariseVisit([{ videoId: video.id, videoName: video.originalName, analysis: gait }]);
    const findings = [...visitSummary.findings.map((f) => f.finding), ...(run?.findings ?? [])];
    const plan = draftPlan({ findings, cadenceSpm: visitSummary.overall.cadenceSpm.summary.mean, intake: intake ?? emptyIntake() });
    await api['visits.setPlan']({ visitId: visit.id, plan: { ...plan, unreviewedDraft: true } });
    const held = intake !== null && runningAdviceHeld(intake);
    console.log(
      held
        ? `plan: on hold for the red flags in the intake (${positiveRedFlags(intake).map((f) => f.id).join(', ')}): the report gives the referral advice instead`
        : `plan: drafted for the clinician to review (${plan.items.length} exercises, ${plan.cues.length} running cue${plan.cues.length === 1 ? '' : 's'})`,
    );
  }

  if (pdfPath !== null) {
    const pdf = await api['report.pdf']({ visitId: visit.id });
    try {
      writeFileSync(pdfPath, pdf, { flag: values.overwrite ? 'w' : 'wx' });
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EEXIST') throw badInput(`${pdfPath} appeared while analysing: it was not replaced. Add --overwrite to replace it.`);
      throw badInput(`cannot write ${pdfPath} (${code ?? 'error'}): choose another --pdf path.`);
    }
    console.log(`report -> ${pdfPath}`);
  }
}

type Page = Awaited<ReturnType<Awaited<ReturnType<typeof chromium.launch>>['newPage']>>;

/** One stretch of the video through the app's Analyse path (analyseAndSave on the engine page), with progress on stderr; its stored summary. */
async function analyseStretch(
  page: Page,
  name: string,
  options: { visitVideoId: string; mediaId: string; model: PoseModel; captureFps: number | null; workers: 1 | 2; startS: number; endS: number | null; runWindowId?: string },
  progress: ProgressReporter,
  pageErrors: string[],
): Promise<AnalysisSummary> {
  const outcome = await page.evaluate(
    (o) => {
      const w = window as unknown as {
        gaitlensEngine: { analyseAndSave: (o: unknown) => Promise<{ status: string; summary?: AnalysisSummary; retry?: HeavyRetry | null; message?: string; frames?: number; code?: string }> };
        reportProgress: (done: number, total: number) => void;
        reportDelegate: (reason: string) => void;
      };
      return w.gaitlensEngine.analyseAndSave({
        ...o,
        onProgress: (p: { framesDone: number; framesTotal: number }) => w.reportProgress(p.framesDone, p.framesTotal),
        onDelegate: (choice: { reason: string }) => w.reportDelegate(choice.reason),
      });
    },
    options,
  );
  progress.finish();
  if (outcome.status === 'failed') {
    throw outcome.code === 'internal' || outcome.code === 'model' ? new Failure(EXIT.internal, outcome.message!) : badInput(outcome.message!);
  }
  if (outcome.status === 'no-pose') {
    throw new Failure(EXIT.noRunner, `no runner was found in any of the ${outcome.frames} frames analysed: nothing was written. Check that the person is in the picture, or try --model heavy.`);
  }
  if (outcome.status !== 'saved' || !outcome.summary) throw new Failure(EXIT.internal, outcome.message ?? `the analysis was not saved${pageErrors.length ? ` (${pageErrors.join('; ')})` : ''}.`);
  if (outcome.retry) console.log(`${name}: ${heavyRetryText(outcome.retry)}`);
  console.log(`${name}: pose found in ${outcome.summary.framesWithPose} of ${outcome.summary.frames} frames (${outcome.summary.model} model), ${clock(options.startS)}-${clock(outcome.summary.endS)} of the file`);
  return outcome.summary;
}

/** "--windows 0:00-1:00,11:00-12:00" (or seconds) as windows; "auto" proposes them from the video's length. */
function parseWindows(text: string): WindowSpan[] | 'auto' {
  if (text.trim() === 'auto') return 'auto';
  const spans = text.split(',').map((part) => {
    const [a, b, ...rest] = part.split('-');
    const startS = a === undefined ? null : parseClock(a);
    const endS = b === undefined ? null : parseClock(b);
    if (rest.length > 0 || startS === null || endS === null || !(endS > startS)) {
      throw badInput(`--windows: "${part.trim()}" is not a window: write it as start-end in m:ss or seconds (e.g. 0:00-1:00,11:00-12:00), or auto.`);
    }
    return { startS, endS };
  });
  return spans;
}
type Check = Awaited<ReturnType<GaitLensEngine['checkVideo']>>;

const checkIn = (page: Page, mediaId: string): Promise<Check> =>
  page.evaluate((id) => (window as unknown as { gaitlensEngine: GaitLensEngine }).gaitlensEngine.checkVideo(id), mediaId);

/**
 * The video as the app would analyse it: converted to H.264 first when this Chromium cannot
 * decode it (AVI, MPEG-TS, HEVC), as the visit page does, with progress on stderr.
 */
async function playableVideo(bridge: Bridge, page: Page, attached: VisitVideo, quiet: boolean): Promise<{ video: VisitVideo; probe: VideoProbe }> {
  let video = attached;
  const container = containerNeedsConversion(video.container);
  let check: Check | null = container !== null ? null : await checkIn(page, video.mediaId);
  if (check === null || (check.status === 'failed' && check.code === 'unsupported-codec')) {
    const what = check === null ? container : (check.codec ?? 'its codec');
    const progress = new ProgressReporter({ tty: process.stderr.isTTY === true, write: (text) => process.stderr.write(text), now: () => performance.now() / 1000, label: 'convert' });
    await bridge.services.handlers['videos.convert']({ visitVideoId: video.id });
    const timer = setInterval(() => {
      const status = bridge.services.conversions.status(video.id);
      if (!quiet && status.state === 'running' && status.framesTotal !== null) progress.update(status.framesDone, status.framesTotal);
    }, 500);
    const ended = await bridge.services.conversions.finished(video.id).finally(() => clearInterval(timer));
    progress.finish();
    if (ended.state !== 'done') throw badInput(ended.state === 'failed' ? ended.message : `the conversion of ${video.originalName} did not finish.`);
    console.log(`${video.originalName}: converted to H.264 in ${ended.elapsedS.toFixed(1)} s (${ended.frames} frames, every one kept): this Chromium cannot decode ${what}`);
    video = ended.video;
    check = await checkIn(page, video.mediaId);
  }
  if (check.status === 'failed') throw check.code === 'internal' ? new Failure(EXIT.internal, check.message) : badInput(check.message);
  return { video, probe: check.probe };
}

/** The capture rate to analyse at, and where it comes from: the option, the file's own statement, or the stored rate. */
function chooseCaptureRate(option: number | null, probe: VideoProbe): { fps: number; origin: string } {
  const stored = Number(probe.fileFps.toFixed(probe.fileFps % 1 ? 2 : 0));
  if (option !== null) return { fps: option, origin: `as given (--capture-fps; the file plays at ${stored} fps)` };
  if (probe.captureRate) return { fps: probe.captureRate.fps, origin: `read from the file: ${probe.captureRate.description} (--capture-fps overrides it)` };
  return { fps: probe.fileFps, origin: 'the rate stored in the file (give --capture-fps for slow motion)' };
}

main().catch(exitWith);
