/**
 * Progress of the pose pass on stderr: on a terminal a bar redrawn in place with frames done,
 * frames per second and the time left; otherwise (a log, a pipe) a line every few seconds.
 * The rate is measured here, from the first report on, so the first estimate is not a guess.
 */

export interface ProgressOptions {
  /** A terminal: redraw one line in place. */
  tty: boolean;
  write: (text: string) => void;
  /** Seconds since some fixed point. */
  now: () => number;
  /** Seconds between lines when not a terminal. */
  everyS?: number;
  /** What the lines are about (default "analyze"). */
  label?: string;
}

const BAR_WIDTH = 24;
/** The rate and time left are shown once this much time has passed (a fraction of a second says nothing). */
const MIN_RATE_S = 1;

export function progressText(framesDone: number, framesTotal: number, elapsedS: number): string {
  const pct = framesTotal > 0 ? Math.floor((100 * framesDone) / framesTotal) : 0;
  const frames = `${framesDone}/${framesTotal} frames (${pct}%)`;
  if (elapsedS < MIN_RATE_S || framesDone === 0) return frames;
  const rate = framesDone / elapsedS;
  const left = Math.max(0, Math.ceil((framesTotal - framesDone) / rate));
  return `${frames} · ${rate.toFixed(1)} frames/s · about ${left} s left`;
}

export function progressBar(framesDone: number, framesTotal: number, elapsedS: number): string {
  const filled = framesTotal > 0 ? Math.round((BAR_WIDTH * Math.min(framesDone, framesTotal)) / framesTotal) : 0;
  return `[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${progressText(framesDone, framesTotal, elapsedS)}`;
}

export class ProgressReporter {
  private start: number | null = null;
  private lastLine = -Infinity;
  private shown = false;

  private readonly options: ProgressOptions;

  constructor(options: ProgressOptions) {
    this.options = options;
  }

  update(framesDone: number, framesTotal: number): void {
    const t = this.options.now();
    this.start ??= t;
    const elapsed = t - this.start;
    if (this.options.tty) {
      this.options.write(`\r${this.options.label ? `${this.options.label} ` : ''}${progressBar(framesDone, framesTotal, elapsed)}\u001b[K`);
      this.shown = true;
    } else if (t - this.lastLine >= (this.options.everyS ?? 5) || framesDone === framesTotal) {
      this.options.write(`${this.options.label ?? 'analyze'}: ${progressText(framesDone, framesTotal, elapsed)}\n`);
      this.lastLine = t;
    }
  }

  /** Ends the bar's line on a terminal. */
  finish(): void {
    if (this.options.tty && this.shown) this.options.write('\n');
    this.shown = false;
  }
}
