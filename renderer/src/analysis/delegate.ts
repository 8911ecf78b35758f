/**
 * Where the pose model runs (issue 26): on a graphics processor (MediaPipe's GPU delegate) where
 * the computer has a real one and it gives the CPU's landmarks, otherwise on the processor (the
 * CPU delegate, XNNPACK). A browser without a graphics processor renders WebGL in software
 * (SwiftShader, llvmpipe); the GPU delegate then runs about 13 times slower than the CPU
 * (docs/speed.md), so it is not even checked. With a real one, the first frames of the clip are
 * given to both delegates before the analysis and the GPU is used only if its landmarks agree
 * with the CPU's within DELEGATE_TOLERANCE.
 */
import type { PoseFrame } from '../../../shared/pose/track.ts';

export type PoseDelegate = 'CPU' | 'GPU';

/** WebGL renderer names of software rendering: no graphics processor behind them. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

export function isSoftwareRenderer(renderer: string): boolean {
  return SOFTWARE_RENDERER.test(renderer);
}

/** Frames of the clip given to both delegates before the analysis. */
export const DELEGATE_CHECK_FRAMES = 24;

/**
 * How close the GPU's landmarks must be to the CPU's over the check's frames, as shares of the
 * frame (x of its width, y of its height), and the GPU must find a pose in the same frames.
 * MediaPipe's GPU delegate on software WebGL (the only one here) gave 0.52% (median) and 0.84%
 * (mean) on the 30 fps treadmill clip's first 24 frames; over the whole clip it differs from the
 * CPU as much as an x264 re-encode of the clip does (0.32% and 0.60%; crf 18 and 28: 0.25-0.29%
 * and 0.53-0.60%), and its gait events match the CPU's (docs/speed.md). The tolerance is about
 * twice that, for other graphics processors' rounding; a GPU path that computes wrongly moves the
 * landmarks by far more, or loses the pose.
 */
export const DELEGATE_TOLERANCE = { medianShare: 0.01, meanShare: 0.02 } as const;

export interface DelegateComparison {
  /** Frames given to both. */
  frames: number;
  /** Frames in which one delegate found a pose and the other did not. */
  poseMismatches: number;
  /** Distance between the two delegates' landmarks over the frames where both found a pose: shares of the frame. */
  meanShare: number;
  medianShare: number;
  p95Share: number;
}

type Landmarks = PoseFrame['landmarks'];

/** The two delegates' landmarks on the same frames, compared landmark by landmark. */
export function compareLandmarks(pairs: readonly (readonly [Landmarks, Landmarks])[]): DelegateComparison {
  const distances: number[] = [];
  let poseMismatches = 0;
  for (const [cpu, gpu] of pairs) {
    if (!cpu || !gpu) {
      if (cpu !== gpu) poseMismatches++;
      continue;
    }
    for (let k = 0; k < Math.min(cpu.length, gpu.length); k++) distances.push(Math.hypot(cpu[k]!.x - gpu[k]!.x, cpu[k]!.y - gpu[k]!.y));
  }
  distances.sort((a, b) => a - b);
  const at = (q: number) => (distances.length > 0 ? distances[Math.min(distances.length - 1, Math.floor(q * distances.length))]! : Number.NaN);
  return {
    frames: pairs.length,
    poseMismatches,
    meanShare: distances.length > 0 ? distances.reduce((s, d) => s + d, 0) / distances.length : Number.NaN,
    medianShare: at(0.5),
    p95Share: at(0.95),
  };
}

export function delegatesAgree(c: DelegateComparison): boolean {
  return c.frames > 0 && c.poseMismatches === 0 && c.medianShare <= DELEGATE_TOLERANCE.medianShare && c.meanShare <= DELEGATE_TOLERANCE.meanShare;
}

export interface DelegateChoice {
  delegate: PoseDelegate;
  /** The WebGL renderer the browser reports; null when it has no WebGL. */
  renderer: string | null;
  /** The check against the CPU, where one was made. */
  comparison: DelegateComparison | null;
  /** Why, in a sentence for the clinician. */
  reason: string;
}

const pct = (share: number) => `${(100 * share).toFixed(2)}%`;

/** The choice from the renderer and, where the GPU was checked, the comparison; `asked` where the caller chose unchecked. */
export function chooseDelegate(renderer: string | null, comparison: DelegateComparison | null, asked: PoseDelegate | null = null): DelegateChoice {
  if (asked === 'GPU') return { delegate: 'GPU', renderer, comparison: null, reason: `The pose model runs on the graphics processor (${renderer ?? 'WebGL'}), as asked, unchecked.` };
  if (comparison === null) {
    const why =
      renderer === null
        ? 'this computer offers no graphics (WebGL)'
        : isSoftwareRenderer(renderer)
          ? `no graphics processor was found (graphics drawn in software: ${renderer})`
          : 'the pose model was asked to run on the processor';
    return { delegate: 'CPU', renderer, comparison, reason: `The pose model runs on the processor: ${why}.` };
  }
  const numbers = `${comparison.frames} frames, landmarks ${pct(comparison.medianShare)} of the frame apart (median), ${pct(comparison.meanShare)} (mean)${comparison.poseMismatches > 0 ? `, a pose found by one and not the other in ${comparison.poseMismatches}` : ''}`;
  return delegatesAgree(comparison)
    ? { delegate: 'GPU', renderer, comparison, reason: `The pose model runs on the graphics processor (${renderer ?? 'WebGL'}): it gave the processor's landmarks (${numbers}).` }
    : {
        delegate: 'CPU',
        renderer,
        comparison,
        reason: `The pose model runs on the processor: the graphics processor (${renderer ?? 'WebGL'}) did not give the same landmarks (${numbers}; allowed ${pct(DELEGATE_TOLERANCE.medianShare)} and ${pct(DELEGATE_TOLERANCE.meanShare)}).`,
      };
}

/** The choice when the graphics processor could not run the pose model in the check. */
export function gpuFailed(renderer: string | null, message: string): DelegateChoice {
  return { delegate: 'CPU', renderer, comparison: null, reason: `The pose model runs on the processor: the graphics processor (${renderer ?? 'WebGL'}) could not run it (${message}).` };
}
