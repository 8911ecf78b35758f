/** Numbers as the review shows them: fixed decimals by unit, times in seconds, side names. */
import { decimalsFor } from '../../../shared/gait/measures.ts';
import type { Side } from '../../../shared/gait/types.ts';

export const sideName = (side: Side): string => (side === 'left' ? 'Left' : 'Right');


export function formatValue(value: number | null, unit: string): string {
  if (value === null) return '—';
  return value.toFixed(decimalsFor(unit));
}

/** The unit after a number: degrees as a sign, "% leg length" as % (the measure's name says of what), others after a space. */
export function withUnit(text: string, unit: string): string {
  if (unit === 'deg') return `${text}°`;
  if (unit.startsWith('%')) return `${text} %`;
  return `${text} ${unit}`;
}

/** "12.3 ± 4.5°", "212 ± 31 ms" */
export function formatMeanSd(mean: number | null, sd: number | null, unit: string): string {
  if (mean === null) return '—';
  const d = decimalsFor(unit);
  return withUnit(sd === null ? mean.toFixed(d) : `${mean.toFixed(d)} ± ${sd.toFixed(d)}`, unit);
}

export const formatSeconds = (ms: number): string => `${(ms / 1000).toFixed(3)} s`;

/** Labels grouped by the reason they share, in first-seen order: "Needs calibration: a, b." */
export function byReason(entries: readonly { label: string; reason: string }[]): [string, string[]][] {
  const groups = new Map<string, string[]>();
  for (const e of entries) groups.set(e.reason, [...(groups.get(e.reason) ?? []), e.label]);
  return [...groups.entries()];
}
