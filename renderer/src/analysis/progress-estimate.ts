/**
 * The analysis progress as the visit screen shows it, from what was measured: the phase (loading
 * the model, the pose pass, saving), frames done, the frame rate over the last few seconds and the
 * time left at that rate. The rate is measured over a sliding window, not since the start, so a
 * slowdown (a worker starved, another program busy) shows within seconds; the text is redrawn
 * every second even when no frame arrives, so the time keeps moving.
 */

/** Seconds of recent progress the rate is measured over. */
export const RATE_WINDOW_S = 4;
/** Before this many seconds of the pose pass, the rate is not yet shown. */
const MIN_RATE_S = 1.5;

export type ProgressPhase = 'loading' | 'frames' | 'saving';

export interface ProgressSample {
  /** Seconds since the analysis started. */
  t: number;
  framesDone: number;
}

export interface ProgressTracker {
  phase: ProgressPhase;
  framesTotal: number;
  /** Frames-done samples of the pose pass, oldest first. */
  samples: ProgressSample[];
  /** When the current phase began (s since the start). */
  phaseStartedAt: number;
}

export const startProgress = (): ProgressTracker => ({ phase: 'loading', framesTotal: 0, samples: [], phaseStartedAt: 0 });

export function withFrames(tracker: ProgressTracker, t: number, framesDone: number, framesTotal: number): ProgressTracker {
  // the pose pass is timed from its first frames (the model's loading is not part of its rate)
  const started = tracker.phase === 'frames' ? tracker.phaseStartedAt : t;
  const samples = tracker.phase === 'frames' ? tracker.samples : [];
  return { phase: 'frames', framesTotal, samples: [...samples, { t, framesDone }], phaseStartedAt: started };
}

export const saving = (tracker: ProgressTracker, t: number): ProgressTracker => ({ ...tracker, phase: 'saving', phaseStartedAt: t });

/** Frames done at time t, interpolated between the samples around it. */
function doneAt(samples: readonly ProgressSample[], t: number): number {
  let before = samples[0]!;
  for (const s of samples) {
    if (s.t <= t) before = s;
    else break;
  }
  const after = samples.find((s) => s.t > t);
  return after && after.t > before.t ? before.framesDone + ((after.framesDone - before.framesDone) * (t - before.t)) / (after.t - before.t) : before.framesDone;
}

/**
 * Frames per second over the last RATE_WINDOW_S of frames received, or null too early. Frames come
 * in batches; while the next batch is not overdue (1.5 times the usual wait), the rate is the one
 * measured up to the last batch; once it is overdue, the wait counts, so a stall slows the rate.
 */
export function recentRate(tracker: ProgressTracker, now: number): number | null {
  const { samples } = tracker;
  if (tracker.phase !== 'frames' || samples.length < 2 || now - samples[0]!.t < MIN_RATE_S) return null;
  const last = samples[samples.length - 1]!;
  const previous = samples[samples.length - 2]!;
  const from = Math.max(samples[0]!.t, last.t - RATE_WINDOW_S);
  if (!(last.t > from)) return null;
  const frames = last.framesDone - doneAt(samples, from);
  const measured = frames / (last.t - from);
  const usualWait = measured > 0 ? (last.framesDone - previous.framesDone) / measured : Infinity;
  return now - last.t > 1.5 * usualWait ? frames / (now - from) : measured;
}

export function progressText(tracker: ProgressTracker, now: number): string {
  const inPhase = Math.max(0, Math.round(now - tracker.phaseStartedAt));
  if (tracker.phase === 'loading') return `Loading the pose model and reading the video… ${inPhase} s`;
  if (tracker.phase === 'saving') return `Saving the analysis… ${inPhase} s`;
  const done = tracker.samples[tracker.samples.length - 1]?.framesDone ?? 0;
  // the time so far changes every second, so the line is seen to move even between batches of frames
  const frames = `${done} of ${tracker.framesTotal} frames (${Math.floor(now)} s so far)`;
  const rate = recentRate(tracker, now);
  if (rate === null) return `${frames} · measuring the speed`;
  const waiting = now - (tracker.samples[tracker.samples.length - 1]?.t ?? now);
  if (rate <= 0 || waiting >= RATE_WINDOW_S) return `${frames} · no frame in the last ${Math.floor(waiting)} s`;
  return `${frames} · ${rate.toFixed(1)} frames/s · about ${Math.ceil((tracker.framesTotal - done) / rate)} s left`;
}

export const framesShare = (tracker: ProgressTracker): number =>
  tracker.framesTotal > 0 ? (tracker.samples[tracker.samples.length - 1]?.framesDone ?? 0) / tracker.framesTotal : 0;
