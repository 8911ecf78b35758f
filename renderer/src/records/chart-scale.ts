/** A y axis with round ticks (1, 2 or 5 times a power of ten) around the values to show. */
export interface NiceScale {
  domain: [number, number];
  ticks: number[];
  /** Decimals the ticks need. */
  digits: number;
}

export function niceScale(values: readonly number[], tickCount = 4): NiceScale {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return { domain: [0, 1], ticks: [0, 1], digits: 0 };
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (hi - lo < 1e-9) {
    const pad = Math.max(1, Math.abs(lo) * 0.1);
    lo -= pad;
    hi += pad;
  }
  const raw = (hi - lo) / tickCount;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const start = Math.floor(lo / step) * step;
  const end = Math.ceil(hi / step) * step;
  const ticks: number[] = [];
  for (let t = start; t <= end + step / 2; t += step) ticks.push(Number(t.toFixed(10)));
  return { domain: [start, end], ticks, digits: Math.max(0, -Math.floor(Math.log10(step) + 1e-9)) };
}
