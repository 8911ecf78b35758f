/**
 * The clinician's corrections of one video, kept by the host as numbered revisions (undo and
 * redo move between them). A change shows at once (the analysis is recomputed from the new
 * options while the host saves them); requests go one after another, and a failed save puts
 * back what the host holds and says why.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CorrectionsState } from '../../../shared/contract/entities.ts';
import type { Result } from '../../../shared/contract/result.ts';
import type { AnalysisOptions } from '../../../shared/gait/types.ts';
import { useHost } from '../app/host-context.tsx';

export interface Corrections {
  state: CorrectionsState | null;
  error: string | null;
  apply(options: AnalysisOptions): void;
  undo(): void;
  redo(): void;
}

export function useCorrections(visitVideoId: string): Corrections {
  const { api } = useHost();
  const [state, setState] = useState<CorrectionsState | null>(null);
  const [error, setError] = useState<string | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const confirmed = useRef<CorrectionsState | null>(null);
  const pending = useRef(0);

  useEffect(() => {
    let current = true;
    void api['videos.corrections']({ visitVideoId }).then((r) => {
      if (!current) return;
      if (r.ok) {
        confirmed.current = r.value;
        setState(r.value);
      } else setError(r.error.message);
    });
    return () => {
      current = false;
    };
  }, [api, visitVideoId]);

  const run = useCallback((request: () => Promise<Result<CorrectionsState>>) => {
    pending.current++;
    queue.current = queue.current.then(async () => {
      const r = await request();
      pending.current--;
      if (r.ok) {
        confirmed.current = r.value;
        setError(null);
        // with more changes queued, the screen already shows the newest one
        if (pending.current === 0) setState(r.value);
      } else {
        setError(r.error.message);
        setState(confirmed.current);
      }
    });
  }, []);

  const apply = useCallback(
    (options: AnalysisOptions) => {
      setState((s) => (s ? { ...s, options, canUndo: true, canRedo: false } : s));
      run(() => api['videos.setCorrections']({ visitVideoId, options }));
    },
    [api, run, visitVideoId],
  );
  const undo = useCallback(() => run(() => api['videos.undoCorrections']({ visitVideoId })), [api, run, visitVideoId]);
  const redo = useCallback(() => run(() => api['videos.redoCorrections']({ visitVideoId })), [api, run, visitVideoId]);

  return { state, error, apply, undo, redo };
}
