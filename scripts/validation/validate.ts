/**
 * npm run validate: the app's real pipeline (pose in Chromium, then shared/gait) on each clip
 * annotated in tests/fixtures/validation, on copies of the slow-motion clip keeping every
 * 2nd, 4th and 8th frame (120, 60 and 30 fps) and on a copy of the 60 fps clip keeping every 2nd
 * (30 fps), against the annotations (docs/validation.md); then cadence on x264 re-encodes
 * (crf 18 and 28) of those clips against each original.
 *
 *   npm run validate -- [--mode tracking-smoothed|tracking|per-frame] [--model lite|full|heavy]
 *                       [--workers 1|2] [--delegate CPU|GPU] [--clip TEXT] [--events] [--no-heavy-retry]
 *
 * As the app does, a clip whose feet the model lost (shared/gait/foot-tracking.ts) is analysed again
 * with the heavy model, and the track that followed the feet better is used (the "pose" column);
 * --no-heavy-retry keeps the chosen model's track.
 *
 * --delegate: where the pose model runs (default the CPU, whatever the machine has: the app's
 * automatic choice would make the results depend on it; with GPU the browser may use a graphics
 * processor, else MediaPipe's GPU path runs on software WebGL). --clip: only the clips whose file name
 * holds TEXT.
 *
 * Pose tracks are cached (GAITLENS_VALIDATION_CACHE, default ~/.cache/gaitlens-validation), so a
 * change to the analytics re-runs in seconds. --events lists every annotated event beside the
 * detected one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { analyseTrack } from '../../shared/gait/analyse.ts';
import { extractBody } from '../../shared/gait/body.ts';
import { heavyKeptBetter } from '../../shared/gait/foot-tracking.ts';
import { applyLegSwap, legSwapMask } from '../../shared/gait/identity.ts';
import { eventTimingErrorMs } from '../../shared/gait/measure-error.ts';
import type { LandmarkTrack, PoseModel } from '../../shared/pose/track.ts';
import type { PoseDelegate } from '../../renderer/src/analysis/delegate.ts';
import { DEFAULT_POSE_MODE, type PoseMode } from '../../renderer/src/analysis/protocol.ts';
import { annotatedCadenceSpm, annotatedContactMs, compareKind, contactErrorsMs, dutyFactorErrorsPct, mean, nearLabelOf, stanceLabelFromFeet, summariseErrors, type Annotation, type IdentityEvidence, type KindResult } from './compare.ts';
import { PoseRunner, sha256File } from './pose-runner.ts';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'validation');
const VIDEOS = process.env.GAITLENS_TEST_VIDEOS ?? join(ROOT, '..', 'shared', 'data', 'videos');
/** Clips also analysed as copies keeping every k-th frame: the same events at lower frame rates. */
const SUBSAMPLING: Record<string, number[]> = {
  'treadmill-sagittal-right-slowmo-nominal30fps-mhuang24-lab.mp4': [2, 4, 8],
  'treadmill-sagittal-right-60fps-mhuang24-IMG_5396.mp4': [2],
};

const { values } = parseArgs({
  options: {
    mode: { type: 'string', default: DEFAULT_POSE_MODE },
    model: { type: 'string', default: 'full' },
    workers: { type: 'string', default: '2' },
    events: { type: 'boolean', default: false },
    delegate: { type: 'string', default: 'CPU' },
    clip: { type: 'string', default: '' },
    'no-heavy-retry': { type: 'boolean', default: false },
  },
});
const mode = values.mode as PoseMode;
if (!['tracking-smoothed', 'tracking', 'per-frame'].includes(mode)) throw new Error(`--mode ${mode}: tracking-smoothed, tracking or per-frame`);
const model = values.model as PoseModel;
const workers = Number(values.workers) as 1 | 2;
const delegate = values.delegate.toUpperCase() as PoseDelegate;
if (delegate !== 'CPU' && delegate !== 'GPU') throw new Error(`--delegate ${values.delegate}: CPU or GPU`);
/** Only the clips whose file name holds this text (all when empty). */
const chosen = (file: string) => file.includes(values.clip);

interface IdentityFixture {
  /** Clips without evidence say why (`why`): no crossing could be read. */
  clips: { video: string; captureFps: number; evidence: IdentityEvidence[]; why?: string }[];
}

interface Run {
  annotation: Annotation;
  label: string;
  video: string;
  /** Every k-th frame of the annotated clip. */
  k: number;
  fps: number;
}

/** A copy keeping every k-th frame, re-timed to the original's file rate (the capture rate is given apart), near lossless. */
function subsampled(video: string, k: number, cacheDir: string): string {
  const out = join(cacheDir, `${sha256File(video).slice(0, 16)}-every${k}.mp4`);
  if (existsSync(out)) return out;
  const rate = execFileSync('ffprobe', ['-v', 'error', '-select_streams', 'v', '-show_entries', 'stream=r_frame_rate', '-of', 'csv=p=0', video], { encoding: 'utf8' }).trim();
  execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', video, '-vf', `select='not(mod(n\\,${k}))',setpts=N/(${rate})/TB`, '-r', rate, '-c:v', 'libx264', '-crf', '12', '-pix_fmt', 'yuv420p', '-an', out]);
  return out;
}

const REENCODE_CRF = [18, 28];

/** The same frames re-encoded with x264 at this crf, as a clinic's export or a messaging app would. */
function reencoded(video: string, crf: number, cacheDir: string): string {
  const out = join(cacheDir, `${sha256File(video).slice(0, 16)}-crf${crf}.mp4`);
  if (!existsSync(out)) execFileSync('ffmpeg', ['-v', 'error', '-y', '-i', video, '-c:v', 'libx264', '-crf', String(crf), '-pix_fmt', 'yuv420p', '-an', out]);
  return out;
}

const f1 = (x: number | null) => (x === null ? '-' : x.toFixed(1));
const f2 = (x: number | null) => (x === null ? '-' : (x >= 0 ? '+' : '') + x.toFixed(2));

function row(cells: (string | number)[], widths: number[]): string {
  return cells.map((c, i) => String(c).padStart(widths[i]!)).join(' ');
}

function kindCells(result: KindResult, fps: number): string[] {
  const s = summariseErrors(result);
  const ms = s.meanSignedFrames === null ? null : (s.meanSignedFrames * 1000) / fps;
  return [`${s.n}/${result.annotated}`, String(result.missed), String(result.extra.length), f1(s.medianAbsFrames), f2(s.meanSignedFrames), ms === null ? '-' : `${ms >= 0 ? '+' : ''}${ms.toFixed(0)}`];
}

async function main(): Promise<void> {
  const annotations = readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as Annotation)
    .filter((a) => chosen(a.video));
  const missing = annotations.filter((a) => !existsSync(join(VIDEOS, a.video)));
  if (missing.length > 0) throw new Error(`clips not found in ${VIDEOS}: ${missing.map((a) => a.video).join(', ')} (set GAITLENS_TEST_VIDEOS)`);
  const runner = await PoseRunner.start(delegate === 'GPU');
  /** The track the app keeps for a clip: the chosen model's, or the heavy model's where it followed the feet the first one lost better (renderer/src/app/analyse-and-save.ts). */
  const appTrack = async (video: string, captureFps: number): Promise<LandmarkTrack> => {
    const log = (line: string) => console.error(line);
    const first = await runner.track(video, { model, mode, workers, delegate, captureFps }, log);
    if (model === 'heavy' || values['no-heavy-retry']) return first;
    const feet = analyseTrack(first, { captureFps }).footTracking;
    if (!feet.lost) return first;
    const heavy = await runner.track(video, { model: 'heavy', mode, workers, delegate, captureFps }, log);
    return heavyKeptBetter(feet, analyseTrack(heavy, { captureFps }).footTracking) ? heavy : first;
  };
  try {
    const runs: Run[] = annotations.flatMap((annotation) => {
      const video = join(VIDEOS, annotation.video);
      const base: Run = { annotation, label: annotation.video.replace(/\.mp4$/, ''), video, k: 1, fps: annotation.captureFps };
      return [base, ...(SUBSAMPLING[annotation.video] ?? []).map((k) => ({ ...base, video: subsampled(video, k, runner.cacheDir), k, fps: annotation.captureFps / k }))];
    });
    const widths = [44, 5, 6, 4, 5, 5, 6, 6, 6, 4, 5, 5, 6, 6, 8, 8, 7, 6, 8, 8, 6, 11, 6, 14];
    const lines = [
      `GaitLens validation ${new Date().toISOString().slice(0, 10)}: pose ${model}${model === 'heavy' || values['no-heavy-retry'] ? '' : ' (heavy where it lost the feet)'}, ${mode}, ${workers} worker(s), ${delegate} delegate`,
      'IC/TO: matched/annotated, missed, extra, median |error| (frames), mean signed error (frames, ms); contact time: mean signed and mean |error| (ms), and the error the app states at this rate;',
      'duty factor: mean signed error (percentage points); cadence (steps/min): the whole clip\'s as the app shows it, the annotated contacts\' by the same lattice fit, error ("-" where the annotations do not cover the clip);',
      'feet off: the share of foot readings off their path (%; "lost" above 12%: the app marks the timing values not reliable, shared/gait/foot-tracking.ts); pose: the model whose track is used;',
      'shown L / R: the contact time the app shows for each leg (its mean over the strides) minus the annotated foot\'s mean (ms; by the side names, "x" where the app marks it not reliable)',
      row(['clip', 'fps', 'IC n', 'miss', 'extra', 'med|e|', 'mean', 'ms', 'TO n', 'miss', 'extra', 'med|e|', 'mean', 'ms', 'contact', '|contact|', 'stated', 'duty', 'cadence', 'annot.', 'error', 'feet off', 'pose', 'shown L / R'], widths),
    ];
    const details: string[] = [];
    for (const run of runs) {
      const track = await appTrack(run.video, run.fps);
      const analysis = analyseTrack(track, { captureFps: run.fps });
      const detected = analysis.events.map((e) => ({ side: e.side, type: e.type, frame: e.frame }));
      const cadence = annotatedCadenceSpm(run.annotation);
      // half a step: the same event of the other foot is a step away
      const maxGap = cadence === null ? 10 : Math.max(1, Math.round((0.5 * 60 * run.fps) / cadence));
      const ic = compareKind(run.annotation, detected, 'IC', run.k, maxGap);
      const to = compareKind(run.annotation, detected, 'TO', run.k, maxGap);
      const contact = contactErrorsMs(ic, to, run.annotation, run.k, run.fps);
      const duty = dutyFactorErrorsPct(ic, to, run.annotation, run.k);
      const shownCadence = analysis.metrics.cadenceSpm.mean;
      const whole = run.annotation.annotatedFrames.first === 0 && run.annotation.annotatedFrames.last === run.annotation.frames - 1;
      lines.push(
        row(
          [
            run.label.slice(0, 44),
            run.fps,
            ...kindCells(ic, run.fps),
            ...kindCells(to, run.fps),
            f1(mean(contact)),
            f1(mean(contact.map(Math.abs))),
            `±${eventTimingErrorMs(run.fps).toFixed(0)}`,
            f1(mean(duty)),
            f1(shownCadence),
            f1(cadence),
            f1(!whole || shownCadence === null || cadence === null ? null : shownCadence - cadence),
            `${analysis.footTracking.offPathPct.toFixed(1)}${analysis.footTracking.lost ? ' lost' : ''}`,
            track.model,
            (['left', 'right'] as const)
              .map((side) => {
                const shown = analysis.metrics.perSide[side].contactTimeMs;
                const truth = annotatedContactMs(run.annotation, side);
                if (shown.mean === null || truth === null) return '-';
                return `${shown.mean - truth >= 0 ? '+' : ''}${(shown.mean - truth).toFixed(0)}${shown.notReliable && !shown.notReliable.included ? 'x' : ''}`;
              })
              .join(' / '),
          ],
          widths,
        ),
      );
      if (values.events) {
        details.push(`${run.label} at ${run.fps} fps (frames of the analysed clip):`);
        for (const [kind, result] of [['IC', ic], ['TO', to]] as const) {
          for (const m of result.matches) details.push(`  ${kind} foot ${m.foot} annotated ${m.truth}: ${m.detected ? `${m.detected.side} ${m.detected.frame} (${f2(m.errorFrames)})` : 'missed'}`);
          for (const e of result.extra) details.push(`  ${kind} extra: ${e.side} ${e.frame}`);
        }
      }
    }
    lines.push('', 'Cadence (steps/min, whole clip, as the app shows it) on re-encoded copies of the same frames (x264), against the original:');
    const reencodeWidths = [44, 5, 9, ...REENCODE_CRF.flatMap(() => [9, 7])];
    lines.push(row(['clip', 'fps', 'original', ...REENCODE_CRF.flatMap((crf) => [`crf ${crf}`, 'change'])], reencodeWidths));
    const clips = annotations.map((a) => ({ file: a.video, fps: a.captureFps }));
    for (const clip of clips) {
      const video = join(VIDEOS, clip.file);
      if (!existsSync(video)) {
        lines.push(`${clip.file}: not found in ${VIDEOS}, skipped`);
        continue;
      }
      const cadenceOf = async (path: string) => {
        const track = await appTrack(path, clip.fps);
        return analyseTrack(track, { captureFps: clip.fps }).metrics.cadenceSpm.mean;
      };
      const original = await cadenceOf(video);
      const cells: string[] = [];
      for (const crf of REENCODE_CRF) {
        const value = await cadenceOf(reencoded(video, crf, runner.cacheDir));
        cells.push(f1(value), f2(value === null || original === null ? null : value - original));
      }
      lines.push(row([clip.file.replace(/\.mp4$/, '').slice(0, 44), clip.fps, f1(original), ...cells], reencodeWidths));
    }
    lines.push(
      '',
      'Near and far leg (side views): the app\'s call from the image cues, the crossings of the shanks read from the pixels (left / right / read: which labelled shank\'s colour the crossing takes; the occlusion cue\'s strength), and the label the app gives the leg read as near by eye at crossings (the stance leg = the lower foot; tests/fixtures/validation/identity):',
    );
    const identityWidths = [44, 5, 7, 6, 10, 6, 14, 6, 26, 6];
    lines.push(row(['clip', 'fps', 'near', 'conf.', 'exchanged', 'asks', 'crossings L/R/n', 'occl.', 'by eye', 'match'], identityWidths));
    const identity = JSON.parse(readFileSync(join(FIXTURES, 'identity', 'clips.json'), 'utf8')) as IdentityFixture;
    const tally = { decided: 0, decidedChecked: 0, decidedRight: 0, asked: 0, askedChecked: 0 };
    for (const clip of identity.clips.filter((c) => chosen(c.video))) {
      const video = join(VIDEOS, clip.video);
      if (!existsSync(video)) {
        lines.push(`${clip.video}: not found in ${VIDEOS}, skipped`);
        continue;
      }
      const track = await appTrack(video, clip.captureFps);
      const analysis = analyseTrack(track, { captureFps: clip.captureFps });
      const call = analysis.identity.nearFar;
      const occlusionCue = call?.cues.find((c) => c.id === 'occlusion');
      const counts = occlusionCue?.crossings;
      const occlusion = occlusionCue && { crossings: counts ? `${counts.left}/${counts.right}/${counts.read}` : 'not read', strength: occlusionCue.strength.toFixed(2) };
      // the stance leg at each evidence frame is the lower foot, on the landmarks as the app labels them
      const body = applyLegSwap(extractBody(track), legSwapMask(analysis));
      const lowY = (side: 'left' | 'right', k: number) => Math.max(body[side].heel.y[k]!, body[side].toe.y[k]!);
      const minGap = 0.02 * (analysis.calibration.legLengthPx ?? 0);
      const read = clip.evidence.map((ev) => {
        const k = analysis.frames.frame.indexOf(ev.frame);
        return k < 0 ? null : nearLabelOf(stanceLabelFromFeet(lowY('left', k), lowY('right', k), minGap), ev.front);
      });
      const known = read.filter((x): x is 'left' | 'right' => x !== null);
      const byEye = known.length === 0 ? null : known.filter((x) => x === 'left').length * 2 > known.length ? 'left' : known.filter((x) => x === 'right').length * 2 > known.length ? 'right' : null;
      // after the app's identity fixes the near leg carries the label of the side facing the camera
      const appNear = analysis.view.kind === 'sagittal' ? analysis.view.side : null;
      const checked = byEye !== null && appNear !== null;
      if (analysis.identity.sides === 'unconfirmed') {
        tally.asked++;
        if (checked) tally.askedChecked++;
      } else {
        tally.decided++;
        if (checked) tally.decidedChecked++;
        if (checked && byEye === appNear) tally.decidedRight++;
      }
      lines.push(
        row(
          [
            clip.video.replace(/\.mp4$/, '').slice(0, 44),
            clip.captureFps,
            call?.near ?? '-',
            call ? call.confidence.toFixed(2) : '-',
            call ? (call.exchanged ? 'yes' : 'no') : '-',
            analysis.identity.sides === 'unconfirmed' ? 'yes' : 'no',
            occlusion ? occlusion.crossings : '-',
            occlusion ? occlusion.strength : '-',
            clip.evidence.length === 0 ? 'not read' : `${byEye ?? '?'} (${read.map((x) => x ?? '?').join(',')})`,
            byEye === null || appNear === null ? '-' : byEye === appNear ? 'yes' : 'NO',
          ],
          identityWidths,
        ),
      );
    }
    lines.push(
      `The app decided without asking on ${tally.decided} clips (right on ${tally.decidedRight} of the ${tally.decidedChecked} read by eye) and asked on ${tally.asked} (${tally.askedChecked} of them read by eye).`,
    );
    for (const clip of identity.clips.filter((c) => c.why)) lines.push(`${clip.video.replace(/\.mp4$/, '')}: not read by eye (${clip.why})`);
    console.log([...lines, ...details].join('\n'));
  } finally {
    await runner.close();
  }
}

main().catch((error: unknown) => {
  console.error(`validate: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
