/** Hooks shared by the video stages (review, comparison): the stage's size and the keyboard. */
import { useEffect, useState, type RefObject } from 'react';

/** The stage's size in CSS pixels, with the canvas backing store kept at the screen's pixel density. */
export function useStageSize(stageRef: RefObject<HTMLElement | null>, canvasRef: RefObject<HTMLCanvasElement | null>) {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useEffect(() => {
    const stage = stageRef.current;
    if (!stage) return;
    const observer = new ResizeObserver(() => {
      const width = stage.clientWidth;
      const height = stage.clientHeight;
      const canvas = canvasRef.current;
      if (canvas) {
        const dpr = window.devicePixelRatio || 1;
        canvas.width = Math.round(width * dpr);
        canvas.height = Math.round(height * dpr);
      }
      setSize({ width, height });
    });
    observer.observe(stage);
    return () => observer.disconnect();
  }, [stageRef, canvasRef]);
  return size;
}

/**
 * Window-wide key handling for a player screen, except while the clinician types in a field. A
 * focused button would also "click" on the space bar's release, so that release is swallowed:
 * space always means play/pause.
 */
export function usePlayerKeys(onKey: (e: KeyboardEvent) => void): void {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && (target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName))) return;
      onKey(e);
    };
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key === ' ' && (e.target as HTMLElement | null)?.tagName === 'BUTTON') e.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    window.addEventListener('keyup', onKeyUp);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
    };
  }, [onKey]);
}
