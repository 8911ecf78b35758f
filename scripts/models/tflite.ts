// Reads the top-level Model table of a TFLite flatbuffer and adds a named metadata buffer to it.
//
// Schema (tensorflow/lite/schema/schema.fbs), table Model, field ids:
//   0 version: uint, 1 operator_codes, 2 subgraphs, 3 description: string, 4 buffers: [Buffer],
//   5 metadata_buffer: [int], 6 metadata: [Metadata], 7 signature_defs
// table Buffer   { data: [ubyte] (force_align: 16); offset: ulong; size: ulong; }
// table Metadata { name: string; buffer: uint; }

const IDENTIFIER = 'TFL3';
const MODEL_FIELD_COUNT = 8;
const FIELD_VERSION = 0;
const FIELD_DESCRIPTION = 3;
const FIELD_BUFFERS = 4;
const FIELD_METADATA = 6;
const BUFFER_FIELD_DATA = 0;
const BUFFER_FIELD_OFFSET = 1;
const METADATA_FIELD_NAME = 0;
const METADATA_FIELD_BUFFER = 1;
/** The shift applied to the original content: keeps every alignment up to Buffer.data's 16. */
const SHIFT_ALIGNMENT = 16;

export interface TfliteBuffer {
  /** The buffer's bytes, a view into the model. */
  data: Uint8Array;
  /** Absolute position of `data` in the model file; null for a buffer without data. */
  dataOffset: number | null;
}

export interface TfliteMetadata {
  name: string;
  buffer: number;
}

export interface TfliteModel {
  version: number;
  description: string | null;
  buffers: TfliteBuffer[];
  metadata: TfliteMetadata[];
}

function fail(message: string): never {
  throw new Error(`tflite: ${message}`);
}

/** Bounds-checked reads of flatbuffer tables, vectors and strings. */
class FlatReader {
  readonly bytes: Uint8Array;
  readonly #dv: DataView;

  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.#dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  #check(pos: number, size: number): void {
    if (!Number.isInteger(pos) || pos < 0 || pos + size > this.bytes.length) {
      fail(`read of ${size} bytes at ${pos} is outside the ${this.bytes.length}-byte file`);
    }
  }

  u16(pos: number): number {
    this.#check(pos, 2);
    return this.#dv.getUint16(pos, true);
  }

  u32(pos: number): number {
    this.#check(pos, 4);
    return this.#dv.getUint32(pos, true);
  }

  u64(pos: number): bigint {
    this.#check(pos, 8);
    return this.#dv.getBigUint64(pos, true);
  }

  /** Follows the uoffset stored at `pos`. */
  deref(pos: number): number {
    return pos + this.u32(pos);
  }

  /** Position of the field's inline value in the table at `table`, or null when absent. */
  field(table: number, id: number): number | null {
    this.#check(table, 4);
    const vtable = table - this.#dv.getInt32(table, true);
    const vtableSize = this.u16(vtable);
    const slot = 4 + 2 * id;
    if (slot + 2 > vtableSize) return null;
    const offset = this.u16(vtable + slot);
    return offset === 0 ? null : table + offset;
  }

  /** Ids of the fields present in the table at `table`. */
  presentFields(table: number): number[] {
    this.#check(table, 4);
    const vtable = table - this.#dv.getInt32(table, true);
    const count = (this.u16(vtable) - 4) / 2;
    const ids: number[] = [];
    for (let id = 0; id < count; id++) if (this.u16(vtable + 4 + 2 * id) !== 0) ids.push(id);
    return ids;
  }

  /** Positions of the elements of the vector the uoffset at `pos` points to. */
  offsetVector(pos: number): number[] {
    const start = this.deref(pos);
    const length = this.u32(start);
    this.#check(start + 4, length * 4);
    return Array.from({ length }, (_, i) => this.deref(start + 4 + 4 * i));
  }

  /** The [ubyte] vector the uoffset at `pos` points to, and where its bytes start. */
  byteVector(pos: number): { data: Uint8Array; start: number } {
    const start = this.deref(pos);
    const length = this.u32(start);
    this.#check(start + 4, length);
    return { data: this.bytes.subarray(start + 4, start + 4 + length), start: start + 4 };
  }

  string(pos: number): string {
    const { data } = this.byteVector(pos);
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  }
}

function rootTable(reader: FlatReader): number {
  const identifier = new TextDecoder().decode(reader.bytes.subarray(4, 8));
  if (identifier !== IDENTIFIER) fail(`file identifier is "${identifier}", expected "${IDENTIFIER}"`);
  return reader.deref(0);
}

/** Parses the Model table: version, description, every buffer and every metadata entry. */
export function readTflite(bytes: Uint8Array): TfliteModel {
  const reader = new FlatReader(bytes);
  const root = rootTable(reader);
  const versionPos = reader.field(root, FIELD_VERSION);
  const descriptionPos = reader.field(root, FIELD_DESCRIPTION);
  const buffersPos = reader.field(root, FIELD_BUFFERS);
  const metadataPos = reader.field(root, FIELD_METADATA);
  const buffers = (buffersPos === null ? [] : reader.offsetVector(buffersPos)).map((table, index) => {
    const offsetPos = reader.field(table, BUFFER_FIELD_OFFSET);
    if (offsetPos !== null && reader.u64(offsetPos) > 1n) {
      fail(`buffer ${index} is stored outside the flatbuffer (Buffer.offset), which is not supported`);
    }
    const dataPos = reader.field(table, BUFFER_FIELD_DATA);
    if (dataPos === null) return { data: new Uint8Array(0), dataOffset: null };
    const { data, start } = reader.byteVector(dataPos);
    return { data, dataOffset: start };
  });
  const metadata = (metadataPos === null ? [] : reader.offsetVector(metadataPos)).map((table) => {
    const namePos = reader.field(table, METADATA_FIELD_NAME);
    const bufferPos = reader.field(table, METADATA_FIELD_BUFFER);
    const entry = { name: namePos === null ? '' : reader.string(namePos), buffer: bufferPos === null ? 0 : reader.u32(bufferPos) };
    if (entry.buffer >= buffers.length) fail(`metadata "${entry.name}" points to missing buffer ${entry.buffer}`);
    return entry;
  });
  return {
    version: versionPos === null ? 0 : reader.u32(versionPos),
    description: descriptionPos === null ? null : reader.string(descriptionPos),
    buffers,
    metadata,
  };
}

/** The bytes of the metadata buffer called `name`, or null when the model has none. */
export function findMetadata(model: TfliteModel, name: string): Uint8Array | null {
  const entry = model.metadata.find((candidate) => candidate.name === name);
  return entry === undefined ? null : model.buffers[entry.buffer]!.data;
}

const align = (pos: number, to: number): number => Math.ceil(pos / to) * to;

/**
 * Returns a copy of the model with one more buffer holding `data` and a metadata entry
 * {name, buffer: that buffer's index}.
 *
 * Flatbuffer uoffsets only point forward, so the new Model table, its new `buffers` and
 * `metadata` vectors and the new Buffer and Metadata tables are written right after the root
 * offset and file identifier, and the original content follows, shifted by a multiple of 16
 * bytes: its relative offsets and alignment stay valid, and the new tables point into it
 * (forward) for the unchanged fields and the original buffers and metadata entries. The old
 * Model table is left in place, unreferenced.
 */
export function addTfliteMetadata(bytes: Uint8Array, name: string, data: Uint8Array): Uint8Array {
  const reader = new FlatReader(bytes);
  const oldRoot = rootTable(reader);
  const fields = reader.presentFields(oldRoot);
  const unknown = fields.filter((id) => id >= MODEL_FIELD_COUNT);
  if (unknown.length > 0) fail(`Model table has fields ${unknown.join(', ')} that this tool does not know`);
  const oldBuffersPos = reader.field(oldRoot, FIELD_BUFFERS);
  if (oldBuffersPos === null) fail('Model table has no buffers');
  const model = readTflite(bytes);
  if (model.metadata.some((entry) => entry.name === name)) fail(`model already has metadata "${name}"`);
  const oldBufferTables = reader.offsetVector(oldBuffersPos);
  const oldMetadataPos = reader.field(oldRoot, FIELD_METADATA);
  const oldMetadataTables = oldMetadataPos === null ? [] : reader.offsetVector(oldMetadataPos);
  const newFields = [...new Set([...fields, FIELD_METADATA])].sort((a, b) => a - b);
  const nameBytes = new TextEncoder().encode(name);

  // Layout of the new region, in file order (every uoffset in it points forward).
  const rootVtable = 8;
  const rootVtableSize = 4 + 2 * MODEL_FIELD_COUNT;
  const root = align(rootVtable + rootVtableSize, 4);
  const buffersVector = root + 4 + 4 * newFields.length;
  const metadataVector = buffersVector + 4 + 4 * (oldBufferTables.length + 1);
  const metadataVtable = metadataVector + 4 + 4 * (oldMetadataTables.length + 1);
  const metadataTable = metadataVtable + 8;
  const nameString = metadataTable + 12;
  const bufferVtable = align(nameString + 4 + nameBytes.length + 1, 4);
  const bufferTable = align(bufferVtable + 6, 4);
  const dataVector = align(bufferTable + 8 + 4, SHIFT_ALIGNMENT) - 4;
  const shift = align(dataVector + 4 + data.length - 8, SHIFT_ALIGNMENT);

  const out = new Uint8Array(8 + shift + bytes.length - 8);
  const dv = new DataView(out.buffer);
  const setOffset = (at: number, target: number): void => dv.setUint32(at, target - at, true);
  const moved = (oldPos: number): number => oldPos + shift;
  out.set(bytes.subarray(8), 8 + shift);
  setOffset(0, root);
  out.set(bytes.subarray(4, 8), 4);

  dv.setUint16(rootVtable, rootVtableSize, true);
  dv.setUint16(rootVtable + 2, 4 + 4 * newFields.length, true);
  dv.setInt32(root, root - rootVtable, true);
  newFields.forEach((id, slot) => {
    const at = root + 4 + 4 * slot;
    dv.setUint16(rootVtable + 4 + 2 * id, at - root, true);
    const oldPos = reader.field(oldRoot, id);
    if (id === FIELD_BUFFERS) setOffset(at, buffersVector);
    else if (id === FIELD_METADATA) setOffset(at, metadataVector);
    else if (oldPos === null) fail(`Model field ${id} is missing`);
    else if (id === FIELD_VERSION) dv.setUint32(at, reader.u32(oldPos), true);
    else setOffset(at, moved(reader.deref(oldPos)));
  });

  dv.setUint32(buffersVector, oldBufferTables.length + 1, true);
  oldBufferTables.forEach((table, i) => setOffset(buffersVector + 4 + 4 * i, moved(table)));
  setOffset(buffersVector + 4 + 4 * oldBufferTables.length, bufferTable);

  dv.setUint32(metadataVector, oldMetadataTables.length + 1, true);
  oldMetadataTables.forEach((table, i) => setOffset(metadataVector + 4 + 4 * i, moved(table)));
  setOffset(metadataVector + 4 + 4 * oldMetadataTables.length, metadataTable);

  dv.setUint16(metadataVtable, 8, true);
  dv.setUint16(metadataVtable + 2, 12, true);
  dv.setUint16(metadataVtable + 4 + 2 * METADATA_FIELD_NAME, 4, true);
  dv.setUint16(metadataVtable + 4 + 2 * METADATA_FIELD_BUFFER, 8, true);
  dv.setInt32(metadataTable, metadataTable - metadataVtable, true);
  setOffset(metadataTable + 4, nameString);
  dv.setUint32(metadataTable + 8, oldBufferTables.length, true);
  dv.setUint32(nameString, nameBytes.length, true);
  out.set(nameBytes, nameString + 4);

  dv.setUint16(bufferVtable, 6, true);
  dv.setUint16(bufferVtable + 2, 8, true);
  dv.setUint16(bufferVtable + 4 + 2 * BUFFER_FIELD_DATA, 4, true);
  dv.setInt32(bufferTable, bufferTable - bufferVtable, true);
  setOffset(bufferTable + 4, dataVector);
  dv.setUint32(dataVector, data.length, true);
  out.set(data, dataVector + 4);
  return out;
}
