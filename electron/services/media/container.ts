/** Recognises a video container from its first bytes, so a wrong file is refused before it is stored. */

export type Container = 'mp4' | 'mov' | 'webm';

export const containerMimeType: Record<Container, string> = {
  mp4: 'video/mp4',
  // Chromium plays QuickTime files with H.264 through its MP4 demuxer only when labelled MP4.
  mov: 'video/mp4',
  webm: 'video/webm',
};

const ascii = (bytes: Uint8Array, start: number, end: number) => String.fromCharCode(...bytes.subarray(start, end));

/** The container of a file from its header, or null when it is not a video GaitLens can read. */
export function sniffContainer(header: Uint8Array): Container | null {
  if (header.length >= 4 && header[0] === 0x1a && header[1] === 0x45 && header[2] === 0xdf && header[3] === 0xa3) {
    return 'webm';
  }
  if (header.length < 12) return null;
  const box = ascii(header, 4, 8);
  if (box === 'ftyp') return ascii(header, 8, 12) === 'qt  ' ? 'mov' : 'mp4';
  if (box === 'moov' || box === 'mdat' || box === 'wide' || box === 'free' || box === 'skip') return 'mov';
  return null;
}
