/** Real analyses of synthetic runners, for the export tests. */
import { analyseTrack } from '../../../shared/gait/analyse.ts';
import type { GaitAnalysis } from '../../../shared/gait/types.ts';
import type { LandmarkTrack } from '../../../shared/pose/track.ts';
import { generateTrack, runningSpec } from '../../support/synthetic/generator.ts';

/** Frames without any pose in the side-view track: longer than the gap limit, so angles there are unknown. */
export const NO_POSE_FRAMES = { from: 100, to: 119 } as const;

export interface Analysed {
  track: LandmarkTrack;
  analysis: GaitAnalysis;
}

/** Side view, 60 fps, 4 s, light jitter, a 20-frame stretch without pose, calibrated from height, first right stride excluded. */
export function sideView(calibrated = true): Analysed {
  const gen = generateTrack(runningSpec({ fps: 60, durationS: 4, noise: { seed: 3, jitterPx: 1.5 } }));
  const track: LandmarkTrack = {
    ...gen.track,
    frames: gen.track.frames.map((f) => (f.i >= NO_POSE_FRAMES.from && f.i <= NO_POSE_FRAMES.to ? { ...f, landmarks: null, world: null } : f)),
  };
  const first = analyseTrack(track);
  const firstRight = first.strides.find((s) => s.side === 'right');
  if (!firstRight) throw new Error('the synthetic side view has no right stride');
  const analysis = analyseTrack(track, {
    ...(calibrated ? { calibration: { kind: 'height' as const, heightCm: 178 } } : {}),
    excludedStrides: [{ side: 'right', icFrame: firstRight.icFrame }],
  });
  return { track, analysis };
}

/** Rear view, 60 fps, 4 s, noise-free, calibrated from height. */
export function rearView(): Analysed {
  const { track } = generateTrack(runningSpec({ fps: 60, durationS: 4, view: 'rear', pelvicDropDeg: { left: 6, right: 4 } }));
  return { track, analysis: analyseTrack(track, { calibration: { kind: 'height', heightCm: 178 } }) };
}
