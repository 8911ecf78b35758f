/**
 * The analysis progress as the visit screen shows it, from what was measured: the phase (loading
 * the model, the pose pass, saving), frames done, the frame rate over the last few seconds and the
 * time left at that rate. The rate is measured over a sliding window, not since the start, so a
 * slowdown (a worker starved, another program busy) shows within seconds; the text is redrawn
 * every second even when no frame arrives, so the time keeps moving.
 */

/** Seconds of recent progress the rate is measured over. */
export const RATE_WINDOW_S = 5;
/** Before this many seconds of the pose pass, the rate is not yet shown. */
const MIN_RATE_S = 1.5;

export type ProgressPhase = 'loading' | 'frames' | 'saving';

export interface ProgressSample {
  /** Seconds since the analysis started. */
  t: number;
  framesDone: number;
  /** Frames done by each worker (each has its share of the window). */
  parts: number[];
}

export interface ProgressTracker {
  phase: ProgressPhase;
  framesTotal: number;
  /** Each worker's share of the frames. */
  partTotals: number[];
  /** Frames-done samples of the pose pass, oldest first. */
  samples: ProgressSample[];
  /** When the current phase began (s since the start). */
  phaseStartedAt: number;
}

export const startProgress = (): ProgressTracker => ({ phase: 'loading', framesTotal: 0, partTotals: [], samples: [], phaseStartedAt: 0 });

/** A report of frames done; `parts` is each worker's done and total (one part when not given). */
export function withFrames(tracker: ProgressTracker, t: number, framesDone: number, framesTotal: number, parts?: readonly { done: number; total: number }[]): ProgressTracker {
  // the pose pass is timed from its first frames (the model's loading is not part of its rate)
  const started = tracker.phase === 'frames' ? tracker.phaseStartedAt : t;
  const samples = tracker.phase === 'frames' ? tracker.samples : [];
  const split = parts && parts.length > 0 ? parts : [{ done: framesDone, total: framesTotal }];
  return {
    phase: 'frames',
    framesTotal,
    partTotals: split.map((p) => p.total),
    samples: [...samples, { t, framesDone, parts: split.map((p) => p.done) }],
    phaseStartedAt: started,
  };
}

export const saving = (tracker: ProgressTracker, t: number): ProgressTracker => ({ ...tracker, phase: 'saving', phaseStartedAt: t });

interface Point {
  t: number;
  done: number;
}

/** Frames done at time t, interpolated between the points around it. */
function doneAt(points: readonly Point[], t: number): number {
  let before = points[0]!;
  for (const p of points) {
    if (p.t <= t) before = p;
    else break;
  }
  const after = points.find((p) => p.t > t);
  return after && after.t > before.t ? before.done + ((after.done - before.done) * (t - before.t)) / (after.t - before.t) : before.done;
}

/**
 * Frames per second of one series over the last RATE_WINDOW_S of its frames. Frames come in
 * batches; while the next batch is not overdue (1.5 times the usual wait), the rate is the one
 * measured up to the last batch; once it is overdue, the wait counts, so a stall slows the rate.
 */
function rateOf(points: readonly Point[], now: number, minBatches = 1): number | null {
  // the series' own last change: a finished worker's series stops there
  let lastIndex = points.length - 1;
  while (lastIndex > 0 && points[lastIndex - 1]!.done === points[lastIndex]!.done) lastIndex--;
  // and its own start: a worker whose model loaded late begins at its last sample before its first frames
  let startIndex = 0;
  while (startIndex + 1 < points.length && points[startIndex + 1]!.done === points[0]!.done) startIndex++;
  if (points.slice(startIndex, lastIndex + 1).filter((p, k, xs) => k > 0 && p.done > xs[k - 1]!.done).length < minBatches) return null;
  const last = points[lastIndex]!;
  const previous = points[Math.max(0, lastIndex - 1)]!;
  const from = Math.max(points[startIndex]!.t, last.t - RATE_WINDOW_S);
  if (!(last.t > from)) return null;
  const frames = last.done - doneAt(points, from);
  const measured = frames / (last.t - from);
  const usualWait = measured > 0 ? (last.done - previous.done) / measured : Infinity;
  return now - last.t > 1.5 * usualWait ? frames / (now - from) : measured;
}

const series = (tracker: ProgressTracker, part: number | null): Point[] =>
  tracker.samples.map((s) => ({ t: s.t, done: part === null ? s.framesDone : (s.parts[part] ?? 0) }));

/** Frames per second of the whole pass over the last RATE_WINDOW_S of frames, or null too early. */
export function recentRate(tracker: ProgressTracker, now: number): number | null {
  const { samples } = tracker;
  if (tracker.phase !== 'frames' || samples.length < 2 || now - samples[0]!.t < MIN_RATE_S) return null;
  return rateOf(series(tracker, null), now);
}

/**
 * Seconds left: the slowest worker's remaining frames at its own rate (a worker that finishes
 * early leaves the other alone on its share). A worker with no measured rate yet (its model still
 * loading) is taken to run as fast as the others do on average.
 */
export function secondsLeft(tracker: ProgressTracker, now: number): number | null {
  const overall = recentRate(tracker, now);
  if (overall === null || overall <= 0) return null;
  const last = tracker.samples[tracker.samples.length - 1]!;
  // a worker's rate once it has sent two batches
  const rates = tracker.partTotals.map((_, k) => rateOf(series(tracker, k), now, 2));
  const known = rates.filter((r): r is number => r !== null && r > 0);
  const typical = known.length > 0 ? known.reduce((a, b) => a + b, 0) / known.length : overall / tracker.partTotals.length;
  let left = 0;
  tracker.partTotals.forEach((total, k) => {
    const remaining = total - (last.parts[k] ?? 0);
    const rate = rates[k];
    if (remaining > 0) left = Math.max(left, remaining / (rate !== null && rate !== undefined && rate > 0 ? rate : typical));
  });
  return left;
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
  const left = secondsLeft(tracker, now);
  if (rate <= 0 || left === null || waiting >= RATE_WINDOW_S) return `${frames} · no frame in the last ${Math.floor(waiting)} s`;
  return `${frames} · ${rate.toFixed(1)} frames/s · about ${Math.ceil(left)} s left`;
}

export const framesShare = (tracker: ProgressTracker): number =>
  tracker.framesTotal > 0 ? (tracker.samples[tracker.samples.length - 1]?.framesDone ?? 0) / tracker.framesTotal : 0;
