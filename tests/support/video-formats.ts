/**
 * The clinic formats the conversion tests attach, made from a shared clip with the bundled ffmpeg
 * (the one GaitLens ships): a 2 s H.264 cut as the reference, then HEVC 8-bit and 10-bit in MOV
 * (hvc1, as iPhones write), MJPEG and MPEG-4 Part 2 in AVI (webcams, older cameras), H.264 in MKV
 * and in MPEG-TS / AVCHD M2TS (camcorders),
 * and H.264 files carrying a phone's capture rate. Made once per machine into a temp folder
 * named by what they are made from, so the unit and end-to-end tests share them.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFfmpeg } from '../../electron/services/media/ffmpeg.ts';
import { REPO_ROOT, testVideo, VIDEOS } from './videos.ts';

export const FORMATS = {
  /** The reference: the first 2 s (60 frames) of the 30 fps treadmill clip, H.264 in MP4. */
  reference: { file: 'reference.mp4', args: ['-c:v', 'libx264', '-crf', '16', '-pix_fmt', 'yuv420p'] },
  hevc8Mov: { file: 'hevc-8bit.mov', args: ['-c:v', 'libx265', '-crf', '20', '-tag:v', 'hvc1', '-x265-params', 'log-level=error'] },
  hevc10Mov: {
    file: 'hevc-10bit.mov',
    args: ['-c:v', 'libx265', '-crf', '20', '-pix_fmt', 'yuv420p10le', '-tag:v', 'hvc1', '-x265-params', 'log-level=error'],
  },
  mjpegAvi: { file: 'mjpeg.avi', args: ['-c:v', 'mjpeg', '-q:v', '3', '-pix_fmt', 'yuvj420p'] },
  /** The whole 12 s clip (360 frames) in MJPEG: long enough to watch a conversion's progress and cancel it. */
  mjpegAviLong: { file: 'mjpeg-12s.avi', args: ['-c:v', 'mjpeg', '-q:v', '3', '-pix_fmt', 'yuvj420p'] },
  mpeg4Avi: { file: 'mpeg4-part2.avi', args: ['-c:v', 'mpeg4', '-q:v', '3'] },
  h264Mkv: { file: 'h264.mkv', args: ['-c:v', 'copy'] },
  /** H.264 in MPEG-TS, and in AVCHD's M2TS (192-byte packets), as camcorders write it. */
  h264Ts: { file: 'h264.ts', args: ['-c:v', 'copy'] },
  avchdMts: { file: 'avchd.mts', args: ['-c:v', 'copy', '-mpegts_m2ts_mode', '1'] },
  /** An Android slow-motion file: stored at 30 fps, tagged as filmed at 240. */
  android240: { file: 'android-slowmo-240.mp4', args: ['-c:v', 'copy', '-metadata', 'com.android.capture.fps=240.000000', '-movflags', 'use_metadata_tags'] },
  /** A file stored at 240 fps, marked as an iPhone slow-motion original. */
  iphone240: {
    file: 'iphone-slowmo-240.mov',
    args: ['-c:v', 'copy', '-metadata', 'com.apple.quicktime.full-frame-rate-playback-intent=0', '-movflags', 'use_metadata_tags'],
  },
} as const;

export type FormatName = keyof typeof FORMATS;

/** Made from the reference, except these: from the reference re-timed to 240 fps, or from the whole clip. */
const FROM_RETIMED: readonly FormatName[] = ['iphone240'];
const FROM_WHOLE_CLIP: readonly FormatName[] = ['mjpegAviLong'];

export interface FormatSet {
  ffmpeg: string;
  dir: string;
  path(name: FormatName): string;
}

/** The bundled ffmpeg the app ships, or a printed reason to skip. */
export function bundledFfmpeg(): { path: string } | { skip: string } {
  const path = findFfmpeg([REPO_ROOT]);
  if (path !== null) return { path };
  const reason = 'the bundled ffmpeg (@ffmpeg-installer) is not installed for this platform: run npm ci';
  console.log(`SKIP: ${reason}`);
  return { skip: reason };
}

/** The formats, made when missing; or a printed reason to skip (no shared clips, no bundled ffmpeg). */
export function videoFormats(): FormatSet | { skip: string } {
  const found = bundledFfmpeg();
  if ('skip' in found) return found;
  const ffmpeg = found.path;
  const clip = testVideo(VIDEOS.treadmillLeft30);
  if ('skip' in clip) return clip;
  const key = createHash('sha256').update(JSON.stringify({ ffmpeg: statSync(ffmpeg).size, clip: statSync(clip.path).size, FORMATS })).digest('hex');
  const dir = join(tmpdir(), `gaitlens-formats-${key.slice(0, 12)}`);
  mkdirSync(dir, { recursive: true });
  const path = (name: FormatName) => join(dir, FORMATS[name].file);
  const make = (name: FormatName, input: string, extra: readonly string[] = []) => {
    if (existsSync(path(name))) return;
    const partial = `${path(name)}.partial`;
    const format = ({ avi: 'avi', mkv: 'matroska', mov: 'mov', mp4: 'mp4', ts: 'mpegts', mts: 'mpegts' } as const)[
      FORMATS[name].file.split('.').pop() as 'avi' | 'mkv' | 'mov' | 'mp4' | 'ts' | 'mts'
    ];
    execFileSync(ffmpeg, ['-v', 'error', '-y', '-i', input, ...extra, '-an', '-f', format, ...FORMATS[name].args, partial]);
    renameSync(partial, path(name));
  };
  make('reference', clip.path, ['-t', '2']);
  const retimed = join(dir, 'retimed-240.mp4');
  if (!existsSync(retimed)) {
    execFileSync(ffmpeg, ['-v', 'error', '-y', '-i', path('reference'), '-vf', 'setpts=N/240/TB', '-r', '240', '-c:v', 'libx264', '-crf', '16', `${retimed}.partial.mp4`]);
    renameSync(`${retimed}.partial.mp4`, retimed);
  }
  for (const name of Object.keys(FORMATS) as FormatName[]) {
    if (name !== 'reference') make(name, FROM_RETIMED.includes(name) ? retimed : FROM_WHOLE_CLIP.includes(name) ? clip.path : path('reference'));
  }
  return { ffmpeg, dir, path };
}
