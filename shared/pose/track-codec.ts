/**
 * The landmark track as a compact binary file (not JSON rows): a small ASCII JSON header, then
 * typed arrays. Landmarks are stored as float32, the precision the pose model produces, so a
 * track from the model loads back exactly.
 *
 * Layout (little-endian): "GLTK" | u16 version | u16 0 | u32 header bytes | header (ASCII JSON,
 * space-padded to 8 bytes) | f64 tMs[n] | i32 i[n] | u8 hasPose[n] padded to 4 |
 * f32 image[posed x 33 x 5: x y z visibility presence] | f32 world[posed x 33 x 3: x y z] |
 * since version 2, the shanks' pixels: u32 count | per frame that has them: u32 frame (index in
 * the track) | u8 kind (1 apart: left, right; 2 crossing) | u8 colours | u8 rgb[colours x 3].
 * Version 1 files (no shank pixels) are read as before.
 */
import { LANDMARK_COUNT, type ImageLandmark, type LandmarkTrack, type PoseFrame, type Rgb, type ShankPixels, type WorldLandmark } from './track.ts';

const MAGIC = [0x47, 0x4c, 0x54, 0x4b];
export const TRACK_FORMAT_VERSION = 2;
const KIND = { apart: 1, crossing: 2 } as const;
const IMAGE_VALUES = 5;
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
  const size = shanksOffset + 4 + shanks.reduce((sum, e) => sum + 6 + 3 * e.colours.length, 0);

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
  if (version !== 1 && version !== TRACK_FORMAT_VERSION) throw new TrackFormatError(`format version ${version} is not known to this GaitLens`);
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
  const shanks = version === 1 ? new Map<number, ShankPixels>() : readShanks(bytes, view, landmarksEnd, n);
  if (version === 1 && landmarksEnd !== bytes.length) throw new TrackFormatError(`expected ${landmarksEnd} bytes, found ${bytes.length}`);

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
    const shank = shanks.get(k);
    if (shank) frame.shanks = shank;
    frames.push(frame);
  }
  return { video: header.video, model: header.model, frames };
}

/** The shank pixels section (version 2), by track index; it must end the file. */
function readShanks(bytes: Uint8Array, view: DataView, offset: number, frames: number): Map<number, ShankPixels> {
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
  if (at !== bytes.length) throw new TrackFormatError(`expected ${at} bytes, found ${bytes.length}`);
  return out;
}
