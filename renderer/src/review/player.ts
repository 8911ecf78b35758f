/**
 * The review player: a video element driven frame by frame inside the analysed window.
 * requestVideoFrameCallback reports every presented frame with its media time, which is the
 * truth about what is on screen: it alone moves the playhead (and so the overlay, frame number
 * and chart cursors). Seeks go to the middle of the wanted frame. Steps count from the frame
 * last asked for, so quick key presses add up even before the decoder has caught up.
 */
import { clampIndex, frameCount, indexAtMediaTime, seekTimeOf, windowEndS, type FrameClock } from './frame-time.ts';
import type { Playhead } from './playhead.ts';

export const SPEEDS = [0.1, 0.25, 0.5, 1, 2] as const;

export interface Player {
  attach(video: HTMLVideoElement | null): void;
  seek(index: number): void;
  step(frames: number): void;
  play(): void;
  pause(): void;
  toggle(): void;
  setSpeed(speed: number): void;
  speed(): number;
  /** The video element, for capturing the frame on screen. */
  video(): HTMLVideoElement | null;
}

export function createPlayer(clock: FrameClock, playhead: Playhead): Player {
  let video: HTMLVideoElement | null = null;
  let callback = 0;
  let target = playhead.get().index;
  let speed = 1;

  const onFrame = (_now: number, metadata: VideoFrameCallbackMetadata) => {
    if (!video) return;
    const index = indexAtMediaTime(clock, metadata.mediaTime);
    if (!video.paused && metadata.mediaTime >= windowEndS(clock) - clock.intervalS / 2) {
      video.pause();
      seekTo(frameCount(clock) - 1);
    } else if (!video.paused) {
      target = index;
    }
    playhead.set({ index });
    callback = video.requestVideoFrameCallback(onFrame);
  };
  const onPlayState = () => video && playhead.set({ playing: !video.paused });

  function seekTo(index: number) {
    if (!video) return;
    target = clampIndex(clock, index);
    video.currentTime = seekTimeOf(clock, target);
  }

  const play = () => {
    if (!video) return;
    // from the window's last frame, play starts again at its first
    if (target >= frameCount(clock) - 1) seekTo(0);
    video.play().catch((e: unknown) => {
      // a pause right after play interrupts it: that is the clinician's choice, not a failure
      if (!(e instanceof DOMException && e.name === 'AbortError')) throw e;
    });
  };
  const pause = () => {
    if (!video || video.paused) return;
    video.pause();
    seekTo(playhead.get().index);
  };

  return {
    attach(element) {
      if (video) {
        video.cancelVideoFrameCallback(callback);
        video.removeEventListener('play', onPlayState);
        video.removeEventListener('pause', onPlayState);
      }
      video = element;
      if (!video) return;
      video.playbackRate = speed;
      video.addEventListener('play', onPlayState);
      video.addEventListener('pause', onPlayState);
      callback = video.requestVideoFrameCallback(onFrame);
      seekTo(target);
    },
    seek(index) {
      video?.pause();
      seekTo(index);
    },
    step(frames) {
      if (!video) return;
      if (!video.paused) {
        video.pause();
        target = playhead.get().index;
      }
      seekTo(target + frames);
    },
    play,
    pause,
    toggle: () => (video?.paused ? play() : pause()),
    setSpeed(next) {
      speed = next;
      if (video) video.playbackRate = next;
    },
    speed: () => speed,
    video: () => video,
  };
}
