/**
 * How each shoe moved between two frames, read from the pixels (issue 19, step 4). The landmarks
 * of a landing foot come 1-3 frames late where the pose model smooths them (the near foot on the
 * 60 fps treadmill clip), so initial contact is timed from the shoe's own image instead: a patch
 * of the shoe by the heel, found again in the next frame by normalised cross-correlation. Once
 * the shoe is on the ground it moves with the ground (the belt's speed, or none), which is what
 * an annotator looks for (gait/events.ts).
 * The patch sits by the heel landmark, a tenth of the foot's length toward the toe and a tenth
 * below, on the heel counter and sole: right above the point that lands, so the foot's rotation
 * after a heel strike hardly moves it (the position was chosen on the shared clips:
 * docs/validation.md). It is read downsampled to PATCH_CELLS cells across, whatever the video's
 * resolution, which bounds the cost (2-4 ms a frame for both feet here: docs/speed.md).
 */
import { Landmark, type FootMotion, type ImageLandmark } from './track.ts';
import type { PixelRect } from './shank-pixels.ts';

/** The patch's centre from the heel landmark: shares of the heel-to-toe length along the foot and down the image. */
export const PATCH_ALONG_FOOT = 0.1;
export const PATCH_BELOW_HEEL = 0.1;
/** The patch's side, as a share of the heel-to-toe length (at least). */
export const PATCH_SIZE_FOOT = 0.4;
/** How far the patch is looked for in the next frame, as a share of the heel-to-toe length (a landed shoe at 30 fps moves about 0.4). */
export const SEARCH_RADIUS_FOOT = 0.5;
/** Cells across the downsampled patch. */
export const PATCH_CELLS = 16;
/** Feet shorter than this (pixels, heel to toe) are not read at all (the analysis uses feet of 40 px and more: gait/shoe-motion.ts). */
const UNREAD_FOOT_PX = 12;

/** A shoe patch read from one frame: where, at what downsampling, and its grey cells (zero mean). */
export interface FootPatch {
  rect: PixelRect;
  factor: number;
  /** How far to look for it in the next frame, in cells. */
  radius: number;
  cells: Float32Array;
}

/** The shoe patch's region in this frame (whole cells inside the frame), or null when the foot is not seen well enough. */
export function footPatchRect(landmarks: readonly ImageLandmark[], side: 'left' | 'right', width: number, height: number): { rect: PixelRect; factor: number; radius: number } | null {
  const heel = landmarks[side === 'left' ? Landmark.leftHeel : Landmark.rightHeel];
  const toe = landmarks[side === 'left' ? Landmark.leftFootIndex : Landmark.rightFootIndex];
  if (!heel || !toe) return null;
  const hx = heel.x * width;
  const hy = heel.y * height;
  const length = Math.hypot(toe.x * width - hx, toe.y * height - hy);
  if (!Number.isFinite(length) || length < UNREAD_FOOT_PX) return null;
  // at least PATCH_SIZE_FOOT across: a smaller patch on a small shoe holds more of what is behind it than of the shoe
  const factor = Math.max(1, Math.ceil((PATCH_SIZE_FOOT * length) / PATCH_CELLS));
  const size = PATCH_CELLS * factor;
  const cx = hx + PATCH_ALONG_FOOT * (toe.x * width - hx);
  const cy = hy + PATCH_ALONG_FOOT * (toe.y * height - hy) + PATCH_BELOW_HEEL * length;
  const x = Math.round(cx - size / 2);
  const y = Math.round(cy - size / 2);
  if (x < 0 || y < 0 || x + size > width || y + size > height) return null;
  return { rect: { x, y, width: size, height: size }, factor, radius: Math.max(1, Math.ceil((SEARCH_RADIUS_FOOT * length) / factor)) };
}

/** Where to look for a patch in the next frame: its region grown by the search radius, kept inside the frame. */
export function searchRect(patch: Pick<FootPatch, 'rect' | 'factor' | 'radius'>, width: number, height: number): PixelRect {
  const grow = patch.radius * patch.factor;
  const x = Math.max(0, patch.rect.x - grow);
  const y = Math.max(0, patch.rect.y - grow);
  return { x, y, width: Math.min(width, patch.rect.x + patch.rect.width + grow) - x, height: Math.min(height, patch.rect.y + patch.rect.height + grow) - y };
}

/** Grey cells (mean of each factor x factor block) of `region`, from RGBA pixels read over `read` (row by row, 4 bytes a pixel); region lies inside read. */
export function greyCells(rgba: ArrayLike<number>, read: PixelRect, region: PixelRect, factor: number): { cells: Float32Array; columns: number; rows: number } {
  const columns = Math.floor(region.width / factor);
  const rows = Math.floor(region.height / factor);
  const cells = new Float32Array(columns * rows);
  const scale = 1 / (3 * factor * factor);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      let sum = 0;
      for (let a = 0; a < factor; a++) {
        let q = ((region.y - read.y + r * factor + a) * read.width + region.x - read.x + c * factor) * 4;
        for (let b = 0; b < factor; b++, q += 4) sum += rgba[q]! + rgba[q + 1]! + rgba[q + 2]!;
      }
      cells[r * columns + c] = sum * scale;
    }
  }
  return { cells, columns, rows };
}

/** The patch of this frame, from pixels read over `read` (which holds its region). */
export function footPatch(rgba: ArrayLike<number>, read: PixelRect, plan: { rect: PixelRect; factor: number; radius: number }): FootPatch {
  const { cells } = greyCells(rgba, read, plan.rect, plan.factor);
  let mean = 0;
  for (const v of cells) mean += v;
  mean /= cells.length;
  for (let k = 0; k < cells.length; k++) cells[k]! -= mean;
  return { ...plan, cells };
}

/** Offset of the vertex of the parabola through (-1, a), (0, b), (1, c); 0 where it does not open downwards. */
const vertex = (a: number, b: number, c: number) => {
  const den = a - 2 * b + c;
  return den < 0 ? (0.5 * (a - c)) / den : 0;
};

/**
 * Where the previous frame's patch is in this frame (pixels read over `read`, its search region):
 * the displacement in frame pixels, to a fraction of a cell, and its correlation (-1 to 1); null
 * when the patch is flat (no texture to follow) or the region too small.
 */
export function patchMotion(patch: FootPatch, rgba: ArrayLike<number>, read: PixelRect): FootMotion | null {
  const f = patch.factor;
  // the search cells on the patch's own cell grid
  const ox = Math.ceil((read.x - patch.rect.x) / f);
  const oy = Math.ceil((read.y - patch.rect.y) / f);
  const region = { x: patch.rect.x + ox * f, y: patch.rect.y + oy * f, width: read.x + read.width - (patch.rect.x + ox * f), height: read.y + read.height - (patch.rect.y + oy * f) };
  const { cells, columns, rows } = greyCells(rgba, read, region, f);
  const m = PATCH_CELLS;
  if (columns < m || rows < m) return null;
  let energy = 0;
  for (const v of patch.cells) energy += v * v;
  if (energy < 1e-6 * m * m) return null;
  const across = columns - m + 1;
  const down = rows - m + 1;
  const scores = new Float32Array(across * down);
  let best = -1;
  for (let sy = 0; sy < down; sy++) {
    for (let sx = 0; sx < across; sx++) {
      let sum = 0;
      let squares = 0;
      let cross = 0;
      for (let a = 0; a < m; a++) {
        const row = (sy + a) * columns + sx;
        for (let b = 0; b < m; b++) {
          const s = cells[row + b]!;
          sum += s;
          squares += s * s;
          cross += s * patch.cells[a * m + b]!;
        }
      }
      const spread = squares - (sum * sum) / (m * m);
      const k = sy * across + sx;
      scores[k] = spread > 1e-6 ? cross / Math.sqrt(energy * spread) : 0;
      if (best < 0 || scores[k]! > scores[best]!) best = k;
    }
  }
  const bx = best % across;
  const by = Math.floor(best / across);
  const at = (x: number, y: number) => scores[y * across + x]!;
  const fx = bx > 0 && bx < across - 1 ? vertex(at(bx - 1, by), at(bx, by), at(bx + 1, by)) : 0;
  const fy = by > 0 && by < down - 1 ? vertex(at(bx, by - 1), at(bx, by), at(bx, by + 1)) : 0;
  return { dx: (ox + bx + fx) * f, dy: (oy + by + fy) * f, score: at(bx, by) };
}
