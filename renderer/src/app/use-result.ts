import { useCallback, useEffect, useState } from 'react';
import type { ApiError, Result } from '../../../shared/contract/result.ts';

export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'error'; error: ApiError }
  | { status: 'ready'; value: T };

/** Loads a Result when its key changes; reload() fetches again. */
export function useResult<T>(load: () => Promise<Result<T>>, key: string): Loaded<T> & { reload: () => void } {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  useEffect(() => {
    let current = true;
    load().then((result) => {
      if (!current) return;
      setState(result.ok ? { status: 'ready', value: result.value } : { status: 'error', error: result.error });
    });
    return () => {
      current = false;
    };
    // load is recreated each render; key and generation say when to fetch again.
  }, [key, generation]);
  return { ...state, reload };
}
