/**
 * The shanks' colours, read from one frame's pixels, for telling which leg is nearest the camera
 * in a side view (gait/near-far.ts, issue 21). The near leg hides the far one wherever they
 * overlap, so where the two shanks cross, the pixels take the near shank's colour. Per frame:
 * while the shanks are apart, each labelled shank's mean colour over its middle half; where they
 * cross, a sample of the pixels the two share. Which label those pixels match is decided over
 * the clip, against the shanks' colours in the nearest frames before and after.
 * Only thin strips along the landmarks' knee-to-ankle axes are read (a tenth of the shank's
 * length wide, narrower than a shank), so landmarks a few pixels off still read the shank and not
 * what is behind it (the width was chosen on the shared clips: docs/validation.md).
 */
import { Landmark, type ImageLandmark, type Rgb, type ShankPixels } from './track.ts';

/** Half the width of the strip read along each shank's axis, as a share of the longer shank. */
export const STRIP_HALF_WIDTH_SHANK = 0.05;
/** Shanks crossing at a shallower angle (|sin|) share too long a stretch to be read. */
export const MIN_CROSSING_SIN = 0.4;
/** The crossing must lie this far inside both shanks (share of each, from the knee). */
const CROSSING_INSIDE = [0.15, 0.9] as const;
/** Shanks count as apart when their axes are further apart than this many strip half-widths. */
const APART_HALF_WIDTHS = 3;
/** The part of each shank whose colour is read while apart (share of its length, from the knee). */
const MIDDLE = [0.25, 0.75] as const;
/** Fewer pixels than this in a part: no reading. */
const MIN_PIXELS = 10;
/** Pixels kept of a crossing. */
export const CROSSING_SAMPLE = 64;

export interface PixelRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A shank's axis in frame pixels: the knee, the unit direction to the ankle, the length. */
interface Axis {
  x: number;
  y: number;
  dx: number;
  dy: number;
  length: number;
}

/** What to read from a frame: the regions (RGBA, read in this order) and how to use them. */
export type ShankRead =
  | { kind: 'apart'; halfWidth: number; left: Axis; right: Axis; rects: [PixelRect, PixelRect] }
  | { kind: 'crossing'; halfWidth: number; left: Axis; right: Axis; x: number; y: number; rects: [PixelRect] };

function axis(knee: ImageLandmark, ankle: ImageLandmark, width: number, height: number): Axis | null {
  const x = knee.x * width;
  const y = knee.y * height;
  const ex = ankle.x * width - x;
  const ey = ankle.y * height - y;
  const length = Math.hypot(ex, ey);
  return Number.isFinite(length) && length > 0 ? { x, y, dx: ex / length, dy: ey / length, length } : null;
}

/** Distance from p to the segment of axis a. */
function toSegment(px: number, py: number, a: Axis): number {
  const along = Math.max(0, Math.min(a.length, (px - a.x) * a.dx + (py - a.y) * a.dy));
  return Math.hypot(px - a.x - along * a.dx, py - a.y - along * a.dy);
}

/** The shortest distance between two segments that do not intersect. */
function segmentsApart(a: Axis, b: Axis): number {
  const end = (s: Axis) => [s.x + s.length * s.dx, s.y + s.length * s.dy] as const;
  const [ax, ay] = end(a);
  const [bx, by] = end(b);
  return Math.min(toSegment(a.x, a.y, b), toSegment(ax, ay, b), toSegment(b.x, b.y, a), toSegment(bx, by, a));
}

/** The whole-pixel box around these points, grown by `margin` and kept inside the frame; null when empty. */
function box(points: readonly (readonly [number, number])[], margin: number, width: number, height: number): PixelRect | null {
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const x0 = Math.max(0, Math.floor(Math.min(...xs) - margin));
  const y0 = Math.max(0, Math.floor(Math.min(...ys) - margin));
  const x1 = Math.min(width, Math.ceil(Math.max(...xs) + margin));
  const y1 = Math.min(height, Math.ceil(Math.max(...ys) + margin));
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : null;
}

const middleEnds = (a: Axis) => MIDDLE.map((f) => [a.x + f * a.length * a.dx, a.y + f * a.length * a.dy] as const);

/** Which pixels of this frame to read, from its landmarks; null when the shanks are neither clearly apart nor clearly crossing. */
export function planShankRead(landmarks: readonly ImageLandmark[], width: number, height: number): ShankRead | null {
  const left = axis(landmarks[Landmark.leftKnee]!, landmarks[Landmark.leftAnkle]!, width, height);
  const right = axis(landmarks[Landmark.rightKnee]!, landmarks[Landmark.rightAnkle]!, width, height);
  if (!left || !right) return null;
  const halfWidth = STRIP_HALF_WIDTH_SHANK * Math.max(left.length, right.length);
  const cross = left.dx * right.dy - left.dy * right.dx;
  // knee-left + t * dir-left = knee-right + u * dir-right (t, u in pixels from each knee)
  const wx = right.x - left.x;
  const wy = right.y - left.y;
  const t = cross === 0 ? Number.NaN : (wx * right.dy - wy * right.dx) / cross;
  const u = cross === 0 ? Number.NaN : (wx * left.dy - wy * left.dx) / cross;
  const within = (d: number, a: Axis, [from, to]: readonly [number, number]) => d >= from * a.length && d <= to * a.length;
  const intersect = within(t, left, [0, 1]) && within(u, right, [0, 1]);
  if (!intersect) {
    if (segmentsApart(left, right) <= APART_HALF_WIDTHS * halfWidth) return null;
    const l = box(middleEnds(left), halfWidth + 1, width, height);
    const r = box(middleEnds(right), halfWidth + 1, width, height);
    return l && r ? { kind: 'apart', halfWidth, left, right, rects: [l, r] } : null;
  }
  if (Math.abs(cross) < MIN_CROSSING_SIN || !within(t, left, CROSSING_INSIDE) || !within(u, right, CROSSING_INSIDE)) return null;
  const x = left.x + t * left.dx;
  const y = left.y + t * left.dy;
  const rect = box([[x, y]], halfWidth / Math.abs(cross) + 1, width, height);
  return rect ? { kind: 'crossing', halfWidth, left, right, x, y, rects: [rect] } : null;
}

const offAxis = (px: number, py: number, a: Axis) => Math.abs(-(px - a.x) * a.dy + (py - a.y) * a.dx);
const alongAxis = (px: number, py: number, a: Axis) => (px - a.x) * a.dx + (py - a.y) * a.dy;

/** Calls visit(rgbaOffset) for each pixel of rect whose centre passes `keep`. */
function eachPixel(rect: PixelRect, keep: (px: number, py: number) => boolean, visit: (q: number) => void): void {
  for (let row = 0; row < rect.height; row++) {
    for (let col = 0; col < rect.width; col++) {
      if (keep(rect.x + col + 0.5, rect.y + row + 0.5)) visit((row * rect.width + col) * 4);
    }
  }
}

function stripMean(rgba: ArrayLike<number>, rect: PixelRect, a: Axis, halfWidth: number): Rgb | null {
  let [r, g, b, n] = [0, 0, 0, 0];
  const keep = (px: number, py: number) => {
    const along = alongAxis(px, py, a);
    return along >= MIDDLE[0] * a.length && along <= MIDDLE[1] * a.length && offAxis(px, py, a) < halfWidth;
  };
  eachPixel(rect, keep, (q) => {
    r += rgba[q]!;
    g += rgba[q + 1]!;
    b += rgba[q + 2]!;
    n++;
  });
  return n < MIN_PIXELS ? null : [Math.round(r / n), Math.round(g / n), Math.round(b / n)];
}

/** The reading, from the RGBA pixels of each of `read.rects` (row by row, 4 bytes a pixel); null when a part has too few pixels. */
export function readShankPixels(read: ShankRead, rgba: readonly ArrayLike<number>[]): ShankPixels | null {
  if (read.kind === 'apart') {
    const left = stripMean(rgba[0]!, read.rects[0], read.left, read.halfWidth);
    const right = stripMean(rgba[1]!, read.rects[1], read.right, read.halfWidth);
    return left && right ? { kind: 'apart', left, right } : null;
  }
  const shared: number[] = [];
  const keep = (px: number, py: number) => offAxis(px, py, read.left) < read.halfWidth && offAxis(px, py, read.right) < read.halfWidth;
  eachPixel(read.rects[0], keep, (q) => shared.push(q));
  if (shared.length < MIN_PIXELS) return null;
  const data = rgba[0]!;
  const step = Math.max(1, shared.length / CROSSING_SAMPLE);
  const pixels: Rgb[] = [];
  for (let k = 0; pixels.length < CROSSING_SAMPLE && Math.floor(k) < shared.length; k += step) {
    const q = shared[Math.floor(k)]!;
    pixels.push([data[q]!, data[q + 1]!, data[q + 2]!]);
  }
  return { kind: 'crossing', pixels };
}
