import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ANDROID_CAPTURE_FPS_KEY, APPLE_FULL_RATE_PLAYBACK_KEY, proposeCaptureRate } from '../../../shared/pose/capture-rate.ts';

/** The 4 bytes of a QuickTime float32 data box, as Android writes its capture rate. */
const float32 = (x: number) => {
  const bytes = new Uint8Array(4);
  new DataView(bytes.buffer).setFloat32(0, x);
  return bytes;
};

test("Android's capture-rate tag is proposed when the file plays slower than it was filmed", () => {
  for (const value of [240, '240.000000', float32(240)]) {
    const proposal = proposeCaptureRate({ [ANDROID_CAPTURE_FPS_KEY]: value }, 30);
    assert.equal(proposal?.fps, 240, `from ${String(value)}`);
    assert.equal(proposal?.source, 'android-tag');
    assert.match(proposal!.description, /filmed at 240 fps \(Android's capture-rate tag\) and plays at 30 fps/);
  }
  assert.equal(proposeCaptureRate({ [ANDROID_CAPTURE_FPS_KEY]: float32(119.88) }, 29.97)?.description.includes('119.88 fps'), true);
});

test('a capture-rate tag equal to the stored rate (a normal recording) proposes nothing', () => {
  assert.equal(proposeCaptureRate({ [ANDROID_CAPTURE_FPS_KEY]: 30 }, 30), null);
  assert.equal(proposeCaptureRate({ [ANDROID_CAPTURE_FPS_KEY]: '29.97' }, 30), null);
  assert.equal(proposeCaptureRate({}, 59.94), null);
});

test('a tag that is not a rate is ignored', () => {
  for (const value of ['', 'fast', 0, -240, 5000, new Uint8Array([1, 2]), null]) {
    assert.equal(proposeCaptureRate({ [ANDROID_CAPTURE_FPS_KEY]: value }, 30), null, `from ${String(value)}`);
  }
});

test('a file stored at a high rate is its own capture rate; an iPhone slow-motion original says so', () => {
  const plain = proposeCaptureRate({}, 240);
  assert.deepEqual([plain?.fps, plain?.source], [240, 'stored-rate']);
  assert.match(plain!.description, /every frame at 240 fps \(a high-speed recording\)/);
  for (const intent of [0, '0', new Uint8Array([0])]) {
    assert.match(proposeCaptureRate({ [APPLE_FULL_RATE_PLAYBACK_KEY]: intent }, 240)!.description, /iPhone slow-motion original/);
  }
  assert.match(proposeCaptureRate({ [APPLE_FULL_RATE_PLAYBACK_KEY]: new Uint8Array([1]) }, 120)!.description, /high-speed recording/);
  assert.equal(proposeCaptureRate({}, 99), null);
});
