/** What the conversion and long-clip benchmarks start from: the bundled ffmpeg and a shared clip. */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { findFfmpeg } from '../../electron/services/media/ffmpeg.ts';

/** The bundled ffmpeg and the path of a shared clip (../shared/data/videos or GAITLENS_TEST_VIDEOS); throws saying what is missing. */
export function ffmpegAndClip(root: string, file: string): { ffmpeg: string; clip: string } {
  const ffmpeg = findFfmpeg([root]);
  if (ffmpeg === null) throw new Error('The bundled ffmpeg is not installed for this platform: run npm ci.');
  const clip = join(process.env.GAITLENS_TEST_VIDEOS ?? join(root, '..', 'shared', 'data', 'videos'), file);
  if (!existsSync(clip)) throw new Error(`${clip} not found: set GAITLENS_TEST_VIDEOS to the folder of the shared test videos.`);
  return { ffmpeg, clip };
}
