/**
 * Where the video's picture lies in the stage, and the clinician's zoom and pan.
 *
 * The video element fills the stage with object-fit: contain, so the picture is letterboxed in
 * a content box. The overlay is drawn in that box, using the track's width and height (the
 * displayed frame, after rotation), so it aligns on portrait clips too. Zoom and pan are a
 * transform of the whole picture: screen = pan + zoom x stage point, with the origin at the
 * stage's top-left corner.
 */

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface ZoomPan {
  zoom: number;
  panX: number;
  panY: number;
}

export const NO_ZOOM: ZoomPan = { zoom: 1, panX: 0, panY: 0 };
export const MAX_ZOOM = 8;

/** The box a picture of contentWidth x contentHeight fills inside a box of boxWidth x boxHeight (object-fit: contain). */
export function containBox(boxWidth: number, boxHeight: number, contentWidth: number, contentHeight: number): Rect {
  if (!(boxWidth > 0 && boxHeight > 0 && contentWidth > 0 && contentHeight > 0)) return { x: 0, y: 0, width: 0, height: 0 };
  const scale = Math.min(boxWidth / contentWidth, boxHeight / contentHeight);
  const width = contentWidth * scale;
  const height = contentHeight * scale;
  return { x: (boxWidth - width) / 2, y: (boxHeight - height) / 2, width, height };
}

/** Keeps the zoomed stage covering the stage box: no blank margin can be panned into view. */
export function clampPan(view: ZoomPan, boxWidth: number, boxHeight: number): ZoomPan {
  const zoom = Math.max(1, Math.min(MAX_ZOOM, view.zoom));
  const minX = boxWidth - boxWidth * zoom;
  const minY = boxHeight - boxHeight * zoom;
  return { zoom, panX: Math.min(0, Math.max(minX, view.panX)), panY: Math.min(0, Math.max(minY, view.panY)) };
}

/** Zoom by `factor` keeping the stage point under (px, py) (stage pixels) where it is. */
export function zoomAt(view: ZoomPan, factor: number, px: number, py: number, boxWidth: number, boxHeight: number): ZoomPan {
  const zoom = Math.max(1, Math.min(MAX_ZOOM, view.zoom * factor));
  const k = zoom / view.zoom;
  return clampPan({ zoom, panX: px - (px - view.panX) * k, panY: py - (py - view.panY) * k }, boxWidth, boxHeight);
}

/** Screen position (stage pixels) of a normalised image point (0..1 of the displayed frame). */
export function imageToScreen(box: Rect, view: ZoomPan, x: number, y: number): { x: number; y: number } {
  return { x: view.panX + view.zoom * (box.x + x * box.width), y: view.panY + view.zoom * (box.y + y * box.height) };
}

/** Normalised image point under a screen position (stage pixels). */
export function screenToImage(box: Rect, view: ZoomPan, sx: number, sy: number): { x: number; y: number } {
  return { x: ((sx - view.panX) / view.zoom - box.x) / box.width, y: ((sy - view.panY) / view.zoom - box.y) / box.height };
}
