/** HTTP Range requests over a stored file (video players seek by asking for byte ranges). */

export type ByteRange = { start: number; end: number };

/**
 * The byte range a Range header asks for within a file of `size` bytes: null for the whole file
 * (no header, or a form we do not serve such as multiple ranges), 'unsatisfiable' when it lies
 * outside the file.
 */
export function parseRange(header: string | null | undefined, size: number): ByteRange | null | 'unsatisfiable' {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, from, to] = match;
  if (from === '' && to === '') return null;
  if (from === '') {
    const suffix = Number(to);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}
