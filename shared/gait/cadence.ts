/**
 * Cadence from every initial contact of both feet, whichever leg carries which label.
 *
 * The contacts of a steady runner fall on a regular lattice, t = a + k * step. Each contact is
 * given its step number k, the line is fitted by least squares, and contacts off the lattice are
 * set aside: a spurious contact (a twitch of the landmarks, or both leg labels on one foot)
 * falls between lattice points or doubles one, and a missed contact leaves a lattice point
 * empty, which the numbering bridges. So the step time is the time the counted steps span over
 * their number (the fit weighs every contact, not only the first and last), and one spurious or
 * missed event moves it by a fraction of a frame over the clip rather than by a whole step.
 * Taken from one leg's strides instead, cadence moved by 5 steps/min when a re-encode of the
 * same frames added one spurious contact (issue 20).
 */
import { median } from './series.ts';
import { SIDES, type Side } from './types.ts';

/** A contact further than this fraction of a step from its lattice point is set aside. */
export const OFF_LATTICE_FRACTION = 0.25;

/** An initial contact: its frame time, and where known a finer time (landing-align.ts) for the fit. */
export interface Contact {
  tMs: number;
  side: Side;
  fineMs?: number;
}

export interface CadenceFit {
  /** Steps per minute: 60000 / step time. */
  spm: number;
  stepMs: number;
  /** Steps spanned by the contacts used (last step number - first). */
  steps: number;
  /** Time from the first contact used to the last. */
  spanMs: number;
  /** Contacts on the lattice, used in the fit. */
  used: number;
  /** Contacts set aside: off the lattice, or a second contact at one lattice point. */
  setAside: number;
  /** Cadence of each stride (two steps) and of each step between contacts used, for the spread. */
  strideSpm: number[];
  stepSpm: number[];
}

interface Point {
  t: number;
  k: number;
  /** The contact's index in the sorted list. */
  i: number;
}

/** Least-squares line t = a + step * k. */
function fitLine(points: readonly Omit<Point, 'i'>[]): { a: number; step: number } | null {
  const n = points.length;
  const mk = points.reduce((s, p) => s + p.k, 0) / n;
  const mt = points.reduce((s, p) => s + p.t, 0) / n;
  let skk = 0;
  let skt = 0;
  for (const p of points) {
    skk += (p.k - mk) ** 2;
    skt += (p.k - mk) * (p.t - mt);
  }
  if (!(skk > 0)) return null;
  const step = skt / skk;
  return step > 0 ? { a: mt - step * mk, step } : null;
}

/** Range around a seed, as factors of it, in which its strongest spacing is also tried. */
const NEAR_SEED = { from: 0.85, to: 1.2 } as const;

/**
 * Lattice spacings near the seed on which the contacts line up best: the largest resultant of
 * their phases, |sum of exp(2 pi i t / spacing)| (a missed contact only removes a term, a spurious
 * one adds one out of phase), within 0.7-1.4 times the seed and within NEAR_SEED of it, each with
 * the lattice's origin from its angle. The second: on a re-encode of the slow-motion clip with two
 * contacts 20-30 frames off, two thirds of the step lined up better (resultant 50 against 42) than
 * the step, which the feet's cycle had given within 3%, and cadence read 208.8 steps/min instead
 * of 139 (docs/validation.md); the lattice score in fitLattice tells them apart.
 */
function spacings(times: readonly number[], seed: number): { a: number; step: number }[] {
  const stepsSpanned = Math.max(1, (times[times.length - 1]! - times[0]!) / seed);
  const ratio = 1 + Math.min(0.0005, 0.2 / stepsSpanned);
  let best = { a: times[0]!, step: seed, power: -1 };
  let near = best;
  for (let f = 0.7; f <= 1.4; f *= ratio) {
    const step = seed * f;
    let c = 0;
    let s = 0;
    for (const t of times) {
      const angle = (2 * Math.PI * (t - times[0]!)) / step;
      c += Math.cos(angle);
      s += Math.sin(angle);
    }
    const power = c * c + s * s;
    const candidate = { a: times[0]! + (Math.atan2(s, c) / (2 * Math.PI)) * step, step, power };
    if (power > best.power) best = candidate;
    if (f >= NEAR_SEED.from && f <= NEAR_SEED.to && power > near.power) near = candidate;
  }
  return near === best ? [best] : [best, near];
}

/** For each lattice point, the contact nearest it, if within OFF_LATTICE_FRACTION of a step. */
function onLattice(times: readonly number[], line: { a: number; step: number }): Point[] {
  const best = new Map<number, { t: number; r: number; i: number }>();
  times.forEach((t, i) => {
    const u = (t - line.a) / line.step;
    const k = Math.round(u);
    const r = Math.abs(u - k);
    if (r > OFF_LATTICE_FRACTION) return;
    const had = best.get(k);
    if (!had || r < had.r) best.set(k, { t, r, i });
  });
  return [...best.entries()].map(([k, { t, i }]) => ({ t, k, i })).sort((p, q) => p.k - q.k);
}

/** The contacts on this lattice, refined until it holds still; null when under three span two steps. */
function latticeFrom(times: readonly number[], start: { a: number; step: number }): Point[] | null {
  let points = onLattice(times, start);
  for (let pass = 0; pass < 4; pass++) {
    if (points.length < 3) return null;
    const line = fitLine(points);
    if (!line) return null;
    const next = onLattice(times, line);
    const same = next.length === points.length && next.every((p, i) => p.t === points[i]!.t);
    points = next;
    if (same) break;
  }
  return points.length >= 3 && points[points.length - 1]!.k - points[0]!.k >= 2 ? points : null;
}

/**
 * The cadence fit of the initial contacts (both feet, any order, any labels); null when fewer than
 * three contacts lie on a lattice spanning at least two of its points. The numbering is seeded
 * with expectedStepMs (half the stride period of the feet's cycle), half and twice it, and the
 * median interval between contacts, and each seed gives the spacings near it on which the
 * contacts line up best; the lattice that fills most of its points wins. When all its
 * contacts carry one leg's label and its spacing is near twice expectedStepMs, they are one
 * foot's only (the other leg hidden for the whole clip) and each spacing is a stride.
 */
export function cadenceFromContacts(contacts: readonly Contact[], expectedStepMs: number | null = null): CadenceFit | null {
  const times = contacts.map((c) => ({ tMs: c.tMs, fineMs: c.fineMs ?? c.tMs }));
  const steps = fitLattice(times, expectedStepMs, 1);
  const oneLabel = SIDES.some((side) => contacts.every((c) => c.side === side));
  return steps && oneLabel && expectedStepMs !== null && steps.stepMs > ONE_FOOT_RATIO * expectedStepMs ? fitLattice(times, expectedStepMs, 2) : steps;
}

/** A lattice spacing over this many expected steps is a stride: one foot's contacts. */
const ONE_FOOT_RATIO = 1.6;

/**
 * The fit with a lattice point every stepsPerContact steps: the contacts on the lattice are
 * numbered by their frame times, and the line is fitted to their finer times.
 */
function fitLattice(contactMs: readonly { tMs: number; fineMs: number }[], expectedStepMs: number | null, stepsPerContact: 1 | 2): CadenceFit | null {
  const sorted = contactMs.filter((c) => Number.isFinite(c.tMs) && Number.isFinite(c.fineMs)).sort((p, q) => p.tMs - q.tMs);
  const times = sorted.map((c) => c.tMs);
  if (times.length < 3) return null;
  const interval = median(times.slice(1).map((t, i) => t - times[i]!));
  const expected = expectedStepMs !== null && expectedStepMs > 0 ? expectedStepMs * stepsPerContact : null;
  const seeds = [...(expected !== null ? [expected, expected / 2, expected * 2] : []), interval];
  let points: Point[] | null = null;
  let bestScore = -Infinity;
  for (const start of seeds.filter((x) => x > 0).flatMap((seed) => spacings(times, seed))) {
    const candidate = latticeFrom(times, start);
    if (!candidate) continue;
    // the lattice points filled less those left empty: a lattice of half the spacing leaves every other one empty, one of twice it uses half the contacts
    const span = candidate[candidate.length - 1]!.k - candidate[0]!.k;
    const score = 2 * candidate.length - span - 1;
    if (score > bestScore) {
      bestScore = score;
      points = candidate;
    }
  }
  const fine = points?.map((p) => ({ t: sorted[p.i]!.fineMs, k: p.k })) ?? null;
  const line = fine ? fitLine(fine) : null;
  if (!points || !fine || !line) return null;
  const first = fine[0]!;
  const last = fine[fine.length - 1]!;
  const byK = new Map(fine.map((p) => [p.k, p.t]));
  /** Cadence over each run of `steps` steps between contacts used. */
  const perSpan = (steps: number) => {
    if (steps % stepsPerContact !== 0) return [];
    return fine.flatMap((p) => {
      const t = byK.get(p.k + steps / stepsPerContact);
      return t === undefined ? [] : [(60000 * steps) / (t - p.t)];
    });
  };
  const stepMs = line.step / stepsPerContact;
  return {
    spm: 60000 / stepMs,
    stepMs,
    steps: (last.k - first.k) * stepsPerContact,
    spanMs: last.t - first.t,
    used: points.length,
    setAside: times.length - points.length,
    strideSpm: perSpan(2),
    stepSpm: perSpan(1),
  };
}
