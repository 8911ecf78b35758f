/**
 * JSON for the HTTP transport that also carries bytes (landmark tracks): a Uint8Array travels as
 * {"$bytes": base64}. Electron IPC needs none of this: it clones typed arrays as they are.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Uint8Array(128);
for (let k = 0; k < ALPHABET.length; k++) LOOKUP[ALPHABET.charCodeAt(k)] = k;

export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk = 0x3000;
  for (let start = 0; start < bytes.length; start += chunk) {
    let out = '';
    const end = Math.min(start + chunk, bytes.length);
    for (let k = start; k < end; k += 3) {
      const a = bytes[k]!;
      const b = k + 1 < end ? bytes[k + 1]! : 0;
      const c = k + 2 < end ? bytes[k + 2]! : 0;
      out += ALPHABET[a >> 2]! + ALPHABET[((a & 3) << 4) | (b >> 4)]!;
      out += k + 1 < end ? ALPHABET[((b & 15) << 2) | (c >> 6)]! : '=';
      out += k + 2 < end ? ALPHABET[c & 63]! : '=';
    }
    parts.push(out);
  }
  return parts.join('');
}

export function fromBase64(text: string): Uint8Array {
  if (text.length % 4 !== 0 || /[^A-Za-z0-9+/=]/.test(text)) throw new Error('Invalid base64 data.');
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const bytes = new Uint8Array((text.length / 4) * 3 - padding);
  let o = 0;
  for (let k = 0; k < text.length; k += 4) {
    const n =
      (LOOKUP[text.charCodeAt(k)]! << 18) |
      (LOOKUP[text.charCodeAt(k + 1)]! << 12) |
      (LOOKUP[text.charCodeAt(k + 2)]! << 6) |
      LOOKUP[text.charCodeAt(k + 3)]!;
    if (o < bytes.length) bytes[o++] = n >> 16;
    if (o < bytes.length) bytes[o++] = (n >> 8) & 255;
    if (o < bytes.length) bytes[o++] = n & 255;
  }
  return bytes;
}

export const toWire = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) => (v instanceof Uint8Array ? { $bytes: toBase64(v) } : v));

export const fromWire = (text: string): unknown =>
  JSON.parse(text, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && typeof (v as { $bytes?: unknown }).$bytes === 'string' && Object.keys(v).length === 1
      ? fromBase64((v as { $bytes: string }).$bytes)
      : v,
  );
