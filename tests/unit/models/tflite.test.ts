import assert from 'node:assert/strict';
import { test } from 'node:test';
import { METADATA_NAME } from '../../../scripts/models/build.ts';
import { addTfliteMetadata, findMetadata, readTflite, type TfliteModel } from '../../../scripts/models/tflite.ts';
import { loadLegacy, loadOfficial } from './fixtures.ts';

const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.compare(a, b) === 0;

function officialLandmarks(): { bytes: Uint8Array; model: TfliteModel; metadata: Uint8Array } {
  const official = loadOfficial();
  const bytes = official.entries[1]!.data;
  return { bytes, model: readTflite(bytes), metadata: official.landmarksMetadata };
}

test('reads the official landmark model and its TFLITE_METADATA', () => {
  const { model, metadata } = officialLandmarks();
  assert.equal(model.version, 3);
  assert.deepEqual(
    model.metadata.map((entry) => entry.name),
    ['min_runtime_version', 'reduced_precision_support', METADATA_NAME],
  );
  assert.equal(metadata.length, 888);
  assert.equal(new TextDecoder().decode(metadata.subarray(4, 8)), 'M001');
});

test('legacy full + metadata has exactly the official buffers and metadata', () => {
  const official = officialLandmarks();
  const rebuilt = readTflite(addTfliteMetadata(loadLegacy('full'), METADATA_NAME, official.metadata));
  assert.equal(rebuilt.buffers.length, official.model.buffers.length);
  rebuilt.buffers.forEach((buffer, i) => assert.ok(same(buffer.data, official.model.buffers[i]!.data), `buffer ${i}`));
  assert.deepEqual(rebuilt.metadata, official.model.metadata);
  assert.equal(rebuilt.description, official.model.description);
  assert.equal(rebuilt.version, official.model.version);
});

for (const variant of ['lite', 'heavy'] as const) {
  test(`${variant}: metadata added, every original buffer intact and still aligned`, () => {
    const legacyBytes = loadLegacy(variant);
    const legacy = readTflite(legacyBytes);
    assert.equal(findMetadata(legacy, METADATA_NAME), null);
    const { metadata } = officialLandmarks();
    const rewritten = readTflite(addTfliteMetadata(legacyBytes, METADATA_NAME, metadata));
    assert.equal(rewritten.buffers.length, legacy.buffers.length + 1);
    legacy.buffers.forEach((buffer, i) => {
      const after = rewritten.buffers[i]!;
      assert.ok(same(after.data, buffer.data), `buffer ${i}`);
      assert.equal((after.dataOffset ?? 0) % 16, (buffer.dataOffset ?? 0) % 16, `buffer ${i} alignment`);
    });
    assert.deepEqual(rewritten.metadata, [
      ...legacy.metadata,
      { name: METADATA_NAME, buffer: legacy.buffers.length },
    ]);
    const added = rewritten.buffers.at(-1)!;
    assert.ok(same(added.data, metadata));
    assert.equal(added.dataOffset! % 16, 0);
    assert.equal(rewritten.description, legacy.description);
    assert.equal(rewritten.version, legacy.version);
  });
}

test('adding a metadata name twice is refused', () => {
  const { bytes, metadata } = officialLandmarks();
  assert.throws(() => addTfliteMetadata(bytes, METADATA_NAME, metadata), /already has metadata "TFLITE_METADATA"/);
});

test('a file that is not a TFLite flatbuffer is refused', () => {
  assert.throws(() => readTflite(new TextEncoder().encode('\u0008\u0000\u0000\u0000ZIP!....')), /file identifier is "ZIP!"/);
});

test('offsets pointing outside the file are refused', () => {
  const bytes = new Uint8Array(loadLegacy('lite').subarray(0, 4096));
  assert.throws(() => readTflite(bytes), /outside the 4096-byte file/);
});
