/**
 * The landmarks the analysis uses, as per-frame series in pixels (x right, y down), with the
 * landmark visibility. A missing pose gives NaN coordinates and visibility 0.
 */
import { Landmark } from '../pose/track.ts';
import type { LandmarkTrack } from '../pose/track.ts';
import { nanArray } from './series.ts';
import type { Side } from './types.ts';

export interface PointSeries {
  x: number[];
  y: number[];
  vis: number[];
}

export const LEG_JOINTS = ['hip', 'knee', 'ankle', 'heel', 'toe'] as const;
export type LegJoint = (typeof LEG_JOINTS)[number];
export type SideJoint = LegJoint | 'shoulder';

export type Limb = Record<SideJoint, PointSeries>;

export interface BodySeries {
  n: number;
  nose: PointSeries;
  left: Limb;
  right: Limb;
}

const INDEX: Record<Side, Record<SideJoint, number>> = {
  left: {
    shoulder: Landmark.leftShoulder,
    hip: Landmark.leftHip,
    knee: Landmark.leftKnee,
    ankle: Landmark.leftAnkle,
    heel: Landmark.leftHeel,
    toe: Landmark.leftFootIndex,
  },
  right: {
    shoulder: Landmark.rightShoulder,
    hip: Landmark.rightHip,
    knee: Landmark.rightKnee,
    ankle: Landmark.rightAnkle,
    heel: Landmark.rightHeel,
    toe: Landmark.rightFootIndex,
  },
};

function extractPoint(track: LandmarkTrack, index: number): PointSeries {
  const n = track.frames.length;
  const { width, height } = track.video;
  const p: PointSeries = { x: nanArray(n), y: nanArray(n), vis: new Array<number>(n).fill(0) };
  track.frames.forEach((f, k) => {
    const l = f.landmarks?.[index];
    if (!l || !Number.isFinite(l.x) || !Number.isFinite(l.y)) return;
    p.x[k] = l.x * width;
    p.y[k] = l.y * height;
    p.vis[k] = Number.isFinite(l.visibility) ? l.visibility : 0;
  });
  return p;
}

function extractLimb(track: LandmarkTrack, side: Side): Limb {
  const idx = INDEX[side];
  return {
    shoulder: extractPoint(track, idx.shoulder),
    hip: extractPoint(track, idx.hip),
    knee: extractPoint(track, idx.knee),
    ankle: extractPoint(track, idx.ankle),
    heel: extractPoint(track, idx.heel),
    toe: extractPoint(track, idx.toe),
  };
}

export function extractBody(track: LandmarkTrack): BodySeries {
  return {
    n: track.frames.length,
    nose: extractPoint(track, Landmark.nose),
    left: extractLimb(track, 'left'),
    right: extractLimb(track, 'right'),
  };
}

export function mapBody(body: BodySeries, f: (p: PointSeries) => PointSeries): BodySeries {
  const limb = (l: Limb): Limb => ({
    shoulder: f(l.shoulder),
    hip: f(l.hip),
    knee: f(l.knee),
    ankle: f(l.ankle),
    heel: f(l.heel),
    toe: f(l.toe),
  });
  return { n: body.n, nose: f(body.nose), left: limb(body.left), right: limb(body.right) };
}

export function midpoint(a: PointSeries, b: PointSeries): PointSeries {
  return {
    x: a.x.map((v, i) => (v + b.x[i]!) / 2),
    y: a.y.map((v, i) => (v + b.y[i]!) / 2),
    vis: a.vis.map((v, i) => Math.min(v, b.vis[i]!)),
  };
}

/** Mirrors x (x -> width - x) so that a side-view runner always faces +x. */
export function mirrorX(body: BodySeries, width: number): BodySeries {
  return mapBody(body, (p) => ({ x: p.x.map((v) => width - v), y: p.y, vis: p.vis }));
}

export function distanceSeries(a: PointSeries, b: PointSeries): number[] {
  return a.x.map((ax, i) => Math.hypot(ax - b.x[i]!, a.y[i]! - b.y[i]!));
}
