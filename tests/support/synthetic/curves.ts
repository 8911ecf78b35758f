/**
 * Joint-angle curves over the gait cycle for the synthetic generator. A curve is keyframes in
 * stance fractions (0 = initial contact, 1 = toe-off) and swing fractions (0 = toe-off,
 * 1 = next initial contact), joined by a periodic cubic (Catmull-Rom tangents) over the cycle.
 */

export interface CurveSpec {
  stance: [number, number][];
  swing: [number, number][];
}

export interface GaitCurves {
  /** Thigh to vertical, + = knee ahead of hip. */
  hipFlexionDeg: CurveSpec;
  kneeFlexionDeg: CurveSpec;
  /** Heel-to-toe line to horizontal, + = toe up. */
  footAngleDeg: CurveSpec;
  /** Thigh to the pelvis perpendicular in the frontal plane, + = adduction. */
  hipAdductionDeg: CurveSpec;
}

export const RUNNING_CURVES: GaitCurves = {
  hipFlexionDeg: { stance: [[0, 26], [0.5, 13], [1, -10]], swing: [[0.15, -13], [0.65, 34], [0.9, 28]] },
  kneeFlexionDeg: { stance: [[0, 18], [0.4, 44], [1, 22]], swing: [[0.45, 100], [0.97, 12]] },
  footAngleDeg: { stance: [[0, 14], [0.2, 0], [0.55, 0], [1, -22]], swing: [[0.3, -20], [0.7, 5], [0.92, 13]] },
  hipAdductionDeg: { stance: [[0, 4], [0.45, 10], [1, 2]], swing: [[0.5, -1], [0.9, 3]] },
};

/** Landing with a nearly straight knee, the shank inclined forward and the foot far ahead. */
export const OVERSTRIDE_CURVES: GaitCurves = {
  ...RUNNING_CURVES,
  hipFlexionDeg: { stance: [[0, 34], [0.5, 10], [1, -9]], swing: [[0.15, -12], [0.65, 40], [0.9, 37]] },
  kneeFlexionDeg: { stance: [[0, 6], [0.4, 40], [1, 18]], swing: [[0.45, 100], [0.97, 4]] },
  footAngleDeg: { stance: [[0, 24], [0.25, 0], [0.55, 0], [1, -30]], swing: [[0.3, -20], [0.7, 10], [0.92, 22]] },
};

export const WALKING_CURVES: GaitCurves = {
  hipFlexionDeg: { stance: [[0, 22], [0.5, 2], [1, -12]], swing: [[0.25, 2], [0.7, 25], [0.9, 24]] },
  kneeFlexionDeg: { stance: [[0, 4], [0.25, 16], [0.65, 6], [1, 38]], swing: [[0.3, 62], [0.85, 2]] },
  footAngleDeg: { stance: [[0, 20], [0.15, 0], [0.6, 0], [1, -40]], swing: [[0.3, -15], [0.75, 10], [0.92, 18]] },
  hipAdductionDeg: { stance: [[0, 2], [0.4, 6], [1, 0]], swing: [[0.5, -2], [0.9, 1]] },
};

/** Evaluates a curve at phase phi in [0, 1) for duty factor d (stance = [0, d)). */
export function makeCurve(spec: CurveSpec, dutyFactor: number): (phi: number) => number {
  const keys: [number, number][] = [
    ...spec.stance.map(([f, v]): [number, number] => [f * dutyFactor, v]),
    ...spec.swing.filter(([f]) => f > 0 && f < 1).map(([f, v]): [number, number] => [dutyFactor + f * (1 - dutyFactor), v]),
  ]
    .filter(([p]) => p < 1)
    .sort((a, b) => a[0] - b[0]);
  const deduped = keys.filter((k, i) => i === 0 || k[0] - keys[i - 1]![0] > 1e-9);
  const n = deduped.length;
  const key = (i: number): [number, number] => {
    const wrap = Math.floor(i / n);
    const [p, v] = deduped[((i % n) + n) % n]!;
    return [p + wrap, v];
  };
  return (phi: number) => {
    const x = phi - Math.floor(phi);
    let i = 0;
    while (i + 1 < n && deduped[i + 1]![0] <= x) i++;
    if (x < deduped[0]![0]) i = -1;
    const [p0, v0] = key(i);
    const [p1, v1] = key(i + 1);
    const [pm, vm] = key(i - 1);
    const [p2, v2] = key(i + 2);
    const m0 = (v1 - vm) / (p1 - pm);
    const m1 = (v2 - v0) / (p2 - p0);
    const h = p1 - p0;
    const t = (x - p0) / h;
    const t2 = t * t;
    const t3 = t2 * t;
    return (2 * t3 - 3 * t2 + 1) * v0 + (t3 - 2 * t2 + t) * h * m0 + (-2 * t3 + 3 * t2) * v1 + (t3 - t2) * h * m1;
  };
}
