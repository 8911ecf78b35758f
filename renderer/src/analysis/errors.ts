/**
 * The engine's errors: a code the UI can branch on and a message a clinician can read and act on.
 * Workers send { code, message } across postMessage; the main thread rebuilds an AnalysisError.
 */

export type AnalysisErrorCode =
  | 'not-found'
  | 'empty-file'
  | 'not-a-video'
  | 'truncated'
  | 'no-video-track'
  | 'unsupported-codec'
  | 'model'
  | 'invalid-window'
  | 'cancelled'
  | 'internal';

export class AnalysisError extends Error {
  readonly code: AnalysisErrorCode;
  /** For 'unsupported-codec': the codec's readable name ("HEVC (H.265)"), which the conversion offer names. */
  readonly codec: string | null;

  constructor(code: AnalysisErrorCode, message: string, codec: string | null = null) {
    super(message);
    this.name = 'AnalysisError';
    this.code = code;
    this.codec = codec;
  }
}

export interface SerialisedError {
  code: AnalysisErrorCode;
  message: string;
  codec?: string | null;
}

export const serialiseError = (error: unknown): SerialisedError =>
  error instanceof AnalysisError
    ? { code: error.code, message: error.message, codec: error.codec }
    : { code: 'internal', message: `The analysis failed unexpectedly: ${error instanceof Error ? error.message : String(error)}` };

const CODEC_NAMES: Record<string, string> = {
  avc: 'H.264',
  hevc: 'HEVC (H.265)',
  vp8: 'VP8',
  vp9: 'VP9',
  av1: 'AV1',
  prores: 'Apple ProRes',
};

/** A readable name for a mediabunny codec id ('hevc' -> 'HEVC (H.265)'). */
export const codecName = (codec: string | null): string => (codec === null ? 'an unknown codec' : (CODEC_NAMES[codec] ?? codec));

export function unsupportedCodec(codec: string | null): AnalysisError {
  const name = codecName(codec);
  return new AnalysisError('unsupported-codec', `This video is encoded as ${name}, which this computer cannot decode: it has to be converted to H.264 first.`, name);
}

export const cancelled = () => new AnalysisError('cancelled', 'The analysis was cancelled.');
