import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseDelegate, compareLandmarks, DELEGATE_TOLERANCE, delegatesAgree, gpuFailed, isSoftwareRenderer } from '../../../renderer/src/analysis/delegate.ts';
import type { ImageLandmark } from '../../../shared/pose/track.ts';

test('software rendering is told apart from graphics processors by the WebGL renderer name', () => {
  for (const software of [
    'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
    'llvmpipe (LLVM 15.0.6, 256 bits)',
    'ANGLE (Microsoft, Microsoft Basic Render Driver Direct3D11 vs_5_0 ps_5_0, D3D11)',
    'Google SwiftShader',
  ]) {
    assert.equal(isSoftwareRenderer(software), true, software);
  }
  for (const gpu of [
    'ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)',
    'ANGLE (Apple, ANGLE Metal Renderer: Apple M2, Unspecified Version)',
    'Mesa Intel(R) Xe Graphics (TGL GT2)',
    'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)',
  ]) {
    assert.equal(isSoftwareRenderer(gpu), false, gpu);
  }
});

const pose = (shift: number): ImageLandmark[] => Array.from({ length: 33 }, (_, k) => ({ x: 0.3 + k * 0.01 + shift, y: 0.2 + k * 0.02, z: 0, visibility: 0.9, presence: 0.9 }));

test('landmarks compared over the frames where both found a pose; a pose found by one only is counted', () => {
  const same = compareLandmarks([
    [pose(0), pose(0)],
    [pose(0), pose(0.004)],
  ]);
  assert.equal(same.frames, 2);
  assert.equal(same.poseMismatches, 0);
  assert.ok(Math.abs(same.meanShare - 0.002) < 1e-9, `${same.meanShare}`);
  assert.ok(Math.abs(same.p95Share - 0.004) < 1e-9);
  assert.equal(delegatesAgree(same), true);

  const missing = compareLandmarks([
    [pose(0), null],
    [null, null],
    [pose(0), pose(0)],
  ]);
  assert.equal(missing.poseMismatches, 1);
  assert.equal(delegatesAgree(missing), false);
});

test('the GPU is used only within the tolerance, and every choice says why', () => {
  const renderer = 'ANGLE (Intel, Intel(R) UHD Graphics 620 Direct3D11 vs_5_0 ps_5_0, D3D11)';
  const near = compareLandmarks([[pose(0), pose(DELEGATE_TOLERANCE.medianShare * 0.9)]]);
  const far = compareLandmarks([[pose(0), pose(DELEGATE_TOLERANCE.medianShare * 1.1)]]);
  const used = chooseDelegate(renderer, near);
  assert.equal(used.delegate, 'GPU');
  assert.match(used.reason, /graphics processor \(ANGLE \(Intel.*0\.90% of the frame apart \(median\)/);
  const refused = chooseDelegate(renderer, far);
  assert.equal(refused.delegate, 'CPU');
  assert.match(refused.reason, /did not give the same landmarks .*1\.10% .*allowed 1\.00% and 2\.00%/);

  assert.match(chooseDelegate('Google SwiftShader', null).reason, /no graphics processor was found \(graphics drawn in software: Google SwiftShader\)/);
  assert.match(chooseDelegate(null, null).reason, /no graphics \(WebGL\)/);
  assert.match(chooseDelegate(renderer, null).reason, /asked to run on the processor/);
  const failed = gpuFailed(renderer, 'The pose model could not be loaded (WebGL context lost)');
  assert.match(failed.reason, /graphics processor \(ANGLE \(Intel.*could not run it \(The pose model could not be loaded/);
  for (const choice of [chooseDelegate('Google SwiftShader', null), chooseDelegate(null, null), chooseDelegate(renderer, null), failed]) assert.equal(choice.delegate, 'CPU');
  assert.equal(chooseDelegate('Google SwiftShader', null, 'GPU').delegate, 'GPU');
});
