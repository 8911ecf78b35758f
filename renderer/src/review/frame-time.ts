/**
 * Mapping between the video element's media time and the analysed track's frames.
 *
 * A track frame carries its capture time `tMs`, which is the file time scaled by
 * fileFps / captureFps (docs/analysis-engine.md, "Time"), from the file's first frame. So the
 * file (media) time of a track frame is tMs x captureFps / fileFps. The track holds only the
 * analysed window, so the player is kept inside it: a media time before the window maps to its
 * first frame and one after it to its last.
 */
import type { LandmarkTrack } from '../../../shared/pose/track.ts';

export interface FrameClock {
  /** The track's frame numbers (0-based frame index in the whole file), one per track frame. */
  frame: readonly number[];
  /** File (media) time in seconds at which each track frame starts. */
  startS: readonly number[];
  /** Median interval between frames, seconds. */
  intervalS: number;
}

export function frameClock(track: Pick<LandmarkTrack, 'video' | 'frames'>): FrameClock {
  const scale = track.video.captureFps / track.video.fileFps / 1000;
  const startS = track.frames.map((f) => f.tMs * scale);
  const gaps = startS.slice(1).map((t, k) => t - startS[k]!).sort((a, b) => a - b);
  const intervalS = gaps.length > 0 ? gaps[Math.floor(gaps.length / 2)]! : 1 / track.video.fileFps;
  return { frame: track.frames.map((f) => f.i), startS, intervalS };
}

export const frameCount = (clock: FrameClock): number => clock.startS.length;

export const clampIndex = (clock: FrameClock, index: number): number =>
  Math.max(0, Math.min(frameCount(clock) - 1, Math.round(index)));

/**
 * The track index of the frame shown at `mediaTimeS`: the last frame starting at or before it.
 * A quarter-frame tolerance absorbs the rounding of container timestamps (a frame's
 * presentation time may read a hair before the start computed from its capture time).
 */
export function indexAtMediaTime(clock: FrameClock, mediaTimeS: number): number {
  const t = mediaTimeS + clock.intervalS / 4;
  const starts = clock.startS;
  if (starts.length === 0 || t < starts[0]!) return 0;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= t) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The media time to seek to for a track index: the middle of the frame, so the decoder lands on it whatever the rounding. */
export function seekTimeOf(clock: FrameClock, index: number): number {
  const k = clampIndex(clock, index);
  const start = clock.startS[k]!;
  const next = clock.startS[k + 1] ?? start + clock.intervalS;
  return (start + next) / 2;
}

/** Media time at which the analysed window ends (the end of its last frame). */
export function windowEndS(clock: FrameClock): number {
  const last = clock.startS[frameCount(clock) - 1] ?? 0;
  return last + clock.intervalS;
}

/** The track index of a frame number, or -1 when the frame is outside the analysed window. */
export function indexOfFrame(clock: FrameClock, frame: number): number {
  const first = clock.frame[0];
  if (first === undefined) return -1;
  const guess = frame - first;
  if (clock.frame[guess] === frame) return guess;
  return clock.frame.indexOf(frame);
}

/** Index of the nearest time in an ascending list of times, e.g. chart x to the frame under it. */
export function nearestIndex(times: readonly number[], t: number): number {
  if (times.length === 0) return 0;
  let lo = 0;
  let hi = times.length - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= t) lo = mid;
    else hi = mid;
  }
  return Math.abs(times[hi]! - t) < Math.abs(times[lo]! - t) ? hi : lo;
}

/** The nearest event frame strictly after (direction 1) or before (-1) `frame`, or null. */
export function adjacentEventFrame(eventFrames: readonly number[], frame: number, direction: 1 | -1): number | null {
  let best: number | null = null;
  for (const f of eventFrames) {
    if (direction === 1 ? f > frame && (best === null || f < best) : f < frame && (best === null || f > best)) best = f;
  }
  return best;
}
