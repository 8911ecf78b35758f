/** React access to the playhead for the few small components that show the current frame. */
import { useSyncExternalStore } from 'react';
import type { Playhead } from './playhead.ts';

export function usePlayheadIndex(playhead: Playhead): number {
  return useSyncExternalStore(playhead.subscribe, () => playhead.get().index);
}

export function usePlaying(playhead: Playhead): boolean {
  return useSyncExternalStore(playhead.subscribe, () => playhead.get().playing);
}
