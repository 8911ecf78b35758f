/**
 * The small part of POSIX tar (ustar) that GaitLens backups need: regular files only, names
 * under 100 characters, sizes of 8 GiB and more in the base-256 form GNU tar and bsdtar read.
 * Files are copied through in chunks, so a long video is never held in memory at once; every
 * entry is hashed (SHA-256) on its way in or out.
 */
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';

export const BLOCK = 512;
const CHUNK = 1024 * 1024;
const OCTAL_SIZE_LIMIT = 8 ** 11;

export class TarFormatError extends Error {}

export interface EntryDigest {
  size: number;
  sha256: string;
}

const padding = (size: number) => (BLOCK - (size % BLOCK)) % BLOCK;

export function tarHeader(name: string, size: number, mtimeS: number): Buffer {
  const header = Buffer.alloc(BLOCK);
  if (Buffer.byteLength(name) >= 100) throw new TarFormatError(`Entry name too long: ${name}`);
  header.write(name, 0, 'utf8');
  header.write('0000644\0', 100, 'ascii');
  header.write('0000000\0', 108, 'ascii');
  header.write('0000000\0', 116, 'ascii');
  writeSize(header, size);
  header.write(`${Math.floor(mtimeS).toString(8).padStart(11, '0')}\0`, 136, 'ascii');
  header.write('        ', 148, 'ascii');
  header.write('0', 156, 'ascii');
  header.write('ustar\0', 257, 'ascii');
  header.write('00', 263, 'ascii');
  header.write(`${checksum(header).toString(8).padStart(6, '0')}\0 `, 148, 'ascii');
  return header;
}

function writeSize(header: Buffer, size: number): void {
  if (size < OCTAL_SIZE_LIMIT) {
    header.write(`${size.toString(8).padStart(11, '0')}\0`, 124, 'ascii');
    return;
  }
  let rest = BigInt(size);
  for (let k = 135; k > 124; k--) {
    header[k] = Number(rest & 0xffn);
    rest >>= 8n;
  }
  header[124] = 0x80;
}

function readSize(header: Buffer): number {
  if ((header[124]! & 0x80) !== 0) {
    let size = 0n;
    for (let k = 125; k < 136; k++) size = (size << 8n) | BigInt(header[k]!);
    return Number(size);
  }
  return parseOctal(header, 124, 12);
}

function parseOctal(header: Buffer, start: number, length: number): number {
  const text = header.toString('ascii', start, start + length).replace(/[\0 ]+$/, '').trim();
  if (!/^[0-7]+$/.test(text)) throw new TarFormatError('A header field is not a number.');
  return parseInt(text, 8);
}

function checksum(header: Buffer): number {
  let sum = 0;
  for (let k = 0; k < BLOCK; k++) sum += k >= 148 && k < 156 ? 0x20 : header[k]!;
  return sum;
}

/** Appends entries to an archive file, then two zero blocks on finish(). */
export class TarWriter {
  private readonly out: FileHandle;
  private position = 0;

  constructor(out: FileHandle) {
    this.out = out;
  }

  get bytesWritten(): number {
    return this.position;
  }

  async addBytes(name: string, bytes: Uint8Array, mtimeS: number): Promise<EntryDigest> {
    await this.write(tarHeader(name, bytes.length, mtimeS));
    await this.write(bytes);
    await this.write(Buffer.alloc(padding(bytes.length)));
    return { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  }

  /** Copies a file in chunks; it must keep the size it had when the header was written. */
  async addFile(name: string, path: string): Promise<EntryDigest> {
    const source = await open(path, 'r');
    try {
      const { size, mtimeMs } = await source.stat();
      await this.write(tarHeader(name, size, mtimeMs / 1000));
      const hash = createHash('sha256');
      const buffer = Buffer.allocUnsafe(CHUNK);
      let done = 0;
      while (done < size) {
        const { bytesRead } = await source.read(buffer, 0, Math.min(CHUNK, size - done), done);
        if (bytesRead === 0) throw new TarFormatError(`${name} became shorter while it was being copied.`);
        const chunk = buffer.subarray(0, bytesRead);
        hash.update(chunk);
        await this.write(chunk);
        done += bytesRead;
      }
      await this.write(Buffer.alloc(padding(size)));
      return { size, sha256: hash.digest('hex') };
    } finally {
      await source.close();
    }
  }

  async finish(): Promise<void> {
    await this.write(Buffer.alloc(2 * BLOCK));
  }

  private async write(bytes: Uint8Array): Promise<void> {
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await this.out.write(bytes, done, bytes.length - done, this.position);
      done += bytesWritten;
      this.position += bytesWritten;
    }
  }
}

export interface TarEntry {
  name: string;
  size: number;
  /** Where the entry's data starts in the archive. */
  offset: number;
}

/** The entries of an archive, in order; refuses anything but complete regular-file entries. */
export async function* tarEntries(archive: FileHandle): AsyncGenerator<TarEntry> {
  const { size: archiveSize } = await archive.stat();
  const header = Buffer.alloc(BLOCK);
  let position = 0;
  for (;;) {
    const { bytesRead } = await archive.read(header, 0, BLOCK, position);
    if (bytesRead < BLOCK) throw new TarFormatError('The archive ends in the middle of an entry (it is incomplete).');
    if (header.every((byte) => byte === 0)) return;
    if (checksum(header) !== parseOctal(header, 148, 8)) throw new TarFormatError('An entry header is damaged.');
    if (header.toString('ascii', 257, 262) !== 'ustar') throw new TarFormatError('This is not a ustar archive.');
    const type = header.toString('ascii', 156, 157);
    if (type !== '0' && type !== '\0') throw new TarFormatError('The archive holds something other than plain files.');
    const name = header.toString('utf8', 0, 100).replace(/\0.*$/s, '');
    const size = readSize(header);
    const offset = position + BLOCK;
    if (offset + size > archiveSize) throw new TarFormatError('The archive ends in the middle of an entry (it is incomplete).');
    yield { name, size, offset };
    position = offset + size + padding(size);
  }
}

/** Reads an entry's data in chunks, hashing it, and hands each chunk to sink (in order). */
export async function readEntry(
  archive: FileHandle,
  entry: TarEntry,
  sink?: (chunk: Buffer) => Promise<void>,
): Promise<EntryDigest> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK);
  let done = 0;
  while (done < entry.size) {
    const { bytesRead } = await archive.read(buffer, 0, Math.min(CHUNK, entry.size - done), entry.offset + done);
    if (bytesRead === 0) throw new TarFormatError('The archive ends in the middle of an entry (it is incomplete).');
    const chunk = buffer.subarray(0, bytesRead);
    hash.update(chunk);
    if (sink) await sink(chunk);
    done += bytesRead;
  }
  return { size: entry.size, sha256: hash.digest('hex') };
}
