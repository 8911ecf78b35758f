/** Axis helpers for the review charts (pure). */

/** The clip's time span with round ticks (the chart would otherwise widen it to round numbers). */
export function timeAxis(times: readonly number[]): { domain: [number, number]; ticks: number[]; decimals: number } {
  const t0 = times[0] ?? 0;
  const t1 = times[times.length - 1] ?? t0 + 1;
  const span = Math.max(t1 - t0, 0.001);
  const step = [0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60].find((s) => span / s <= 8) ?? 120;
  const ticks: number[] = [];
  for (let t = Math.ceil(t0 / step - 1e-9) * step; t <= t1 + 1e-9; t += step) ticks.push(Number(t.toFixed(3)));
  return { domain: [t0, t1], ticks, decimals: step === 0.25 ? 2 : step < 1 ? 1 : 0 };
}
