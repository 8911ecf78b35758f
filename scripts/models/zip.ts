// Minimal zip reader and writer for MediaPipe `.task` bundles: entries are stored (method 0),
// never compressed, so the TFLite models inside can be used in place.

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const LOCAL_HEADER_SIZE = 30;
const CENTRAL_HEADER_SIZE = 46;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const VERSION = 20;
/** Extra-field id used by Android's zipalign for alignment padding. */
const ALIGNMENT_EXTRA_ID = 0xd935;
/** Entry data starts on this boundary, so 16-byte-aligned TFLite buffers stay aligned in memory. */
const DATA_ALIGNMENT = 16;
/** 1980-01-01 00:00:00, the earliest DOS date: fixed so the output is byte-for-byte reproducible. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) {
    crc = (CRC_TABLE[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8)) >>> 0;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function fail(message: string): never {
  throw new Error(`zip: ${message}`);
}

function findEndRecord(bytes: Uint8Array, dv: DataView): number {
  const last = bytes.length - END_RECORD_SIZE;
  for (let pos = last; pos >= 0 && pos >= last - MAX_COMMENT; pos--) {
    if (dv.getUint32(pos, true) === END_OF_CENTRAL_DIRECTORY) return pos;
  }
  return fail('no end-of-central-directory record');
}

/** Reads every entry of a zip whose entries are all stored, checking sizes and CRC-32. */
export function readZip(bytes: Uint8Array): ZipEntry[] {
  const dv = view(bytes);
  const end = findEndRecord(bytes, dv);
  const count = dv.getUint16(end + 10, true);
  let pos = dv.getUint32(end + 16, true);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (pos + CENTRAL_HEADER_SIZE > end || dv.getUint32(pos, true) !== CENTRAL_HEADER) {
      fail(`central directory entry ${i} is damaged`);
    }
    const flags = dv.getUint16(pos + 8, true);
    const method = dv.getUint16(pos + 10, true);
    const crc = dv.getUint32(pos + 16, true);
    const compressedSize = dv.getUint32(pos + 20, true);
    const size = dv.getUint32(pos + 24, true);
    const nameLength = dv.getUint16(pos + 28, true);
    const extraLength = dv.getUint16(pos + 30, true);
    const commentLength = dv.getUint16(pos + 32, true);
    const localOffset = dv.getUint32(pos + 42, true);
    const name = decoder.decode(bytes.subarray(pos + CENTRAL_HEADER_SIZE, pos + CENTRAL_HEADER_SIZE + nameLength));
    if (method !== 0) fail(`${name}: compression method ${method}, only stored entries are supported`);
    if (flags & 1) fail(`${name}: encrypted entries are not supported`);
    if (compressedSize !== size) fail(`${name}: stored entry with differing sizes`);
    if (localOffset + LOCAL_HEADER_SIZE > bytes.length || dv.getUint32(localOffset, true) !== LOCAL_HEADER) {
      fail(`${name}: local header missing`);
    }
    const dataStart =
      localOffset + LOCAL_HEADER_SIZE + dv.getUint16(localOffset + 26, true) + dv.getUint16(localOffset + 28, true);
    if (dataStart + size > bytes.length) fail(`${name}: data runs past the end of the file`);
    const data = bytes.subarray(dataStart, dataStart + size);
    if (crc32(data) !== crc) fail(`${name}: CRC-32 mismatch`);
    entries.push({ name, data });
    pos += CENTRAL_HEADER_SIZE + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Writes stored entries with fixed timestamps and 16-byte-aligned data: same input, same bytes. */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = entries.map((entry) => encoder.encode(entry.name));
  const crcs = entries.map((entry) => crc32(entry.data));
  const localOffsets: number[] = [];
  const extraLengths: number[] = [];
  let size = 0;
  entries.forEach((entry, i) => {
    const headerEnd = size + LOCAL_HEADER_SIZE + names[i]!.length;
    const extra = ((DATA_ALIGNMENT - ((headerEnd + 4) % DATA_ALIGNMENT)) % DATA_ALIGNMENT) + 4;
    localOffsets.push(size);
    extraLengths.push(extra);
    size = headerEnd + extra + entry.data.length;
  });
  const centralStart = size;
  for (const name of names) size += CENTRAL_HEADER_SIZE + name.length;
  const centralSize = size - centralStart;
  size += END_RECORD_SIZE;
  if (size > 0xffffffff || entries.length > 0xffff) fail('zip64 is not supported');

  const out = new Uint8Array(size);
  const dv = view(out);
  const writeCommon = (pos: number, i: number): void => {
    const entry = entries[i]!;
    dv.setUint16(pos, VERSION, true);
    dv.setUint16(pos + 2, 0, true);
    dv.setUint16(pos + 4, 0, true);
    dv.setUint16(pos + 6, DOS_TIME, true);
    dv.setUint16(pos + 8, DOS_DATE, true);
    dv.setUint32(pos + 10, crcs[i]!, true);
    dv.setUint32(pos + 14, entry.data.length, true);
    dv.setUint32(pos + 18, entry.data.length, true);
    dv.setUint16(pos + 22, names[i]!.length, true);
  };
  entries.forEach((entry, i) => {
    const pos = localOffsets[i]!;
    const name = names[i]!;
    dv.setUint32(pos, LOCAL_HEADER, true);
    writeCommon(pos + 4, i);
    dv.setUint16(pos + 28, extraLengths[i]!, true);
    out.set(name, pos + LOCAL_HEADER_SIZE);
    const extraStart = pos + LOCAL_HEADER_SIZE + name.length;
    dv.setUint16(extraStart, ALIGNMENT_EXTRA_ID, true);
    dv.setUint16(extraStart + 2, extraLengths[i]! - 4, true);
    out.set(entry.data, extraStart + extraLengths[i]!);
  });
  let pos = centralStart;
  entries.forEach((_, i) => {
    const name = names[i]!;
    dv.setUint32(pos, CENTRAL_HEADER, true);
    dv.setUint16(pos + 4, VERSION, true);
    writeCommon(pos + 6, i);
    dv.setUint32(pos + 42, localOffsets[i]!, true);
    out.set(name, pos + CENTRAL_HEADER_SIZE);
    pos += CENTRAL_HEADER_SIZE + name.length;
  });
  dv.setUint32(pos, END_OF_CENTRAL_DIRECTORY, true);
  dv.setUint16(pos + 8, entries.length, true);
  dv.setUint16(pos + 10, entries.length, true);
  dv.setUint32(pos + 12, centralSize, true);
  dv.setUint32(pos + 16, centralStart, true);
  return out;
}
