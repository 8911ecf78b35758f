/** Validates an argument against the contract, runs the handler, and turns every outcome into a Result. */
import { contract, isChannel, type ApiHandlers, type Channel } from './api.ts';
import { fail, ok, type ErrorCode, type Result } from './result.ts';

/** An error whose message is written for the clinician. Services throw it; the dispatcher returns it. */
export class ServiceError extends Error {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, message: string) {
    super(message);
    this.code = code;
    this.name = 'ServiceError';
  }
}

export type Dispatch = (channel: string, arg: unknown) => Promise<Result<unknown>>;

export interface DispatchOptions {
  /** Where unexpected errors are reported (the clinician sees a short message). */
  onUnexpectedError?: (channel: Channel, error: unknown) => void;
}

export function createDispatch(handlers: ApiHandlers, options: DispatchOptions = {}): Dispatch {
  return async (channel, arg) => {
    if (!isChannel(channel)) return fail('invalid-argument', `Unknown request "${channel}".`);
    const parsed = contract[channel].input.safeParse(arg ?? {});
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      const where = first && first.path.length > 0 ? ` (${first.path.join('.')})` : '';
      return fail('invalid-argument', `${first?.message ?? 'Invalid request.'}${where}`);
    }
    try {
      const handler = handlers[channel] as (a: unknown) => Promise<unknown>;
      return ok(await handler(parsed.data));
    } catch (error) {
      if (error instanceof ServiceError) return fail(error.code, error.message);
      options.onUnexpectedError?.(channel, error);
      const detail = error instanceof Error ? error.message : String(error);
      return fail('internal', `Something unexpected went wrong: ${detail}`);
    }
  };
}
