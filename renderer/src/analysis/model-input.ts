/**
 * The pose model's input made small in the worker, from the decoder's own planes.
 *
 * PoseLandmarker looks at the runner through a 256 x 256 crop, so a 1080 x 1920 frame carries far
 * more pixels than it uses; without a GPU, turning the whole frame into the model's texture is
 * what makes large frames slow (docs/speed.md). Copying the decoded planes out of the VideoFrame
 * is a plain copy; averaging the luma over whole-pixel boxes and converting only the smaller
 * picture to RGB costs a few ms. Frames whose long side is at most MODEL_INPUT_LONG_SIDE_PX are
 * left as they are.
 */

/** The long side, px, above which a frame is scaled down (by a whole factor) for the model. */
export const MODEL_INPUT_LONG_SIDE_PX = 1280;

/** The whole factor that brings the frame's long side to MODEL_INPUT_LONG_SIDE_PX or less (1: as it is). */
export function modelInputFactor(width: number, height: number): number {
  return Math.max(1, Math.ceil(Math.max(width, height) / MODEL_INPUT_LONG_SIDE_PX));
}

/** A decoded frame's planes as VideoFrame.copyTo lays them out (4:2:0, 8 bits). */
export interface YuvPlanes {
  format: 'I420' | 'NV12';
  width: number;
  height: number;
  data: Uint8Array;
  layout: readonly { offset: number; stride: number }[];
  /** BT.709 (HD video) or BT.601 (SD video, the default where the file does not say). */
  matrix: 'bt709' | 'bt601';
  fullRange: boolean;
}

/** The planar formats handled here; others take the decoder's own conversion. */
export const isYuv420 = (format: string | null): format is YuvPlanes['format'] => format === 'I420' || format === 'NV12';

/** Which matrix a VideoFrame's colour space names (bt709; bt470bg and smpte170m are BT.601). */
export const yuvMatrix = (matrix: string | null | undefined): YuvPlanes['matrix'] => (matrix === 'bt709' ? 'bt709' : 'bt601');

// [R from V, G from U, G from V, B from U], per unit of chroma
const COEFFICIENTS = {
  bt709: [1.5748, -0.1873, -0.4681, 1.8556],
  bt601: [1.402, -0.3441, -0.7141, 1.772],
} as const;

/** Fixed-point colour conversion constants (16 fractional bits). */
interface Conversion {
  lumaOffset: number;
  lumaGain: number;
  rv: number;
  gu: number;
  gv: number;
  bu: number;
}

/** One pixel, packed as little-endian RGBA; `lumaSum` over a box of the conversion's size. */
function packedRgba(lumaSum: number, u: number, v: number, k: Conversion): number {
  const luma = (lumaSum - k.lumaOffset) * k.lumaGain + 32768;
  let r = (luma + k.rv * v) >> 16;
  let g = (luma + k.gu * u + k.gv * v) >> 16;
  let b = (luma + k.bu * u) >> 16;
  r = r < 0 ? 0 : r > 255 ? 255 : r;
  g = g < 0 ? 0 : g > 255 ? 255 : g;
  b = b < 0 ? 0 : b > 255 ? 255 : b;
  return 0xff000000 | (b << 16) | (g << 8) | r;
}

/**
 * One output row at half size, where each output pixel has its own chroma sample. Rows are
 * functions of their own: V8 compiles a whole function well, an inner loop entered mid-run less so.
 */
function halfRow(data: Uint8Array, top: number, stride: number, uRow: number, vRow: number, chromaStep: number, k: Conversion, width: number, pixels: Uint32Array, out: number): void {
  for (let x = 0; x < width; x++) {
    const left = top + 2 * x;
    const c = x * chromaStep;
    pixels[out + x] = packedRgba(data[left]! + data[left + 1]! + data[left + stride]! + data[left + stride + 1]!, data[uRow + c]! - 128, data[vRow + c]! - 128, k);
  }
}

/** One output row at any whole factor. */
function boxRow(data: Uint8Array, factor: number, top: number, stride: number, uRow: number, vRow: number, chromaStep: number, k: Conversion, width: number, pixels: Uint32Array, out: number): void {
  for (let x = 0; x < width; x++) {
    let sum = 0;
    for (let row = top + x * factor, r = 0; r < factor; r++, row += stride) for (let c = 0; c < factor; c++) sum += data[row + c]!;
    const c = ((x * factor + (factor >> 1)) >> 1) * chromaStep;
    pixels[out + x] = packedRgba(sum, data[uRow + c]! - 128, data[vRow + c]! - 128, k);
  }
}

/**
 * RGBA of the frame scaled down by `factor`: each output pixel's luma is the mean over its
 * factor x factor box, its chroma the sample nearest the box's centre. Output size floor(size /
 * factor); factor 1 converts without scaling. Integer arithmetic (16 fractional bits), one
 * 32-bit store per pixel: this runs on every frame.
 */
export function scaledRgba(planes: YuvPlanes, factor: number): { width: number; height: number; rgba: Uint8ClampedArray<ArrayBuffer> } {
  const width = Math.floor(planes.width / factor);
  const height = Math.floor(planes.height / factor);
  const pixels = new Uint32Array(width * height);
  const { data, layout } = planes;
  const luma0 = layout[0]!;
  const nv12 = planes.format === 'NV12';
  const u0 = layout[1]!;
  const v0 = nv12 ? { offset: u0.offset + 1, stride: u0.stride } : layout[2]!;
  const chromaStep = nv12 ? 2 : 1;
  const ONE = 1 << 16;
  const boxArea = factor * factor;
  // limited range: luma 16-235 and chroma 16-240 stretched to 0-255
  const chromaGain = planes.fullRange ? 1 : 255 / 224;
  const [rv, gu, gv, bu] = COEFFICIENTS[planes.matrix];
  const k: Conversion = {
    lumaOffset: (planes.fullRange ? 0 : 16) * boxArea,
    lumaGain: Math.round(((planes.fullRange ? 1 : 255 / 219) * ONE) / boxArea) | 0,
    rv: Math.round(rv * chromaGain * ONE) | 0,
    gu: Math.round(gu * chromaGain * ONE) | 0,
    gv: Math.round(gv * chromaGain * ONE) | 0,
    bu: Math.round(bu * chromaGain * ONE) | 0,
  };
  for (let y = 0; y < height; y++) {
    const cy = (y * factor + (factor >> 1)) >> 1;
    const top = luma0.offset + y * factor * luma0.stride;
    const uRow = u0.offset + cy * u0.stride;
    const vRow = v0.offset + cy * v0.stride;
    if (factor === 2) halfRow(data, top, luma0.stride, uRow, vRow, chromaStep, k, width, pixels, y * width);
    else boxRow(data, factor, top, luma0.stride, uRow, vRow, chromaStep, k, width, pixels, y * width);
  }
  return { width, height, rgba: new Uint8ClampedArray(pixels.buffer) };
}
