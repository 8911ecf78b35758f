/**
 * The frame timeline of a video: every frame's presentation timestamp, from demuxing the packets
 * once (no decoding). Pure functions, shared by the main thread and the workers.
 */
import { AnalysisError } from './errors.ts';

export interface PacketTiming {
  /** Presentation timestamp in seconds. */
  timestamp: number;
  /** Duration in seconds (0 when the container does not say). */
  duration: number;
}

export interface FrameTimeline {
  /** Presentation timestamps in seconds, strictly rising; index = frame index in the file. */
  timestamps: Float64Array;
  durationS: number;
  /** Frames per second of file time: frames / duration. */
  fileFps: number;
  /** True when the frame intervals differ by more than 10% from their median. */
  variableFrameRate: boolean;
}

/** Frames whose timestamps lie this close together are the same frame (decoders round to microseconds). */
export const SAME_FRAME_S = 1e-4;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export function buildTimeline(packets: readonly PacketTiming[]): FrameTimeline {
  // A packet that ends before time 0 is cut by the container's edit list and never shown.
  const shown = packets.filter((packet) => packet.timestamp >= 0 || packet.timestamp + packet.duration > 0);
  const sorted = shown.map((packet) => packet.timestamp).sort((a, b) => a - b);
  const timestamps: number[] = [];
  for (const t of sorted) if (timestamps.length === 0 || t - timestamps[timestamps.length - 1]! > SAME_FRAME_S) timestamps.push(t);
  if (timestamps.length === 0) throw new AnalysisError('no-video-track', 'This video has no frames.');

  const intervals = timestamps.slice(1).map((t, k) => t - timestamps[k]!);
  const typical = median(intervals);
  const last = shown.reduce((a, b) => (b.timestamp > a.timestamp ? b : a));
  const lastDuration = last.duration > 0 ? last.duration : typical;
  const durationS = timestamps[timestamps.length - 1]! + lastDuration - timestamps[0]!;
  return {
    timestamps: Float64Array.from(timestamps),
    durationS,
    fileFps: durationS > 0 ? timestamps.length / durationS : 0,
    variableFrameRate: intervals.some((dt) => Math.abs(dt - typical) > 0.1 * typical),
  };
}

/** The index of the frame shown at exactly `timestampS`, or -1 when no frame has that timestamp. */
export function frameIndexAt(timestamps: Float64Array, timestampS: number): number {
  let low = 0;
  let high = timestamps.length - 1;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (timestamps[mid]! < timestampS - SAME_FRAME_S) low = mid + 1;
    else high = mid;
  }
  return Math.abs(timestamps[low]! - timestampS) <= SAME_FRAME_S ? low : -1;
}

export interface FrameRange {
  /** First frame index (inclusive). */
  start: number;
  /** Last frame index + 1 (exclusive). */
  end: number;
}

/**
 * The frames whose file time (seconds from the first frame) lies in [startS, endS).
 * Throws 'invalid-window' when the window holds no frame.
 */
export function framesInWindow(timestamps: Float64Array, startS = 0, endS = Infinity): FrameRange {
  const first = timestamps[0]!;
  let start = 0;
  while (start < timestamps.length && timestamps[start]! - first < startS - SAME_FRAME_S) start++;
  let end = start;
  while (end < timestamps.length && timestamps[end]! - first < endS - SAME_FRAME_S) end++;
  if (!(startS >= 0) || !(endS > startS) || end === start) {
    const lengthS = timestamps[timestamps.length - 1]! - first;
    throw new AnalysisError(
      'invalid-window',
      `The chosen time window (${startS} s to ${endS} s) holds no frame of this video: its frames start between 0 and ${lengthS.toFixed(2)} s.`,
    );
  }
  return { start, end };
}

/** Splits a range into `parts` consecutive ranges of (nearly) equal frame counts; empty ones are left out. */
export function splitRange(range: FrameRange, parts: number): FrameRange[] {
  const count = range.end - range.start;
  const ranges: FrameRange[] = [];
  for (let k = 0; k < parts; k++) {
    const start = range.start + Math.round((count * k) / parts);
    const end = range.start + Math.round((count * (k + 1)) / parts);
    if (end > start) ranges.push({ start, end });
  }
  return ranges;
}

/** Capture time in ms: file time from the first frame, scaled by fileFps / captureFps (slow motion). */
export const captureTimeMs = (timestampS: number, firstS: number, fileFps: number, captureFps: number): number =>
  ((timestampS - firstS) * fileFps * 1000) / captureFps;
