import assert from 'node:assert/strict';
import { test } from 'node:test';
import { crc32, readZip, writeZip } from '../../../scripts/models/zip.ts';
import { DETECTOR_ENTRY, LANDMARKS_ENTRY } from '../../../scripts/models/build.ts';
import { loadOfficial } from './fixtures.ts';

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

test('crc32 matches the standard check value', () => {
  assert.equal(crc32(bytes('123456789')), 0xcbf43926);
  assert.equal(crc32(new Uint8Array(0)), 0);
});

test('stored entries round-trip, with 16-byte-aligned data', () => {
  const entries = [
    { name: 'a.tflite', data: bytes('first entry') },
    { name: 'longer/name.bin', data: new Uint8Array(1000).map((_, i) => i % 251) },
    { name: 'empty', data: new Uint8Array(0) },
  ];
  const zip = writeZip(entries);
  const read = readZip(zip);
  assert.deepEqual(
    read.map((entry) => [entry.name, [...entry.data]]),
    entries.map((entry) => [entry.name, [...entry.data]]),
  );
  for (const entry of read) assert.equal((entry.data.byteOffset - zip.byteOffset) % 16, 0, entry.name);
});

test('output is deterministic', () => {
  const entries = [{ name: 'x', data: bytes('same input') }];
  assert.deepEqual(writeZip(entries), writeZip(entries));
});

test('a corrupted entry fails its CRC check', () => {
  const zip = writeZip([{ name: 'x', data: bytes('payload') }]);
  const at = readZip(zip)[0]!.data.byteOffset;
  zip[at] = zip[at]! ^ 0xff;
  assert.throws(() => readZip(zip), /x: CRC-32 mismatch/);
});

test('compressed entries are refused', () => {
  const zip = writeZip([{ name: 'x', data: bytes('payload') }]);
  const central = zip.length - 22 - (46 + 'x'.length);
  new DataView(zip.buffer).setUint16(central + 10, 8, true);
  assert.throws(() => readZip(zip), /compression method 8/);
});

test('reads the official bundle and rewrites it entry for entry', () => {
  const official = loadOfficial();
  assert.deepEqual(
    official.entries.map((entry) => entry.name),
    [DETECTOR_ENTRY, LANDMARKS_ENTRY],
  );
  const reread = readZip(writeZip(official.entries));
  official.entries.forEach((entry, i) => assert.equal(Buffer.compare(reread[i]!.data, entry.data), 0, entry.name));
});
