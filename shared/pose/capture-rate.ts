/**
 * The rate a camera filmed at, as a video file states it. A slow-motion clip plays at its stored
 * rate (often 30 fps) but was filmed faster; every time GaitLens measures is rescaled by the
 * capture rate (docs/analysis-engine.md, "Time"), so a rate read from the file is proposed to the
 * clinician, who confirms it. docs/video-formats.md lists what each phone writes.
 */

/** Android's camera writes the capture rate as this QuickTime metadata key (float32, or a string when other tools write it). */
export const ANDROID_CAPTURE_FPS_KEY = 'com.android.capture.fps';

/** iPhones mark a slow-motion original (stored at its full capture rate) with this key set to 0. */
export const APPLE_FULL_RATE_PLAYBACK_KEY = 'com.apple.quicktime.full-frame-rate-playback-intent';

/** A stored rate at or above this is a high-speed recording kept frame for frame (120 and 240 fps phone modes). */
export const HIGH_SPEED_STORED_FPS = 100;

/** The capture rates GaitLens accepts (the contract's CaptureFps). */
const MIN_FPS = 1;
const MAX_FPS = 2000;

export interface CaptureRateProposal {
  fps: number;
  /** Where it was read: a capture-rate tag, or the stored rate of a high-speed recording. */
  source: 'android-tag' | 'stored-rate';
  /** Says where the rate comes from, for the clinician (and the headless command's output). */
  description: string;
}

/** A tag's rate: a number, a numeric string, or the 4 bytes of a QuickTime float32 data box (big-endian). */
const rate = (value: unknown): number | null => {
  let n = NaN;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && value.trim() !== '') n = Number(value);
  else if (value instanceof Uint8Array && value.length === 4) n = new DataView(value.buffer, value.byteOffset, 4).getFloat32(0);
  return Number.isFinite(n) && n >= MIN_FPS && n <= MAX_FPS ? n : null;
};

/** A tag's integer: a number, a numeric string, or a QuickTime integer data box's bytes (big-endian). */
const integer = (value: unknown): number | null => {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (value instanceof Uint8Array && value.length >= 1 && value.length <= 4) return value.reduce((n, byte) => n * 256 + byte, 0);
  return null;
};

/** Whole rates print without decimals (240), others with two (29.97). */
const fpsText = (fps: number) => (Math.abs(fps - Math.round(fps)) < 0.005 ? String(Math.round(fps)) : fps.toFixed(2));

/**
 * The capture rate a file states, or null when it states none beyond its stored rate. Android's
 * tag wins when it differs from the stored rate by more than 1% (a slow-motion file); a stored
 * rate of 100 fps or more is itself the capture rate (each frame is one camera frame).
 */
export function proposeCaptureRate(tags: Readonly<Record<string, unknown>>, storedFps: number): CaptureRateProposal | null {
  const android = rate(tags[ANDROID_CAPTURE_FPS_KEY]);
  if (android !== null && Math.abs(android - storedFps) > 0.01 * storedFps) {
    return {
      fps: android,
      source: 'android-tag',
      description: `the file says it was filmed at ${fpsText(android)} fps (Android's capture-rate tag) and plays at ${fpsText(storedFps)} fps`,
    };
  }
  if (storedFps >= HIGH_SPEED_STORED_FPS) {
    const slowMotion = integer(tags[APPLE_FULL_RATE_PLAYBACK_KEY]) === 0;
    return {
      fps: storedFps,
      source: 'stored-rate',
      description: `the file stores every frame at ${fpsText(storedFps)} fps${slowMotion ? ' (an iPhone slow-motion original)' : ' (a high-speed recording)'}`,
    };
  }
  return null;
}
