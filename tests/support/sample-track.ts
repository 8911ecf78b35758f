/** A small landmark track with float32 values, as the pose model produces them. */
import { LANDMARK_COUNT, type LandmarkTrack } from '../../shared/pose/track.ts';

export function sampleTrack(frames = 12, noPoseEvery = 5): LandmarkTrack {
  const f = Math.fround;
  return {
    model: 'full',
    video: { width: 720, height: 1280, rotation: 0, frames: 360, fileFps: 30, captureFps: 120, durationS: 12 },
    frames: Array.from({ length: frames }, (_, i) => {
      const tMs = (i * 1000) / 120;
      if (i % noPoseEvery === 3) return { i, tMs, landmarks: null, world: null };
      return {
        i,
        tMs,
        landmarks: Array.from({ length: LANDMARK_COUNT }, (_, l) => ({
          x: f(0.3 + l * 0.01 + i * 0.001),
          y: f(0.1 + l * 0.02),
          z: f(-0.2 + l * 0.003),
          visibility: f(0.5 + (l % 5) * 0.1),
          presence: f(0.99),
        })),
        world: Array.from({ length: LANDMARK_COUNT }, (_, l) => ({ x: f(l * 0.01 - 0.1), y: f(-0.5 + l * 0.03), z: f(0.05 * i) })),
      };
    }),
  };
}
