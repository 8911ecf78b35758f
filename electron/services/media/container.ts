/** Recognises a video container from its first bytes, so a wrong file is refused before it is stored. */

import type { VideoContainer } from '../../../shared/contract/entities.ts';

export type Container = VideoContainer;

export const containerMimeType: Record<Container, string> = {
  mp4: 'video/mp4',
  // Chromium plays QuickTime files with H.264 through its MP4 demuxer only when labelled MP4.
  mov: 'video/mp4',
  webm: 'video/webm',
  mkv: 'video/x-matroska',
  // no browser plays AVI: it is converted before review (ffmpeg.ts)
  avi: 'video/x-msvideo',
};

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

/** The container of a file from its header, or null when it is not a video GaitLens can read. */
export function sniffContainer(header: Uint8Array): Container | null {
  if (header.length >= 4 && header[0] === 0x1a && header[1] === 0x45 && header[2] === 0xdf && header[3] === 0xa3) {
    // an EBML file: the DocType element in its header says WebM or Matroska
    return ascii(header, 0, header.length).includes('matroska') ? 'mkv' : 'webm';
  }
  if (header.length < 12) return null;
  if (ascii(header, 0, 4) === 'RIFF' && ascii(header, 8, 12) === 'AVI ') return 'avi';
  const box = ascii(header, 4, 8);
  if (box === 'ftyp') return ascii(header, 8, 12) === 'qt  ' ? 'mov' : 'mp4';
  if (box === 'moov' || box === 'mdat' || box === 'wide' || box === 'free' || box === 'skip') return 'mov';
  return null;
}
