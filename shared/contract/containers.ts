/** Video containers as GaitLens recognises them (electron/services/media/container.ts), and which no browser plays. */
import type { VideoContainer } from './entities.ts';

/**
 * Containers no browser plays, whatever their codec, with the words the app uses for them: such
 * a video is always converted to H.264 in MP4 (docs/video-formats.md).
 */
const NEVER_PLAYED: Partial<Record<VideoContainer, string>> = {
  avi: 'videos in AVI files',
  ts: 'videos in MPEG-TS files (AVCHD camcorders)',
};

/** What to call a video that must be converted for its container alone, or null when the platform may play it. */
export const containerNeedsConversion = (container: VideoContainer): string | null => NEVER_PLAYED[container] ?? null;
