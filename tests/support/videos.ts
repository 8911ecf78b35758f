/**
 * The real test videos live outside the repository (they may not be redistributed):
 * ../shared/data/videos beside the checkout, or the folder named by GAITLENS_TEST_VIDEOS.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const VIDEOS_DIR = process.env.GAITLENS_TEST_VIDEOS ?? join(REPO_ROOT, '..', 'shared', 'data', 'videos');

export const VIDEOS = {
  treadmillLeft30: 'treadmill-sagittal-left-30fps-zzzhushi-male_side.mp4',
  treadmillRight60: 'treadmill-sagittal-right-60fps-mhuang24-IMG_5396.mp4',
  treadmillSlowmo: 'treadmill-sagittal-right-slowmo-nominal30fps-mhuang24-lab.mp4',
  overgroundRun: 'overground-run-sagittal-right-30fps-sports2d-demo3.mp4',
  walkingBothWays: 'walking-overground-sagittal-left-then-right-30fps-sports2d-demo4.mp4',
  walkingMultiVp9: 'walking-overground-sagittal-multiperson-30fps-vp9-sports2d-demo.mp4',
  walkingVfr: 'walking-overground-sagittal-right-30fps-watcharapol28-normal01.mp4',
  walkingLimp: 'walking-limp-overground-sagittal-left-24fps-watcharapol28-limping05.mp4',
} as const;

/** The path of a test video, or a reason to skip (printed) when the folder is absent. */
export function testVideo(name: string): { path: string } | { skip: string } {
  const path = join(VIDEOS_DIR, name);
  if (existsSync(path)) return { path };
  const reason = `test video ${name} not found in ${VIDEOS_DIR} (set GAITLENS_TEST_VIDEOS to the folder holding the shared test videos)`;
  console.log(`SKIP: ${reason}`);
  return { skip: reason };
}
