/** Recognises a video container from its first bytes, so a wrong file is refused before it is stored. */

import type { VideoContainer } from '../../../shared/contract/entities.ts';

export type Container = VideoContainer;

export const containerMimeType: Record<Container, string> = {
  mp4: 'video/mp4',
  // Chromium plays QuickTime files with H.264 through its MP4 demuxer only when labelled MP4.
  mov: 'video/mp4',
  webm: 'video/webm',
  mkv: 'video/x-matroska',
  // no browser plays AVI or MPEG-TS: they are converted before review (ffmpeg.ts)
  avi: 'video/x-msvideo',
  ts: 'video/mp2t',
};

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

/** The first HEADER_BYTES of a file are enough to recognise every container here (three MPEG-TS packets). */
export const HEADER_BYTES = 600;

/** MPEG-TS: a sync byte (0x47) every 188 bytes, or every 192 in AVCHD's M2TS (a 4-byte time code before each packet). */
function transportStream(header: Uint8Array): boolean {
  return [0, 4].some((offset) => [0, 1, 2].every((k) => header[offset + k * (offset === 0 ? 188 : 192)] === 0x47));
}

/** The container of a file from its header, or null when it is not a video GaitLens can read. */
export function sniffContainer(header: Uint8Array): Container | null {
  if (header.length >= 4 && header[0] === 0x1a && header[1] === 0x45 && header[2] === 0xdf && header[3] === 0xa3) {
    // an EBML file: the DocType element in its header says WebM or Matroska
    return ascii(header, 0, header.length).includes('matroska') ? 'mkv' : 'webm';
  }
  if (header.length < 12) return null;
  if (ascii(header, 0, 4) === 'RIFF' && ascii(header, 8, 12) === 'AVI ') return 'avi';
  if (transportStream(header)) return 'ts';
  const box = ascii(header, 4, 8);
  if (box === 'ftyp') return ascii(header, 8, 12) === 'qt  ' ? 'mov' : 'mp4';
  if (box === 'moov' || box === 'mdat' || box === 'wide' || box === 'free' || box === 'skip') return 'mov';
  return null;
}
