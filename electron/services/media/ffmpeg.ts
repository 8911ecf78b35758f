/**
 * The bundled ffmpeg: where it is, how many frames a file holds, and the conversion of a video
 * the platform cannot decode (HEVC on Linux, MJPEG or MPEG-4 Part 2 in AVI) to H.264 in MP4,
 * near lossless, every frame kept with its timestamp. docs/video-formats.md says why a native
 * binary (the @ffmpeg-installer packages) and not ffmpeg.wasm.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ServiceError } from '../../../shared/contract/dispatch.ts';

const EXECUTABLE = process.platform === 'win32' ? 'ffmpeg.exe' : 'ffmpeg';

/**
 * The ffmpeg to run: GAITLENS_FFMPEG if set, else the one in the installed app's resources
 * (electron-builder copies it to resources/ffmpeg), else the platform's @ffmpeg-installer package
 * under one of the roots (a development checkout). Null when there is none.
 */
export function findFfmpeg(roots: readonly string[], resourcesPath?: string): string | null {
  const candidates = [
    process.env.GAITLENS_FFMPEG,
    resourcesPath && join(resourcesPath, 'ffmpeg', EXECUTABLE),
    ...roots.map((root) => join(root, 'node_modules', '@ffmpeg-installer', `${process.platform}-${process.arch}`, EXECUTABLE)),
  ];
  return candidates.find((path): path is string => typeof path === 'string' && path !== '' && existsSync(path)) ?? null;
}

/**
 * The encoder settings. CRF 14 with the veryfast preset: luma PSNR about 48 dB against an HEVC
 * source (visually lossless is above about 45 dB); docs/video-formats.md has the measurements.
 */
const H264 = ['-c:v', 'libx264', '-preset', 'veryfast', '-crf', '14', '-pix_fmt', 'yuv420p'];

export interface ConvertOptions {
  /** Frames done so far, as ffmpeg reports them (about twice a second). */
  onFrames?: (framesDone: number) => void;
  signal?: AbortSignal;
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(ffmpeg: string, args: string[], signal?: AbortSignal, onStdout?: (chunk: string) => void): Promise<Run> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(cancelled());
    const child = spawn(ffmpeg, ['-hide_banner', '-nostdin', ...args], { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let stdout = '';
    let stderr = '';
    const abort = () => child.kill('SIGKILL');
    signal?.addEventListener('abort', abort, { once: true });
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      onStdout?.(chunk);
    });
    // the tail is enough to explain a failure
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr = (stderr + chunk).slice(-20_000)));
    child.on('error', (error) => {
      signal?.removeEventListener('abort', abort);
      reject(new ServiceError('unavailable', `The video converter could not be started (${error.message}). Reinstalling GaitLens should restore it.`));
    });
    child.on('close', (code) => {
      signal?.removeEventListener('abort', abort);
      if (signal?.aborted) reject(cancelled());
      else resolve({ code, stdout, stderr });
    });
  });
}

const cancelled = () => new ServiceError('cancelled', 'The conversion was cancelled. The original video is kept as it was.');

/** The last "frame=N" of ffmpeg's -progress output. */
function lastFrame(progress: string): number | null {
  const matches = [...progress.matchAll(/^frame=(\d+)$/gm)];
  return matches.length > 0 ? Number(matches.at(-1)![1]) : null;
}

/** Why ffmpeg failed, in words a clinician can act on. */
function explain(stderr: string, name: string): ServiceError {
  if (/No space left on device/i.test(stderr)) {
    return new ServiceError('storage', `The disk is full: "${name}" was not converted and nothing was changed. Free some space and try again.`);
  }
  if (/Invalid data found|moov atom not found|could not find codec parameters|Invalid argument|End of file/i.test(stderr)) {
    return new ServiceError('media', `"${name}" could not be read as a video: it may be damaged or cut short. Attach the original file again.`);
  }
  const detail = stderr.trim().split('\n').filter((line) => line.trim() !== '').at(-1) ?? 'no detail';
  return new ServiceError('media', `"${name}" could not be converted (${detail}). The original video is kept as it was.`);
}

/** The number of video frames in a file, counted by reading (not decoding) every packet. */
export async function countFrames(ffmpeg: string, input: string, name: string, signal?: AbortSignal): Promise<number> {
  const result = await run(ffmpeg, ['-i', input, '-map', '0:v:0', '-c', 'copy', '-f', 'null', '-progress', 'pipe:1', '-nostats', '-'], signal);
  const frames = lastFrame(result.stdout);
  if (result.code !== 0 || frames === null) {
    if (/matches no streams|does not contain any stream/i.test(result.stderr)) {
      throw new ServiceError('media', `"${name}" holds no video picture (only sound), so there is nothing to convert.`);
    }
    throw explain(result.stderr, name);
  }
  return frames;
}

/**
 * Converts the first video stream of `input` to H.264 in an MP4 at `output`: every frame with its
 * own timestamp (passthrough, the source's time base), the file's metadata tags kept (a phone's
 * capture rate among them), sound left out, frames flagged interlaced (camcorders) deinterlaced
 * one for one, and a width or height that is odd cropped by one pixel (H.264 in 4:2:0 needs even
 * sizes). Rotation is applied to the pixels. Resolves with the
 * number of frames written.
 */
export async function convertToH264(ffmpeg: string, input: string, output: string, name: string, options: ConvertOptions = {}): Promise<number> {
  const args = [
    '-i', input,
    '-map', '0:v:0', '-an', '-sn', '-dn',
    '-map_metadata', '0',
    '-vf', 'yadif=deint=interlaced,crop=trunc(iw/2)*2:trunc(ih/2)*2',
    ...H264,
    '-vsync', 'passthrough', '-enc_time_base', '-1',
    '-movflags', '+faststart+use_metadata_tags',
    '-f', 'mp4', '-progress', 'pipe:1', '-nostats', '-y', output,
  ];
  let progress = '';
  const result = await run(ffmpeg, args, options.signal, (chunk) => {
    progress = (progress + chunk).slice(-4_000);
    const frames = lastFrame(progress);
    if (frames !== null) options.onFrames?.(frames);
  });
  const frames = lastFrame(progress);
  if (result.code !== 0 || frames === null) throw explain(result.stderr, name);
  return frames;
}
