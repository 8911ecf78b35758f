/**
 * The metronome setting for the cadence cue: one beat per step, the measured cadence raised by
 * 5-10% (Heiderscheit 2011; Anderson 2022), rounded to a whole beat per minute.
 */
import type { SourceId } from '../gait/references.ts';
import type { MetronomeRange } from './types.ts';

export const CADENCE_INCREASE_PCT = {
  low: 5,
  high: 10,
  sources: ['heiderscheit2011', 'anderson2022'],
} as const satisfies { low: number; high: number; sources: readonly SourceId[] };

/** The cadence raised by pct percent, in beats per minute (one beat per step), rounded. */
export function cadenceTargetBpm(cadenceSpm: number, pct: number): number {
  if (!Number.isFinite(cadenceSpm) || cadenceSpm <= 0) throw new RangeError(`Cadence must be a positive number of steps per minute, got ${cadenceSpm}.`);
  if (!Number.isFinite(pct) || pct < 0) throw new RangeError(`The increase must be a percentage of 0 or more, got ${pct}.`);
  return Math.round(cadenceSpm * (1 + pct / 100));
}

/** The metronome range for a measured cadence: +5% to +10%. */
export function cadenceTargetRange(cadenceSpm: number): MetronomeRange {
  return { lowBpm: cadenceTargetBpm(cadenceSpm, CADENCE_INCREASE_PCT.low), highBpm: cadenceTargetBpm(cadenceSpm, CADENCE_INCREASE_PCT.high) };
}
