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

  constructor(code: AnalysisErrorCode, message: string) {
    super(message);
    this.name = 'AnalysisError';
    this.code = code;
  }
}

export interface SerialisedError {
  code: AnalysisErrorCode;
  message: string;
}

export const serialiseError = (error: unknown): SerialisedError =>
  error instanceof AnalysisError
    ? { code: error.code, message: error.message }
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
  const advice =
    codec === 'hevc'
      ? 'iPhones record HEVC by default. Export the clip as H.264 from the phone (or set Settings > Camera > Formats to "Most Compatible" before filming), or convert it to H.264 MP4 with a video converter such as HandBrake, then attach the converted file.'
      : 'Convert it to H.264 MP4 with a video converter such as HandBrake, then attach the converted file.';
  return new AnalysisError('unsupported-codec', `This video is encoded as ${name}, which GaitLens cannot decode on this computer. ${advice}`);
}

export const cancelled = () => new AnalysisError('cancelled', 'The analysis was cancelled.');
