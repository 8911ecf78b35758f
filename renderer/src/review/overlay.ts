/**
 * Drawing the skeleton of one frame: joints and segments coloured by side (after the automatic
 * and the clinician's left/right fixes), and the joint angles at hip and knee. Used for the live
 * overlay (in the video's content box, zoomed) and for key frames (at the video's own size).
 */
import { legSwapMask } from '../../../shared/gait/identity.ts';
import type { GaitAnalysis, Side } from '../../../shared/gait/types.ts';
import { Landmark, type ImageLandmark, type LandmarkTrack } from '../../../shared/pose/track.ts';

export const SIDE_COLOURS: Record<Side, string> = { left: '#2f6fd6', right: '#d2662a' };
const TRUNK_COLOUR = '#f3f5f7';
/** Below this visibility a landmark is drawn faint: the pose model was unsure of it. */
const LOW_VISIBILITY = 0.5;

export interface JointAngles {
  hip: number | null;
  knee: number | null;
}

export interface SkeletonFrame {
  landmarks: readonly ImageLandmark[];
  /** Leg labels exchanged in this frame (automatic fix XOR the clinician's swaps). */
  legsSwapped: boolean;
  angles: Record<Side, JointAngles>;
  /** In a side view, the leg facing the camera: drawn last, on top, as it is in the picture. */
  nearSide: Side | null;
  /** The leg drawn wider, for the question of which leg is which; null for none. */
  highlight: Side | null;
}

export interface DrawTarget {
  /** Image point (normalised 0..1 of the displayed frame) to canvas pixels. */
  toCanvas(x: number, y: number): { x: number; y: number };
  /** Line width unit in canvas pixels. */
  unit: number;
}

const LEG = ['hip', 'knee', 'ankle', 'heel', 'toe'] as const;
type LegJoint = (typeof LEG)[number];
const LEG_INDEX: Record<Side, Record<LegJoint, number>> = {
  left: { hip: Landmark.leftHip, knee: Landmark.leftKnee, ankle: Landmark.leftAnkle, heel: Landmark.leftHeel, toe: Landmark.leftFootIndex },
  right: { hip: Landmark.rightHip, knee: Landmark.rightKnee, ankle: Landmark.rightAnkle, heel: Landmark.rightHeel, toe: Landmark.rightFootIndex },
};
const ARM_INDEX: Record<Side, [number, number, number]> = {
  left: [Landmark.leftShoulder, Landmark.leftElbow, Landmark.leftWrist],
  right: [Landmark.rightShoulder, Landmark.rightElbow, Landmark.rightWrist],
};
const LEG_SEGMENTS: [LegJoint, LegJoint][] = [
  ['hip', 'knee'],
  ['knee', 'ankle'],
  ['ankle', 'heel'],
  ['heel', 'toe'],
  ['ankle', 'toe'],
];

type Point = { x: number; y: number; faint: boolean };

export function drawSkeleton(ctx: CanvasRenderingContext2D, target: DrawTarget, frame: SkeletonFrame): void {
  const point = (index: number): Point | null => {
    const l = frame.landmarks[index];
    if (!l || !Number.isFinite(l.x) || !Number.isFinite(l.y)) return null;
    return { ...target.toCanvas(l.x, l.y), faint: !(l.visibility >= LOW_VISIBILITY) };
  };
  // the leg drawn as "left" is the one the corrected analysis calls left
  const legOf = (side: Side): Record<LegJoint, Point | null> => {
    const source: Side = frame.legsSwapped ? (side === 'left' ? 'right' : 'left') : side;
    return Object.fromEntries(LEG.map((j) => [j, point(LEG_INDEX[source][j])])) as Record<LegJoint, Point | null>;
  };
  const legs = { left: legOf('left'), right: legOf('right') };
  const shoulders = { left: point(Landmark.leftShoulder), right: point(Landmark.rightShoulder) };
  const u = target.unit;

  ctx.save();
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  const segment = (a: Point | null, b: Point | null, colour: string, width: number) => {
    if (!a || !b) return;
    ctx.globalAlpha = a.faint || b.faint ? 0.45 : 1;
    // a dark edge keeps the line readable on light clothing and backgrounds
    ctx.strokeStyle = 'rgba(0, 0, 0, 0.55)';
    ctx.lineWidth = width + 1.5 * u;
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.lineTo(b.x, b.y);
    ctx.stroke();
    ctx.strokeStyle = colour;
    ctx.lineWidth = width;
    ctx.stroke();
  };
  segment(shoulders.left, shoulders.right, TRUNK_COLOUR, 2 * u);
  segment(legs.left.hip, legs.right.hip, TRUNK_COLOUR, 2 * u);
  for (const side of ['left', 'right'] as const) {
    segment(shoulders[side], legs[side].hip, TRUNK_COLOUR, 2 * u);
    const [s, e, w] = ARM_INDEX[side].map(point);
    segment(s ?? null, e ?? null, SIDE_COLOURS[side], 1.5 * u);
    segment(e ?? null, w ?? null, SIDE_COLOURS[side], 1.5 * u);
  }
  const order: Side[] = frame.nearSide === 'right' ? ['left', 'right'] : ['right', 'left'];
  for (const side of order) {
    for (const [a, b] of LEG_SEGMENTS) segment(legs[side][a], legs[side][b], SIDE_COLOURS[side], (side === frame.highlight ? 7 : 3) * u);
  }
  for (const side of order) {
    for (const j of LEG) {
      const p = legs[side][j];
      if (!p) continue;
      ctx.globalAlpha = p.faint ? 0.45 : 1;
      ctx.beginPath();
      ctx.arc(p.x, p.y, (j === 'hip' || j === 'knee' ? 4.5 : 3.5) * u, 0, Math.PI * 2);
      ctx.fillStyle = SIDE_COLOURS[side];
      ctx.fill();
      ctx.lineWidth = 1.5 * u;
      ctx.strokeStyle = '#ffffff';
      ctx.stroke();
    }
  }
  ctx.globalAlpha = 1;
  for (const j of ['hip', 'knee'] as const) {
    // each label on the outer side of its joint: the joint further left in the picture gets its label to the left
    const l = legs.left[j];
    const r = legs.right[j];
    const leftOuter: -1 | 1 = l && r && l.x > r.x ? 1 : -1;
    for (const side of ['left', 'right'] as const) {
      const p = legs[side][j];
      const value = frame.angles[side][j];
      const dir = side === 'left' ? leftOuter : leftOuter === -1 ? 1 : -1;
      if (p && value !== null) angleLabel(ctx, p, dir, `${Math.round(value)}°`, SIDE_COLOURS[side], u);
    }
  }
  ctx.restore();
}

/** A pill beside the joint, to its left (dir -1) or right (dir 1). */
function angleLabel(ctx: CanvasRenderingContext2D, p: { x: number; y: number }, dir: -1 | 1, text: string, colour: string, u: number) {
  ctx.font = `600 ${Math.round(12 * u)}px system-ui, sans-serif`;
  ctx.textBaseline = 'middle';
  const w = ctx.measureText(text).width + 10 * u;
  const h = 18 * u;
  const x = dir === 1 ? p.x + 10 * u : p.x - 10 * u - w;
  const y = p.y - h / 2;
  ctx.fillStyle = colour;
  ctx.beginPath();
  ctx.roundRect(x, y, w, h, h / 2);
  ctx.fill();
  ctx.lineWidth = 1 * u;
  ctx.strokeStyle = 'rgba(255, 255, 255, 0.9)';
  ctx.stroke();
  ctx.fillStyle = '#ffffff';
  ctx.textAlign = 'center';
  ctx.fillText(text, x + w / 2, y + h / 2 + 0.5 * u);
}

/** A drawn known length: the two ends and the line between them. */
export function drawMeasureLine(ctx: CanvasRenderingContext2D, a: { x: number; y: number }, b: { x: number; y: number }, u: number, label: string | null) {
  ctx.save();
  ctx.strokeStyle = '#ffd54a';
  ctx.fillStyle = '#ffd54a';
  ctx.lineWidth = 2 * u;
  ctx.setLineDash([6 * u, 4 * u]);
  ctx.beginPath();
  ctx.moveTo(a.x, a.y);
  ctx.lineTo(b.x, b.y);
  ctx.stroke();
  ctx.setLineDash([]);
  for (const p of [a, b]) {
    ctx.beginPath();
    ctx.arc(p.x, p.y, 4 * u, 0, Math.PI * 2);
    ctx.fill();
  }
  if (label) {
    // beside the line's far end, on a dark backing so it reads on any picture
    const end = a.y < b.y ? a : b;
    ctx.font = `600 ${Math.round(12 * u)}px system-ui, sans-serif`;
    ctx.textBaseline = 'middle';
    const w = ctx.measureText(label).width + 8 * u;
    ctx.fillStyle = 'rgba(17, 20, 24, 0.8)';
    ctx.fillRect(end.x + 8 * u, end.y - 9 * u, w, 18 * u);
    ctx.fillStyle = '#ffd54a';
    ctx.fillText(label, end.x + 12 * u, end.y);
  }
  ctx.restore();
}

export function nearSideOf(analysis: GaitAnalysis): Side | null {
  const { kind, side } = analysis.view;
  return kind === 'sagittal' && (side === 'left' || side === 'right') ? side : null;
}

/** What to draw on track index k: landmarks, leg labels and the angles at hip and knee (frontal angles in a rear or front view). */
export function skeletonAt(track: LandmarkTrack, analysis: GaitAnalysis, swapped: readonly boolean[], k: number, highlight: Side | null = null): SkeletonFrame | null {
  const landmarks = track.frames[k]?.landmarks;
  if (!landmarks) return null;
  const a = analysis.angles;
  const frontal = analysis.view.kind === 'frontal';
  const anglesOf = (side: Side): JointAngles => ({
    hip: (frontal ? a.hipAdductionDeg : a.hipFlexionDeg)[side][k] ?? null,
    knee: (frontal ? a.kneeFppaDeg : a.kneeFlexionDeg)[side][k] ?? null,
  });
  return { landmarks, legsSwapped: swapped[k] ?? false, angles: { left: anglesOf('left'), right: anglesOf('right') }, nearSide: nearSideOf(analysis), highlight };
}

/**
 * The frame on screen with its skeleton, at the video's own size, as PNG bytes: a key frame for
 * the report. The video must be showing track index k.
 */
export async function captureFrame(video: HTMLVideoElement, track: LandmarkTrack, analysis: GaitAnalysis, k: number): Promise<{ png: Uint8Array; width: number; height: number }> {
  const { width, height } = track.video;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This computer could not draw the key frame (no 2D canvas).');
  ctx.drawImage(video, 0, 0, width, height);
  const skeleton = skeletonAt(track, analysis, legSwapMask(analysis), k);
  if (skeleton) drawSkeleton(ctx, { toCanvas: (x, y) => ({ x: x * width, y: y * height }), unit: Math.max(1, Math.max(width, height) / 700) }, skeleton);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  if (!blob) throw new Error('The key frame could not be encoded as an image.');
  return { png: new Uint8Array(await blob.arrayBuffer()), width, height };
}
