/** What every API call returns: never a thrown error across the process boundary. */

export type ErrorCode =
  | 'invalid-argument'
  | 'not-found'
  | 'conflict'
  | 'storage'
  | 'media'
  | 'unavailable'
  | 'cancelled'
  | 'internal';

export interface ApiError {
  code: ErrorCode;
  /** A sentence a clinician can read and act on. */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});
