/**
 * Shank pixels for a synthetic track, read by the app's own code (shared/pose/shank-pixels.ts)
 * from a picture drawn here: a grey background, each shank a solid band of its own colour around
 * its knee-to-ankle line, the near leg drawn over the far one. Only the regions the app asks
 * for are drawn.
 */
import { planShankRead, readShankPixels, type PixelRect } from '../../../shared/pose/shank-pixels.ts';
import { Landmark, type LandmarkTrack, type Rgb } from '../../../shared/pose/track.ts';
import type { Side } from '../../../shared/gait/types.ts';

const BACKGROUND: Rgb = [128, 128, 128];
/** A shank drawn this wide, as a share of its length (a real calf is about a quarter). */
const SHANK_WIDTH = 0.24;

interface Band {
  x: number;
  y: number;
  ex: number;
  ey: number;
  halfWidth: number;
  colour: Rgb;
}

function inBand(px: number, py: number, b: Band): boolean {
  const vx = b.ex - b.x;
  const vy = b.ey - b.y;
  const t = Math.max(0, Math.min(1, ((px - b.x) * vx + (py - b.y) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - b.x - t * vx, py - b.y - t * vy) <= b.halfWidth;
}

function draw(rect: PixelRect, far: Band, near: Band): Uint8Array {
  const out = new Uint8Array(rect.width * rect.height * 4);
  for (let row = 0; row < rect.height; row++) {
    for (let col = 0; col < rect.width; col++) {
      const [px, py] = [rect.x + col + 0.5, rect.y + row + 0.5];
      const colour = inBand(px, py, near) ? near.colour : inBand(px, py, far) ? far.colour : BACKGROUND;
      out.set([...colour, 255], (row * rect.width + col) * 4);
    }
  }
  return out;
}

/**
 * Adds the shank pixels to every posed frame of the track: `nearLabel(k)` is the label the near
 * leg's landmarks carry in frame k (the other label when the model exchanged them), `colours`
 * each true leg's shank colour.
 */
export function addShankPixels(track: LandmarkTrack, nearLabel: (k: number) => Side, colours: { near: Rgb; far: Rgb }): LandmarkTrack {
  const { width, height } = track.video;
  const frames = track.frames.map((frame, k) => {
    if (!frame.landmarks) return frame;
    const l = frame.landmarks;
    const band = (side: Side, colour: Rgb): Band => {
      const [knee, ankle] = side === 'left' ? [l[Landmark.leftKnee]!, l[Landmark.leftAnkle]!] : [l[Landmark.rightKnee]!, l[Landmark.rightAnkle]!];
      const [x, y, ex, ey] = [knee.x * width, knee.y * height, ankle.x * width, ankle.y * height];
      return { x, y, ex, ey, halfWidth: (SHANK_WIDTH / 2) * Math.hypot(ex - x, ey - y), colour };
    };
    const nearSide = nearLabel(k);
    const near = band(nearSide, colours.near);
    const far = band(nearSide === 'left' ? 'right' : 'left', colours.far);
    const read = planShankRead(l, width, height);
    const shanks = read && readShankPixels(read, read.rects.map((rect) => draw(rect, far, near)));
    return shanks ? { ...frame, shanks } : frame;
  });
  return { ...track, frames };
}
