/**
 * The landmark track as a compact binary file (not JSON rows): a small ASCII JSON header, then
 * typed arrays. Landmarks are stored as float32, the precision the pose model produces, so a
 * track from the model loads back exactly.
 *
 * Layout (little-endian): "GLTK" | u16 version | u16 0 | u32 header bytes | header (ASCII JSON,
 * space-padded to 8 bytes) | f64 tMs[n] | i32 i[n] | u8 hasPose[n] padded to 4 |
 * f32 image[posed x 33 x 5: x y z visibility presence] | f32 world[posed x 33 x 3: x y z] |
 * since version 2, the shanks' pixels: u32 count | per frame that has them: u32 frame (index in
 * the track) | u8 kind (1 apart: left, right; 2 crossing) | u8 colours | u8 rgb[colours x 3] |
 * since version 3, the shoes' motion: u32 count | per foot and frame that has it: u32 frame |
 * u8 side (0 left, 1 right) | i16 dx, i16 dy (tenths of a pixel) | i8 correlation (hundredths).
 * Version 1 files (no shank pixels) and version 2 files (no shoe motion) are read as before.
 */
import { LANDMARK_COUNT, type FootMotion, type ImageLandmark, type LandmarkTrack, type PoseFrame, type Rgb, type ShankPixels, type WorldLandmark } from './track.ts';

const MAGIC = [0x47, 0x4c, 0x54, 0x4b];
export const TRACK_FORMAT_VERSION = 3;
const KIND = { apart: 1, crossing: 2 } as const;
const IMAGE_VALUES = 5;
const FOOT_SIDES = ['left', 'right'] as const;
const FOOT_BYTES = 10;
const WORLD_VALUES = 3;

interface Header {
  video: LandmarkTrack['video'];
  model: LandmarkTrack['model'];
  frames: number;
}

export class TrackFormatError extends Error {
  constructor(message: string) {
    super(`This landmark track file is not readable: ${message}`);
    this.name = 'TrackFormatError';
  }
}

const align = (n: number, to: number) => Math.ceil(n / to) * to;

/** JSON with every non-ASCII character escaped, so one byte per character (no TextEncoder in pure code). */
const asciiJson = (value: unknown) =>
  JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function encodeTrack(track: LandmarkTrack): Uint8Array {
  const n = track.frames.length;
  const posed = track.frames.filter((f) => f.landmarks && f.world);
  const header = asciiJson({ video: track.video, model: track.model, frames: n } satisfies Header);
  const headerBytes = align(12 + header.length, 8) - 12;
  const tOffset = 12 + headerBytes;
  const iOffset = tOffset + n * 8;
  const poseOffset = iOffset + n * 4;
  const imageOffset = align(poseOffset + n, 4);
  const worldOffset = imageOffset + posed.length * LANDMARK_COUNT * IMAGE_VALUES * 4;
  const shanksOffset = worldOffset + posed.length * LANDMARK_COUNT * WORLD_VALUES * 4;
  const shanks = track.frames.flatMap((f, k) => (f.shanks ? [{ k, colours: shankColours(f.shanks), kind: KIND[f.shanks.kind] }] : []));
  const feetOffset = shanksOffset + 4 + shanks.reduce((sum, e) => sum + 6 + 3 * e.colours.length, 0);
  const feet = track.frames.flatMap((f, k) => FOOT_SIDES.flatMap((side, code) => (f.feet?.[side] ? [{ k, code, motion: f.feet[side] }] : [])));
  const size = feetOffset + 4 + feet.length * FOOT_BYTES;

  const bytes = new Uint8Array(size);
  const view = new DataView(bytes.buffer);
  bytes.set(MAGIC, 0);
  view.setUint16(4, TRACK_FORMAT_VERSION, true);
  view.setUint32(8, headerBytes, true);
  for (let c = 0; c < headerBytes; c++) bytes[12 + c] = c < header.length ? header.charCodeAt(c) : 0x20;

  let image = imageOffset;
  let world = worldOffset;
  track.frames.forEach((frame, k) => {
    view.setFloat64(tOffset + k * 8, frame.tMs, true);
    view.setInt32(iOffset + k * 4, frame.i, true);
    if (!frame.landmarks || !frame.world) return;
    if (frame.landmarks.length !== LANDMARK_COUNT || frame.world.length !== LANDMARK_COUNT) {
      throw new TrackFormatError(`frame ${frame.i} has ${frame.landmarks.length} landmarks, expected ${LANDMARK_COUNT}`);
    }
    bytes[poseOffset + k] = 1;
    for (const l of frame.landmarks) {
      for (const v of [l.x, l.y, l.z, l.visibility, l.presence]) {
        view.setFloat32(image, v, true);
        image += 4;
      }
    }
    for (const w of frame.world) {
      for (const v of [w.x, w.y, w.z]) {
        view.setFloat32(world, v, true);
        world += 4;
      }
    }
  });
  view.setUint32(shanksOffset, shanks.length, true);
  let at = shanksOffset + 4;
  for (const { k, kind, colours } of shanks) {
    view.setUint32(at, k, true);
    bytes[at + 4] = kind;
    bytes[at + 5] = colours.length;
    at += 6;
    for (const c of colours) {
      bytes.set(c.map((v) => Math.max(0, Math.min(255, Math.round(v)))), at);
      at += 3;
    }
  }
  view.setUint32(feetOffset, feet.length, true);
  at = feetOffset + 4;
  const tenths = (v: number) => Math.max(-32768, Math.min(32767, Math.round(v * 10)));
  for (const { k, code, motion } of feet) {
    view.setUint32(at, k, true);
    bytes[at + 4] = code;
    view.setInt16(at + 5, tenths(motion.dx), true);
    view.setInt16(at + 7, tenths(motion.dy), true);
    view.setInt8(at + 9, Math.max(-100, Math.min(100, Math.round(motion.score * 100))));
    at += FOOT_BYTES;
  }
  return bytes;
}

function shankColours(shanks: ShankPixels): Rgb[] {
  if (shanks.kind === 'apart') return [shanks.left, shanks.right];
  if (shanks.pixels.length > 255) throw new TrackFormatError(`a crossing holds ${shanks.pixels.length} pixels, at most 255 are stored`);
  return shanks.pixels;
}

export function decodeTrack(bytes: Uint8Array): LandmarkTrack {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 12 || MAGIC.some((m, k) => bytes[k] !== m)) throw new TrackFormatError('it does not start with GLTK');
  const version = view.getUint16(4, true);
  if (version < 1 || version > TRACK_FORMAT_VERSION) throw new TrackFormatError(`format version ${version} is not known to this GaitLens`);
  const headerBytes = view.getUint32(8, true);
  if (12 + headerBytes > bytes.length) throw new TrackFormatError('the header is cut short');
  let header: Header;
  try {
    header = JSON.parse(String.fromCharCode(...bytes.subarray(12, 12 + headerBytes))) as Header;
  } catch {
    throw new TrackFormatError('the header is not valid');
  }
  const n = header.frames;
  const tOffset = 12 + headerBytes;
  const iOffset = tOffset + n * 8;
  const poseOffset = iOffset + n * 4;
  const imageOffset = align(poseOffset + n, 4);
  if (imageOffset > bytes.length) throw new TrackFormatError('the frame table is cut short');
  let posed = 0;
  for (let k = 0; k < n; k++) posed += bytes[poseOffset + k] === 1 ? 1 : 0;
  const worldOffset = imageOffset + posed * LANDMARK_COUNT * IMAGE_VALUES * 4;
  const landmarksEnd = worldOffset + posed * LANDMARK_COUNT * WORLD_VALUES * 4;
  const shanks = version === 1 ? { frames: new Map<number, ShankPixels>(), end: landmarksEnd } : readShanks(bytes, view, landmarksEnd, n);
  const feet = version < 3 ? { frames: new Map<number, PoseFrame['feet']>(), end: shanks.end } : readFeet(bytes, view, shanks.end, n);
  if (feet.end !== bytes.length) throw new TrackFormatError(`expected ${feet.end} bytes, found ${bytes.length}`);

  let image = imageOffset;
  let world = worldOffset;
  const frames: PoseFrame[] = [];
  for (let k = 0; k < n; k++) {
    const frame: PoseFrame = {
      i: view.getInt32(iOffset + k * 4, true),
      tMs: view.getFloat64(tOffset + k * 8, true),
      landmarks: null,
      world: null,
    };
    if (bytes[poseOffset + k] === 1) {
      const landmarks: ImageLandmark[] = [];
      for (let l = 0; l < LANDMARK_COUNT; l++, image += IMAGE_VALUES * 4) {
        landmarks.push({
          x: view.getFloat32(image, true),
          y: view.getFloat32(image + 4, true),
          z: view.getFloat32(image + 8, true),
          visibility: view.getFloat32(image + 12, true),
          presence: view.getFloat32(image + 16, true),
        });
      }
      const worldLandmarks: WorldLandmark[] = [];
      for (let l = 0; l < LANDMARK_COUNT; l++, world += WORLD_VALUES * 4) {
        worldLandmarks.push({ x: view.getFloat32(world, true), y: view.getFloat32(world + 4, true), z: view.getFloat32(world + 8, true) });
      }
      frame.landmarks = landmarks;
      frame.world = worldLandmarks;
    }
    const shank = shanks.frames.get(k);
    if (shank) frame.shanks = shank;
    const motion = feet.frames.get(k);
    if (motion) frame.feet = motion;
    frames.push(frame);
  }
  return { video: header.video, model: header.model, frames };
}

/** The shank pixels section (version 2 on), by track index, and where it ends. */
function readShanks(bytes: Uint8Array, view: DataView, offset: number, frames: number): { frames: Map<number, ShankPixels>; end: number } {
  const cut = () => new TrackFormatError('the shank pixels are cut short');
  if (offset + 4 > bytes.length) throw cut();
  const count = view.getUint32(offset, true);
  const out = new Map<number, ShankPixels>();
  let at = offset + 4;
  for (let e = 0; e < count; e++) {
    if (at + 6 > bytes.length) throw cut();
    const k = view.getUint32(at, true);
    const kind = bytes[at + 4];
    const n = bytes[at + 5]!;
    at += 6;
    if (at + 3 * n > bytes.length) throw cut();
    const colours: Rgb[] = [];
    for (let c = 0; c < n; c++, at += 3) colours.push([bytes[at]!, bytes[at + 1]!, bytes[at + 2]!]);
    if (k >= frames) throw new TrackFormatError(`shank pixels for frame ${k} of ${frames}`);
    if (kind === KIND.apart && n === 2) out.set(k, { kind: 'apart', left: colours[0]!, right: colours[1]! });
    else if (kind === KIND.crossing && n > 0) out.set(k, { kind: 'crossing', pixels: colours });
    else throw new TrackFormatError(`shank pixels of an unknown kind (${kind}, ${n} colours)`);
  }
  return { frames: out, end: at };
}

/** The shoe motion section (version 3 on), by track index, and where it ends. */
function readFeet(bytes: Uint8Array, view: DataView, offset: number, frames: number): { frames: Map<number, PoseFrame['feet']>; end: number } {
  if (offset + 4 > bytes.length) throw new TrackFormatError('the shoe motion is cut short');
  const count = view.getUint32(offset, true);
  const end = offset + 4 + count * FOOT_BYTES;
  if (end > bytes.length) throw new TrackFormatError('the shoe motion is cut short');
  const out = new Map<number, NonNullable<PoseFrame['feet']>>();
  for (let at = offset + 4; at < end; at += FOOT_BYTES) {
    const k = view.getUint32(at, true);
    const side = FOOT_SIDES[bytes[at + 4]!];
    if (k >= frames || !side) throw new TrackFormatError(`shoe motion for frame ${k} of ${frames}, side ${bytes[at + 4]}`);
    const motion: FootMotion = { dx: view.getInt16(at + 5, true) / 10, dy: view.getInt16(at + 7, true) / 10, score: view.getInt8(at + 9) / 100 };
    out.set(k, { ...out.get(k), [side]: motion });
  }
  return { frames: out, end };
}
