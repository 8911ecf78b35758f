/**
 * Joint and segment angles per frame, per side, in degrees. Side view: the body is first
 * oriented so that the runner faces +x (image x mirrored when the runner faces image-left), so
 * every sign below holds for both running directions. Image y points down.
 *
 * Side view (segment angles measured from the downward vertical, positive = distal point ahead):
 *   hipFlexionDeg        thigh (hip -> knee) to vertical; + = knee ahead of hip (flexion), - = extension
 *   hipFlexionToTrunkDeg thigh relative to the trunk line = hipFlexionDeg + trunkLeanDeg
 *   kneeFlexionDeg       180 - hip-knee-ankle angle = thigh angle - shank angle; + = flexed
 *   shankAngleDeg        shank (knee -> ankle) to vertical; + = ankle ahead of knee
 *   footAngleDeg         foot (heel -> toe) to horizontal; + = toe above heel
 *   ankleDorsiflexionDeg footAngleDeg - shankAngleDeg; + = dorsiflexion (0 = foot at right angle to shank)
 *   trunkLeanDeg         trunk (hip mid -> shoulder mid) to vertical; + = leaning forward
 * Rear/front view (independent of rear or front because medial is taken from the pelvis line):
 *   pelvicObliquityDeg   pelvis line to horizontal; + = right hip lower than left
 *   hipAdductionDeg      thigh to the downward perpendicular of the pelvis line; + = knee medial
 *   kneeFppaDeg          thigh angle - shank angle in that frame; + = knee medial to hip-ankle line (valgus)
 */
import { midpoint } from './body.ts';
import type { BodySeries, PointSeries } from './body.ts';
import { degrees, nanArray, toJsonSeries } from './series.ts';
import type { AngleSeriesJson, Side, ViewKind } from './types.ts';

export type Bilateral = Record<Side, number[]>;

export interface AngleSeries {
  kneeFlexionDeg: Bilateral;
  hipFlexionDeg: Bilateral;
  hipFlexionToTrunkDeg: Bilateral;
  ankleDorsiflexionDeg: Bilateral;
  shankAngleDeg: Bilateral;
  footAngleDeg: Bilateral;
  trunkLeanDeg: number[];
  pelvicObliquityDeg: number[];
  hipAdductionDeg: Bilateral;
  kneeFppaDeg: Bilateral;
}

/** Angle of the vector a -> b from the downward vertical, positive when b is ahead (+x) of a. */
function fromVerticalDown(a: PointSeries, b: PointSeries): number[] {
  return a.x.map((ax, i) => degrees(Math.atan2(b.x[i]! - ax, b.y[i]! - a.y[i]!)));
}

function footToHorizontal(heel: PointSeries, toe: PointSeries): number[] {
  return heel.x.map((hx, i) => degrees(Math.atan2(heel.y[i]! - toe.y[i]!, toe.x[i]! - hx)));
}

function diff(a: readonly number[], b: readonly number[]): number[] {
  return a.map((v, i) => v - b[i]!);
}

function sum(a: readonly number[], b: readonly number[]): number[] {
  return a.map((v, i) => v + b[i]!);
}

/** Angle of a -> b in the pelvis frame of `hip`: medial axis toward `otherHip`, second axis pointing down. */
function frontalSegmentAngle(hip: PointSeries, otherHip: PointSeries, a: PointSeries, b: PointSeries): number[] {
  return hip.x.map((hx, i) => {
    let ux = otherHip.x[i]! - hx;
    let uy = otherHip.y[i]! - hip.y[i]!;
    const len = Math.hypot(ux, uy);
    ux /= len;
    uy /= len;
    // perpendicular with a downward (+y) component
    let dx = -uy;
    let dy = ux;
    if (dy < 0) {
      dx = -dx;
      dy = -dy;
    }
    const vx = b.x[i]! - a.x[i]!;
    const vy = b.y[i]! - a.y[i]!;
    return degrees(Math.atan2(vx * ux + vy * uy, vx * dx + vy * dy));
  });
}

function bilateralNaN(n: number): Bilateral {
  return { left: nanArray(n), right: nanArray(n) };
}

/** `body` must already be oriented (runner facing +x) for a side view. */
export function computeAngles(body: BodySeries, view: ViewKind): AngleSeries {
  const n = body.n;
  const out: AngleSeries = {
    kneeFlexionDeg: bilateralNaN(n),
    hipFlexionDeg: bilateralNaN(n),
    hipFlexionToTrunkDeg: bilateralNaN(n),
    ankleDorsiflexionDeg: bilateralNaN(n),
    shankAngleDeg: bilateralNaN(n),
    footAngleDeg: bilateralNaN(n),
    trunkLeanDeg: nanArray(n),
    pelvicObliquityDeg: nanArray(n),
    hipAdductionDeg: bilateralNaN(n),
    kneeFppaDeg: bilateralNaN(n),
  };
  const hipMid = midpoint(body.left.hip, body.right.hip);
  const shoulderMid = midpoint(body.left.shoulder, body.right.shoulder);
  if (view === 'sagittal') {
    out.trunkLeanDeg = hipMid.x.map((hx, i) => degrees(Math.atan2(shoulderMid.x[i]! - hx, hipMid.y[i]! - shoulderMid.y[i]!)));
    for (const s of ['left', 'right'] as const) {
      const l = body[s];
      const thigh = fromVerticalDown(l.hip, l.knee);
      const shank = fromVerticalDown(l.knee, l.ankle);
      const foot = footToHorizontal(l.heel, l.toe);
      out.hipFlexionDeg[s] = thigh;
      out.shankAngleDeg[s] = shank;
      out.kneeFlexionDeg[s] = diff(thigh, shank);
      out.footAngleDeg[s] = foot;
      out.ankleDorsiflexionDeg[s] = diff(foot, shank);
      out.hipFlexionToTrunkDeg[s] = sum(thigh, out.trunkLeanDeg);
    }
  } else {
    const l = body.left;
    const r = body.right;
    out.pelvicObliquityDeg = l.hip.x.map((lx, i) => degrees(Math.atan2(r.hip.y[i]! - l.hip.y[i]!, Math.abs(r.hip.x[i]! - lx))));
    for (const [s, own, other] of [
      ['left', l, r],
      ['right', r, l],
    ] as const) {
      const thigh = frontalSegmentAngle(own.hip, other.hip, own.hip, own.knee);
      const shank = frontalSegmentAngle(own.hip, other.hip, own.knee, own.ankle);
      out.hipAdductionDeg[s] = thigh;
      out.kneeFppaDeg[s] = diff(thigh, shank);
    }
  }
  return out;
}

export function anglesToJson(a: AngleSeries): AngleSeriesJson {
  const bi = (b: Bilateral) => ({ left: toJsonSeries(b.left, 2), right: toJsonSeries(b.right, 2) });
  return {
    kneeFlexionDeg: bi(a.kneeFlexionDeg),
    hipFlexionDeg: bi(a.hipFlexionDeg),
    hipFlexionToTrunkDeg: bi(a.hipFlexionToTrunkDeg),
    ankleDorsiflexionDeg: bi(a.ankleDorsiflexionDeg),
    shankAngleDeg: bi(a.shankAngleDeg),
    footAngleDeg: bi(a.footAngleDeg),
    trunkLeanDeg: toJsonSeries(a.trunkLeanDeg, 2),
    pelvicObliquityDeg: toJsonSeries(a.pelvicObliquityDeg, 2),
    hipAdductionDeg: bi(a.hipAdductionDeg),
    kneeFppaDeg: bi(a.kneeFppaDeg),
  };
}
