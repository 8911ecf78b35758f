/**
 * A long treadmill run for the endurance tests (issue 27), joined from the shared 30 fps
 * treadmill clip (the one whose events are validated) with the bundled ffmpeg: 8 s of the clip as
 * filmed (the fresh runner), then 8 s of the same clip played 1.25x slower (the tired runner:
 * cadence down to 0.8x, every time in the stride 1.25x longer): 16 s in all. The slowed part keeps
 * every frame at 24 fps (1.25x the frame spacing), so no frame is repeated or dropped and the
 * drift is known exactly: cadence x 0.8, contact time x 1.25. Scaled to 540x960 so the pose pass
 * is quick. Made once per machine into a temp folder.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundledFfmpeg } from './video-formats.ts';
import { testVideo, VIDEOS } from './videos.ts';

/** How much slower the late part plays. */
export const LATE_SLOWDOWN = 1.25;

export interface LongRun {
  path: string;
  /** The two parts as clips of their own (8 s each): the fresh runner, then the tired one. */
  fresh: string;
  tired: string;
  /** Where the fresh part ends and the tired part starts, and where it ends (s). */
  freshEndS: number;
  endS: number;
}

export function longRunClip(): LongRun | { skip: string } {
  const found = bundledFfmpeg();
  if ('skip' in found) return found;
  const ffmpeg = found.path;
  const clip = testVideo(VIDEOS.treadmillLeft30);
  if ('skip' in clip) return clip;
  const partS = 8;
  const key = createHash('sha256').update(JSON.stringify({ ffmpeg: statSync(ffmpeg).size, clip: statSync(clip.path).size, LATE_SLOWDOWN, v: 2 })).digest('hex');
  const dir = join(tmpdir(), `gaitlens-long-run-${key.slice(0, 12)}`);
  mkdirSync(dir, { recursive: true });
  const out = join(dir, 'long-run.mp4');
  const fresh = join(dir, 'fresh.mp4');
  const tired = join(dir, 'tired.mp4');
  const run: LongRun = { path: out, fresh, tired, freshEndS: partS, endS: 2 * partS };
  if (existsSync(out)) return run;
  const encode = ['-an', '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '16', '-pix_fmt', 'yuv420p', '-video_track_timescale', '15360'];
  execFileSync(ffmpeg, ['-v', 'error', '-y', '-i', clip.path, '-t', String(partS), '-vf', 'scale=540:960', '-r', '30', ...encode, fresh]);
  const lateFps = 30 / LATE_SLOWDOWN;
  execFileSync(ffmpeg, ['-v', 'error', '-y', '-i', clip.path, '-t', String(partS), '-vf', `setpts=${LATE_SLOWDOWN}*PTS,scale=540:960`, '-r', String(lateFps), ...encode, tired]);
  const list = join(dir, 'list.txt');
  writeFileSync(list, [fresh, tired].map((f) => `file '${f}'`).join('\n'));
  execFileSync(ffmpeg, ['-v', 'error', '-y', '-f', 'concat', '-safe', '0', '-i', list, '-c', 'copy', '-f', 'mp4', `${out}.partial`]);
  renameSync(`${out}.partial`, out);
  return run;
}

/** The shared 30 fps treadmill clip looped 16 times without re-encoding: 192 s, a long treadmill run's length class. */
export function loopedClip(): { path: string } | { skip: string } {
  const found = bundledFfmpeg();
  if ('skip' in found) return found;
  const clip = testVideo(VIDEOS.treadmillLeft30);
  if ('skip' in clip) return clip;
  const out = join(tmpdir(), `gaitlens-looped-${createHash('sha256').update(`${statSync(clip.path).size}`).digest('hex').slice(0, 12)}.mp4`);
  if (!existsSync(out)) {
    execFileSync(found.path, ['-v', 'error', '-y', '-stream_loop', '15', '-i', clip.path, '-an', '-c', 'copy', '-f', 'mp4', `${out}.partial`]);
    renameSync(`${out}.partial`, out);
  }
  return { path: out };
}
