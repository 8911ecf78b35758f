/** Numbers and words as the report prints them. */
import { decimalsFor } from '../../../shared/gait/measures.ts';
import type { ViewKind, ViewSide } from '../../../shared/gait/types.ts';


export const formatNumber = (value: number, unit: string): string => value.toFixed(decimalsFor(unit));

/** Units as printed after a number, where the measure's unit is long. */
const SHORT_UNITS: Record<string, string> = { '% leg length': '% leg' };

/** "12.3°", "173 steps/min", "212 ms", "18.5 % leg" */
export function withUnit(text: string, unit: string): string {
  return unit === 'deg' ? `${text}°` : `${text} ${SHORT_UNITS[unit] ?? unit}`;
}

export const formatValue = (value: number, unit: string): string => withUnit(formatNumber(value, unit), unit);

/** The cadence as the report prints it: whole steps per minute. */
export const roundCadence = (spm: number): number => Math.round(spm);

export function viewName(kind: ViewKind, side: ViewSide): string {
  if (kind === 'frontal') return side === 'front' ? 'front view' : 'rear view';
  return `side view (${side} side to the camera)`;
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric' });

/** ISO YYYY-MM-DD as a local calendar date: "20 November 2026". */
export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return dateFormat.format(new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

const shortFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** ISO YYYY-MM-DD as "20 Nov 2026", for table headings. */
export function shortDate(iso: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  return shortFormat.format(new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** Seconds into the clip: "2.47 s". */
export const clipTime = (ms: number): string => `${(ms / 1000).toFixed(2)}\u00a0s`;

export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
