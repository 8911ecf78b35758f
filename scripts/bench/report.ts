/** docs/benchmarks.md from the benchmark's measurements. */
import type { StageTimes, TimingResult, VideoProbe } from '../../renderer/src/analysis/protocol.ts';
import type { PoseModel } from '../../shared/pose/track.ts';
import type { Machine } from './machine.ts';

export interface EndToEnd {
  model: PoseModel;
  workers: 1 | 2;
  frames: number;
  withPose: number;
  /** Wall time of analyseVideo, model loading included. */
  totalMs: number;
  /** Frames per second once frames flow (first progress report to the end). */
  steadyFps: number;
  peakMiB: number;
  longTasks: number;
  longestTaskMs: number;
}

export interface Inference {
  model: PoseModel;
  workers: 1 | 2;
  fps: number;
  perWorkerFps: number[];
  peakMiB: number;
}

export interface Legacy {
  complexity: 0 | 1 | 2;
  frames: number;
  msPerFrame: number;
  withPose: number;
}

export interface ClipResult {
  file: string;
  label: string;
  probe: VideoProbe;
  decode: { workers: 1 | 2; fps: number }[];
  endToEnd: EndToEnd[];
  inference: Inference[];
  /** The full model on two workers, timed stage by stage (renderer/src/analysis/benchmark.ts timeStages). */
  stages: TimingResult[];
  /** The same with the model given every frame at full size (clips whose frames the engine scales down): the before. */
  stagesFullSize?: TimingResult[];
}

export interface BenchResults {
  quick: boolean;
  date: string;
  machine: Machine;
  chromium: string;
  clips: ClipResult[];
  legacy: { clip: string; results: Legacy[] };
  inferenceSeconds: number;
  foreignRequests: string[];
  /** /proc/loadavg when the run ended (other work on the machine skews the numbers). */
  loadAverageAtEnd: string;
}

const f1 = (n: number) => n.toFixed(1);
const f0 = (n: number) => n.toFixed(0);
const pct = (n: number) => `${n >= 0 ? '+' : ''}${(n * 100).toFixed(0)}%`;

export function writeReport(results: BenchResults): string {
  const [main, ...others] = results.clips;
  const m = results.machine;
  const lines: string[] = [];
  const row = (...cells: (string | number)[]) => lines.push(`| ${cells.join(' | ')} |`);

  lines.push(
    '# Analysis engine benchmarks',
    '',
    `Measured by \`npm run bench${results.quick ? ' -- --quick' : ''}\` (scripts/bench) on ${results.date}. Not a test: the`,
    'numbers depend on the machine and on what else runs on it. Re-run after changing the engine.',
    '',
    '## Machine',
    `- CPU: ${m.cpu}, ${m.cores} cores; RAM ${m.ramGiB.toFixed(1)} GiB; ${m.kernel}`,
    `- Load average (1, 5, 15 min) when the run started: ${m.loadAverage}; when it ended: ${results.loadAverageAtEnd}`,
    `- Browser: Chromium ${results.chromium} (Debian, headless, no GPU: software WebGL), driven by Playwright through the local bridge`,
    '- Engine: @mediapipe/tasks-vision 1.1.0 PoseLandmarker (VIDEO mode, CPU delegate, one pose) in ES-module workers; mediabunny 1.61.0 + WebCodecs decoding',
    `- Requests outside the app's origin during the whole run: ${results.foreignRequests.length === 0 ? 'none' : results.foreignRequests.join(', ')}`,
    '',
  );

  if (main) {
    const window = main.endToEnd[0]!.frames;
    lines.push(
      `## ${main.label} (${main.file})`,
      '',
      `${main.probe.frames} frames, ${main.probe.width}x${main.probe.height}, ${f1(main.probe.fileFps)} fps. End to end: ${window} frames ` +
        `(${f1(window / main.probe.fileFps)} s of video). Inference only: the first ${results.inferenceSeconds} s decoded into memory first, then timed.`,
      '',
      '"Steady" frames/s count from the first progress report to the end (model loading excluded); "wall" is the whole call,',
      'loading included. Real time = steady frames/s / the clip\'s frame rate. Memory: peak proportional set size (PSS) summed',
      "over all Chromium processes, sampled every 100 ms. Long tasks: the page's main thread, over 50 ms, during the analysis.",
      '',
    );
    row('model', 'workers', 'end to end, steady frames/s', 'wall s', 'real time', 'inference only frames/s (per worker)', 'end to end vs inference', 'peak memory MiB', 'main-thread long tasks', 'frames with a pose');
    row('---', '---', '---', '---', '---', '---', '---', '---', '---', '---');
    for (const run of main.endToEnd) {
      const only = main.inference.find((i) => i.model === run.model && i.workers === run.workers);
      row(
        run.model,
        run.workers,
        f1(run.steadyFps),
        f1(run.totalMs / 1000),
        `${(run.steadyFps / main.probe.fileFps).toFixed(2)}x`,
        only ? `${f1(only.fps)} (${only.perWorkerFps.map(f1).join(' + ')})` : '-',
        only ? pct(run.steadyFps / only.fps - 1) : '-',
        f0(run.peakMiB),
        run.longTasks === 0 ? 'none' : `${run.longTasks} (longest ${f0(run.longestTaskMs)} ms)`,
        `${run.withPose}/${run.frames}`,
      );
    }
    lines.push('');
    const gain = (model: PoseModel) => {
      const one = main.endToEnd.find((r) => r.model === model && r.workers === 1);
      const two = main.endToEnd.find((r) => r.model === model && r.workers === 2);
      return one && two ? pct(two.steadyFps / one.steadyFps - 1) : '-';
    };
    lines.push(`Two workers instead of one: lite ${gain('lite')}, full ${gain('full')}, heavy ${gain('heavy')} frames/s end to end.`, '');
  }

  lines.push('## Decoding alone (every frame decoded and closed, no pose)', '');
  row('clip', 'frames decoded', '1 worker frames/s', '2 workers frames/s');
  row('---', '---', '---', '---');
  for (const clip of results.clips) {
    const one = clip.decode.find((d) => d.workers === 1)!;
    const two = clip.decode.find((d) => d.workers === 2)!;
    row(clip.label, clip === main ? main.endToEnd[0]!.frames : clip.probe.frames, f0(one.fps), f0(two.fps));
  }
  lines.push('');

  lines.push(
    '## Where the time goes (full model, two workers)',
    '',
    "Each worker's time per frame, ms, from its first frame to its last: waiting for the next decoded frame (demuxing and",
    "decoding, where they do not run ahead), preparing the model's input (the frame itself; scaled down from the decoded",
    "planes when its long side is over 1280 px, renderer/src/analysis/model-input.ts; drawn upright into a canvas when the",
    "file is rotated), PoseLandmarker's detectForVideo (image conversion and the model), reading the shanks' and shoes'",
    'pixels, posting the landmarks to the page. Model loading is excluded. Rows "given at full size (before)" time the same',
    'frames with the model given every frame at full size, as the engine did before scaling, in the same run. The gait',
    'analytics after the pose pass: docs/benchmarks-review.md.',
    '',
  );
  row('clip', 'frames', 'decode', 'prepare', 'inference', 'pixels', 'post', 'frames/s (both workers)', 'real time');
  row('---', '---', '---', '---', '---', '---', '---', '---', '---');
  const stageRow = (label: string, clip: ClipResult, stages: TimingResult[]) => {
    const frames = stages.reduce((sum, w) => sum + w.frames, 0);
    const per = (stage: keyof StageTimes) => stages.map((w) => f1(w.stages![stage] / w.frames)).join(' / ');
    const fps = (frames * 1000) / Math.max(...stages.map((w) => w.elapsedMs));
    row(label, frames, per('decodeMs'), per('prepareMs'), per('inferenceMs'), per('pixelsMs'), per('postMs'), f1(fps), `${(fps / clip.probe.fileFps).toFixed(2)}x`);
  };
  for (const clip of results.clips) {
    stageRow(clip.label, clip, clip.stages);
    if (clip.stagesFullSize) stageRow(`${clip.label}, given at full size (before)`, clip, clip.stagesFullSize);
  }
  lines.push('');

  if (others.length > 0) {
    lines.push('## Other clips, full model, two workers, whole clip', '');
    row('clip', 'frames', 'steady frames/s', 'wall s', 'real time', 'peak memory MiB', 'frames with a pose');
    row('---', '---', '---', '---', '---', '---', '---');
    for (const clip of others) {
      const run = clip.endToEnd[0]!;
      row(clip.label, run.frames, f1(run.steadyFps), f1(run.totalMs / 1000), `${(run.steadyFps / clip.probe.fileFps).toFixed(2)}x`, f0(run.peakMiB), `${run.withPose}/${run.frames}`);
    }
    lines.push('');
  }

  lines.push(
    '## Peer: the legacy @mediapipe/pose solution (0.5.1675469404)',
    '',
    `Same run, same page, ${results.legacy.clip}: its files served on the app's origin from node_modules/@mediapipe/pose (locateFile).`,
    'It runs on the main thread and through WebGL (software here); frames decoded beforehand by a video element; one warm-up frame.',
    '',
  );
  row('modelComplexity', 'frames', 'ms per frame', 'frames/s', 'frames with a pose');
  row('---', '---', '---', '---', '---');
  for (const run of results.legacy.results) row(run.complexity, run.frames, f0(run.msPerFrame), f1(1000 / run.msPerFrame), `${run.withPose}/${run.frames}`);
  lines.push('');

  if (main) {
    const full2 = main.endToEnd.find((r) => r.model === 'full' && r.workers === 2);
    const full1 = main.endToEnd.find((r) => r.model === 'full' && r.workers === 1);
    const inference1 = main.inference.find((i) => i.model === 'full' && i.workers === 1);
    const inference2 = main.inference.find((i) => i.model === 'full' && i.workers === 2);
    lines.push('## Goals');
    if (full2) {
      const met = full2.steadyFps >= main.probe.fileFps;
      lines.push(
        `- Full model at real time or better for 30 fps 720p: **${met ? 'met' : 'not met'}**: ${f1(full2.steadyFps)} frames/s with two workers ` +
          `(${(full2.steadyFps / main.probe.fileFps).toFixed(2)}x real time).`,
      );
    }
    if (full1 && inference1 && full2 && inference2) {
      const gap1 = full1.steadyFps / inference1.fps - 1;
      const gap2 = full2.steadyFps / inference2.fps - 1;
      lines.push(
        `- End to end within 10% of inference only: one worker ${pct(gap1)} (**${Math.abs(gap1) <= 0.1 ? 'met' : 'not met'}**), ` +
          `two workers ${pct(gap2)} (**${Math.abs(gap2) <= 0.1 ? 'met' : 'not met'}**), full model.`,
      );
    }
    lines.push(
      '- Spread: on this shared 2-core machine repeated runs differ by 10-30% (far more while other work runs), so compare rows of one run. ' +
        'Inference only runs on frames copied into memory the worker owns; where end to end comes out faster than inference only, ' +
        'read it as "no measurable decoding overhead" rather than a real gain.',
      '',
    );
  }
  return `${lines.join('\n')}\n`;
}
