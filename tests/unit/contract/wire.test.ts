import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromBase64, fromWire, toBase64, toWire } from '../../../shared/contract/wire.ts';

test('base64 matches Node for every length and byte value', () => {
  for (const length of [0, 1, 2, 3, 4, 5, 255, 256, 257, 0x3000, 0x3001, 100_000]) {
    const bytes = Uint8Array.from({ length }, (_, k) => (k * 7919 + length) & 255);
    const encoded = toBase64(bytes);
    assert.equal(encoded, Buffer.from(bytes).toString('base64'), `length ${length}`);
    assert.deepEqual(fromBase64(encoded), bytes);
  }
  assert.throws(() => fromBase64('abc'), /Invalid base64/);
});

test('bytes nested in a value travel through JSON and come back as Uint8Array', () => {
  const value = { ok: true, value: { track: Uint8Array.from([0, 1, 2, 250]), name: 'x', $bytes: 'not bytes' } };
  const back = fromWire(toWire(value)) as typeof value;
  assert.ok(back.value.track instanceof Uint8Array);
  assert.deepEqual(back, value);
});
