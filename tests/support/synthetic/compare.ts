/** Comparison helpers between an analysis and the synthetic ground truth. */
import type { GaitAnalysis, Side } from '../../../shared/gait/types.ts';
import type { SyntheticTruth } from './generator.ts';

export function rmse(estimate: readonly (number | null)[], truth: readonly number[]): { rmse: number; n: number } {
  let s = 0;
  let n = 0;
  estimate.forEach((v, i) => {
    if (v === null) return;
    s += (v - truth[i]!) ** 2;
    n++;
  });
  return { rmse: Math.sqrt(s / n), n };
}

/** For every true event, the distance in frames to the nearest detected event of the same foot and type. */
export function eventErrorsFrames(a: GaitAnalysis, truth: SyntheticTruth, fps: number, type: 'IC' | 'TO', side?: Side): number[] {
  return truth.events
    .filter((e) => e.type === type && (side === undefined || e.side === side))
    .map((e) => {
      const trueFrame = (e.tMs / 1000) * fps;
      const found = a.events.filter((d) => d.side === e.side && d.type === type).map((d) => d.frame);
      return Math.min(...found.map((f) => Math.abs(f - trueFrame)));
    });
}

export function percentileOf(xs: readonly number[], p: number): number {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}
