/**
 * Saving an export: the desktop app asks where in the OS save dialog (which asks before replacing
 * a file); the browser downloads it (a download never replaces a file: the browser renames it).
 */
import type { Host } from '../api/transport.ts';

export type SaveOutcome = { status: 'saved'; where: string } | { status: 'cancelled' } | { status: 'failed'; message: string };

export async function saveFile(host: Host, suggestedName: string, bytes: Uint8Array, mimeType: string): Promise<SaveOutcome> {
  if (host.kind === 'electron') {
    const result = await host.api['files.save']({ suggestedName, bytes });
    if (!result.ok) return { status: 'failed', message: result.error.message };
    return result.value === null ? { status: 'cancelled' } : { status: 'saved', where: result.value };
  }
  const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: mimeType }));
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = suggestedName;
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return { status: 'saved', where: `your Downloads folder as ${suggestedName}` };
}

/** A file name from its parts: letters, digits, spaces, dots and dashes kept, the rest dropped. */
export function fileName(parts: string[], extension: string): string {
  const base = parts
    .map((p) => p.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9 ._-]+/g, '').trim())
    .filter(Boolean)
    .join(' - ');
  return `${base || 'GaitLens'}.${extension}`;
}
