/**
 * Two analysed videos in step: each is aligned on the first initial contact of the chosen foot,
 * and both show the frame nearest to the same time from that contact (capture time, so a 60 fps
 * and a 30 fps clip, or a slow-motion one, stay in step in real time).
 */
import type { GaitAnalysis, Side } from '../../../shared/gait/types.ts';
import { nearestIndex } from '../review/frame-time.ts';

export interface AlignedClip {
  /** Capture time (ms) of each analysed frame. */
  tMs: readonly number[];
  /** Capture time of the frame aligned on (the foot's first initial contact, else the first frame). */
  anchorMs: number;
  /** The frame number aligned on, and whether it is the foot's initial contact. */
  anchorFrame: number;
  anchorIsContact: boolean;
  /** Median capture time between frames, ms. */
  intervalMs: number;
}

export function alignClip(analysis: GaitAnalysis, foot: Side): AlignedClip {
  const { frame, tMs } = analysis.frames;
  const gaps = tMs.slice(1).map((t, k) => t - tMs[k]!).sort((a, b) => a - b);
  const intervalMs = gaps.length > 0 ? gaps[Math.floor(gaps.length / 2)]! : 1000 / analysis.input.captureFps;
  const contacts = analysis.events.filter((e) => e.side === foot && e.type === 'IC').sort((a, b) => a.frame - b.frame);
  const first = contacts[0];
  const k = first ? frame.indexOf(first.frame) : -1;
  if (k >= 0) return { tMs, anchorMs: tMs[k]!, anchorFrame: first!.frame, anchorIsContact: true, intervalMs };
  return { tMs, anchorMs: tMs[0] ?? 0, anchorFrame: frame[0] ?? 0, anchorIsContact: false, intervalMs };
}

/** The times from the anchor (ms) that both clips cover: playing and stepping stay inside it. */
export function commonSpan(clips: readonly AlignedClip[]): { startMs: number; endMs: number } {
  const startMs = Math.max(...clips.map((c) => (c.tMs[0] ?? 0) - c.anchorMs));
  const endMs = Math.min(...clips.map((c) => (c.tMs[c.tMs.length - 1] ?? 0) - c.anchorMs));
  return endMs >= startMs ? { startMs, endMs } : { startMs: 0, endMs: 0 };
}

/** One step: a frame of the coarser clip, so that every step moves both. */
export const stepMs = (clips: readonly AlignedClip[]): number => Math.max(...clips.map((c) => c.intervalMs));

/** The frame (track index) a clip shows at a time from its anchor. */
export const indexAt = (clip: AlignedClip, fromAnchorMs: number): number => nearestIndex(clip.tMs, clip.anchorMs + fromAnchorMs);

/** The time from the anchor at which a clip shows track index k. */
export const timeOf = (clip: AlignedClip, k: number): number => (clip.tMs[k] ?? clip.anchorMs) - clip.anchorMs;

export const clampTo = (span: { startMs: number; endMs: number }, t: number): number => Math.max(span.startMs, Math.min(span.endMs, t));

/**
 * Playback rates that keep the clips in step in capture time: a clip filmed in slow motion (capture
 * rate above its file rate) has to play faster. The fastest clip plays at `speed`.
 */
export function playbackRates(clips: readonly { captureFps: number; fileFps: number }[], speed: number): number[] {
  const stretch = clips.map((c) => c.captureFps / c.fileFps);
  const most = Math.max(...stretch);
  return stretch.map((s) => (speed * s) / most);
}
