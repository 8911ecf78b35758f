/**
 * Benchmark of the conversion to H.264 (electron/services/media/ffmpeg.ts) on a 10 s 1080p clip
 * made from the shared 60 fps treadmill clip: HEVC 8-bit and 10-bit in MOV and MJPEG in AVI, at 60
 * and 30 fps. Times the app's own conversion (the bundled ffmpeg, every frame counted before and
 * after), and measures the copy's size and its fidelity (luma PSNR against the decoded source).
 * Writes docs/benchmarks-conversion.md. Not a test: the numbers depend on the machine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { convertToH264, countFrames } from '../../electron/services/media/ffmpeg.ts';
import { ffmpegAndClip } from './inputs.ts';
import { describeMachine } from './machine.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const { values } = parseArgs({ options: { out: { type: 'string', default: join(root, 'docs', 'benchmarks-conversion.md') } } });
const SOURCE = 'treadmill-sagittal-right-60fps-mhuang24-IMG_5396.mp4';
const log = (line: string) => console.log(`[bench] ${line}`);

/** The sources: 10 s of the clip (looped), encoded as a phone or a webcam would. */
const SOURCES = [
  { label: 'HEVC 8-bit, MOV (iPhone)', file: 'hevc8-60.mov', fps: 60, args: ['-c:v', 'libx265', '-preset', 'fast', '-crf', '22', '-tag:v', 'hvc1', '-x265-params', 'log-level=error'] },
  { label: 'HEVC 8-bit, MOV (iPhone)', file: 'hevc8-30.mov', fps: 30, args: ['-c:v', 'libx265', '-preset', 'fast', '-crf', '22', '-tag:v', 'hvc1', '-x265-params', 'log-level=error'] },
  {
    label: 'HEVC 10-bit, MOV (iPhone HDR)',
    file: 'hevc10-60.mov',
    fps: 60,
    args: ['-c:v', 'libx265', '-preset', 'fast', '-crf', '22', '-pix_fmt', 'yuv420p10le', '-tag:v', 'hvc1', '-x265-params', 'log-level=error'],
  },
  { label: 'MJPEG, AVI (webcam)', file: 'mjpeg-30.avi', fps: 30, args: ['-c:v', 'mjpeg', '-q:v', '3', '-pix_fmt', 'yuvj420p'] },
];

/** Luma PSNR (dB) of `copy` against `source`, frame by frame, both as 8-bit video-range 4:2:0 (what H.264 stores). */
function psnrY(ffmpeg: string, copy: string, source: string): number {
  const filter = '[1:v]scale=out_range=tv,format=yuv420p[source];[0:v]format=yuv420p[copy];[copy][source]psnr';
  const run = spawnSync(ffmpeg, ['-hide_banner', '-i', copy, '-i', source, '-lavfi', filter, '-f', 'null', '-'], { encoding: 'utf8' });
  return Number(/PSNR y:([\d.]+)/.exec(run.stderr)?.[1] ?? NaN);
}

async function main(): Promise<void> {
  const { ffmpeg, clip } = ffmpegAndClip(root, SOURCE);
  const machine = describeMachine();
  const dir = mkdtempSync(join(tmpdir(), 'gaitlens-bench-convert-'));
  const rows: string[] = [];
  try {
    for (const source of SOURCES) {
      const input = join(dir, source.file);
      const format = source.file.endsWith('.avi') ? 'avi' : 'mov';
      log(`making ${source.file}`);
      execFileSync(ffmpeg, ['-v', 'error', '-y', '-stream_loop', '1', '-i', clip, '-t', '10', '-an', '-r', String(source.fps), ...source.args, '-f', format, input]);
      const output = join(dir, `${source.file}.mp4`);
      const started = performance.now();
      const framesIn = await countFrames(ffmpeg, input, source.file);
      const frames = await convertToH264(ffmpeg, input, output, source.file);
      const framesOut = await countFrames(ffmpeg, output, source.file);
      const seconds = (performance.now() - started) / 1000;
      const psnr = psnrY(ffmpeg, output, input);
      log(`${source.file}: ${framesIn} -> ${framesOut} frames in ${seconds.toFixed(1)} s, PSNR ${psnr.toFixed(1)} dB`);
      if (frames !== framesIn || framesOut !== framesIn) throw new Error(`${source.file}: ${framesIn} frames in, ${framesOut} out`);
      rows.push(
        `| ${source.label} | 1080x1920, ${source.fps} fps, ${framesIn} frames | ${(statSync(input).size / 2 ** 20).toFixed(1)} MiB | ${seconds.toFixed(1)} s ` +
          `(${(framesIn / seconds).toFixed(0)} frames/s, ${(10 / seconds).toFixed(2)}x real time) | ${(statSync(output).size / 2 ** 20).toFixed(1)} MiB | ${psnr.toFixed(1)} dB |`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const loadAfter = describeMachine().loadAverage;
  const version = execFileSync(ffmpeg, ['-version'], { encoding: 'utf8' }).split('\n')[0];
  writeFileSync(
    values.out!,
    `# Conversion benchmark

Measured by \`npm run bench\` (scripts/bench/conversion.ts) on ${new Date().toISOString().slice(0, 10)}. Not a test: the
numbers depend on the machine and on what else runs on it. docs/video-formats.md says when a video is converted.

## Machine
- CPU: ${machine.cpu}, ${machine.cores} cores; RAM ${machine.ramGiB.toFixed(1)} GiB; ${machine.kernel}
- Load average (1, 5, 15 min) when the run started: ${machine.loadAverage}; when it ended: ${loadAfter}
- The bundled ffmpeg: ${version}

## What was measured
- Sources: 10 s of the shared 1080x1920 60 fps treadmill clip (looped), encoded as a phone or a webcam writes it
  (HEVC with x265 CRF 22, MJPEG quality 3), at 60 fps and, keeping every 2nd frame, at 30 fps.
- Time: the app's conversion as the visit page runs it: count the source's frames, convert (x264 veryfast CRF 14,
  every frame at its own timestamp), count the copy's frames (they must match). One run each.
- Fidelity: luma PSNR of the copy against the decoded source, averaged over the frames (above about 45 dB is
  visually lossless).

| source | frames | source size | conversion | copy size | PSNR (Y) |
|---|---|---|---|---|---|
${rows.join('\n')}
`,
  );
  log(`wrote ${values.out}`);
}

await main();
