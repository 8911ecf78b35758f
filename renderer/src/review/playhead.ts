/**
 * The frame on screen, outside React state: the player writes it once per presented frame and
 * the frame label, chart cursors and timeline subscribe to it, so playback moves those small
 * pieces without re-rendering the screen, the charts or the metrics.
 */

export interface PlayheadState {
  /** Track index of the frame shown. */
  index: number;
  playing: boolean;
}

export interface Playhead {
  get(): PlayheadState;
  set(next: Partial<PlayheadState>): void;
  subscribe(listener: () => void): () => void;
}

export function createPlayhead(initial: PlayheadState = { index: 0, playing: false }): Playhead {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set(next) {
      const merged = { ...state, ...next };
      if (merged.index === state.index && merged.playing === state.playing) return;
      state = merged;
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
