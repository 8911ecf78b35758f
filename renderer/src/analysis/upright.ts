/**
 * Pixels of a rotated file turned upright in the worker. Phones store portrait clips as
 * landscape frames plus a rotation (clockwise degrees, as mediabunny reads it); the decoded
 * VideoFrame is the stored frame. Drawing every large frame upright into a canvas costs more than
 * the model saves on a scaled-down input (docs/speed.md), so the model's scaled input and the
 * small regions the pixel readers ask for are turned upright here instead.
 */
import type { PixelRect } from '../../../shared/pose/shank-pixels.ts';

export type Rotation = 0 | 90 | 180 | 270;

/** The region of the stored frame (codedWidth x codedHeight) that shows `rect` of the upright picture. */
export function storedRect(rect: PixelRect, rotation: Rotation, storedWidth: number, storedHeight: number): PixelRect {
  const { x, y, width, height } = rect;
  switch (rotation) {
    case 0:
      return rect;
    case 90:
      return { x: y, y: storedHeight - x - width, width: height, height: width };
    case 180:
      return { x: storedWidth - x - width, y: storedHeight - y - height, width, height };
    case 270:
      return { x: storedWidth - y - height, y: x, width: height, height: width };
  }
}

/**
 * Packed pixels (one 32-bit value each, row by row) of a stored region, width x height, turned
 * upright: the same array for rotation 0, else a new one (width and height swapped for 90 and 270).
 */
export function uprightPixels(pixels: Uint32Array<ArrayBuffer>, width: number, height: number, rotation: Rotation): Uint32Array<ArrayBuffer> {
  if (rotation === 0) return pixels;
  const out = new Uint32Array(pixels.length);
  if (rotation === 180) {
    for (let k = 0, n = pixels.length; k < n; k++) out[n - 1 - k] = pixels[k]!;
    return out;
  }
  // upright width = stored height; upright (X, Y) shows stored (Y, height - 1 - X) at 90, (width - 1 - Y, X) at 270
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const target = rotation === 90 ? x * height + (height - 1 - y) : (width - 1 - x) * height + y;
      out[target] = pixels[y * width + x]!;
    }
  }
  return out;
}
