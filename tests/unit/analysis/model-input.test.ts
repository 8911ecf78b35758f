/** The pose model's input scaled from the decoder's planes (renderer/src/analysis/model-input.ts). */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { modelInputFactor, scaledRgba, type YuvPlanes } from '../../../renderer/src/analysis/model-input.ts';

/** A 4:2:0 frame from per-pixel luma and per-chroma-sample (u, v), laid out as VideoFrame.copyTo does (strides padded). */
function frame(format: 'I420' | 'NV12', width: number, height: number, luma: (x: number, y: number) => number, chroma: (cx: number, cy: number) => [number, number], matrix: YuvPlanes['matrix'] = 'bt709', fullRange = false): YuvPlanes {
  const yStride = width + 8;
  const cw = width / 2;
  const ch = height / 2;
  const cStride = format === 'NV12' ? width + 4 : cw + 4;
  const ySize = yStride * height;
  const cSize = cStride * ch;
  const data = new Uint8Array(ySize + (format === 'NV12' ? cSize : 2 * cSize));
  for (let y = 0; y < height; y++) for (let x = 0; x < width; x++) data[y * yStride + x] = luma(x, y);
  for (let cy = 0; cy < ch; cy++) {
    for (let cx = 0; cx < cw; cx++) {
      const [u, v] = chroma(cx, cy);
      if (format === 'NV12') {
        data[ySize + cy * cStride + 2 * cx] = u;
        data[ySize + cy * cStride + 2 * cx + 1] = v;
      } else {
        data[ySize + cy * cStride + cx] = u;
        data[ySize + cSize + cy * cStride + cx] = v;
      }
    }
  }
  const layout = format === 'NV12'
    ? [{ offset: 0, stride: yStride }, { offset: ySize, stride: cStride }]
    : [{ offset: 0, stride: yStride }, { offset: ySize, stride: cStride }, { offset: ySize + cSize, stride: cStride }];
  return { format, width, height, data, layout, matrix, fullRange };
}

const pixel = (out: { width: number; rgba: Uint8ClampedArray }, x: number, y: number) => [...out.rgba.subarray((y * out.width + x) * 4, (y * out.width + x) * 4 + 4)];

test('frames up to 1280 px are left as they are; larger ones scaled by the whole factor that brings them there', () => {
  assert.equal(modelInputFactor(720, 1280), 1);
  assert.equal(modelInputFactor(640, 480), 1);
  assert.equal(modelInputFactor(1080, 1920), 2);
  assert.equal(modelInputFactor(1768, 994), 2);
  assert.equal(modelInputFactor(2160, 3840), 3);
});

test('limited-range BT.709 black, white and red come out as sRGB black, white and red', () => {
  const black = scaledRgba(frame('I420', 8, 4, () => 16, () => [128, 128]), 2);
  assert.deepEqual(pixel(black, 0, 0), [0, 0, 0, 255]);
  const white = scaledRgba(frame('I420', 8, 4, () => 235, () => [128, 128]), 2);
  assert.deepEqual(pixel(white, 3, 1), [255, 255, 255, 255]);
  // BT.709 limited range red (255, 0, 0): Y 63, Cb 102, Cr 240
  const red = scaledRgba(frame('I420', 8, 4, () => 63, () => [102, 240]), 2);
  const [r, g, b] = pixel(red, 1, 1);
  assert.ok(r! >= 253 && g! <= 2 && b! <= 2, `${r} ${g} ${b}`);
});

test('BT.601 and full range use their own coefficients', () => {
  // BT.601 limited red: Y 81, Cb 90, Cr 240
  const [r, g, b] = pixel(scaledRgba(frame('I420', 4, 4, () => 81, () => [90, 240], 'bt601'), 2), 0, 0);
  assert.ok(r! >= 253 && g! <= 2 && b! <= 3, `${r} ${g} ${b}`);
  const grey = scaledRgba(frame('I420', 4, 4, () => 100, () => [128, 128], 'bt709', true), 2);
  assert.deepEqual(pixel(grey, 1, 1), [100, 100, 100, 255]);
});

test('each output pixel is the mean of its box of luma, with the chroma of the box', () => {
  // luma steps every pixel; chroma differs per chroma sample
  const planes = frame('I420', 12, 8, (x, y) => 16 + 10 * x + y, (cx) => [128, 128 + 4 * cx]);
  const out = scaledRgba(planes, 2);
  assert.equal(out.width, 6);
  assert.equal(out.height, 4);
  const mean = 16 + 10 * (2 * 4 + 0.5) + (2 * 1 + 0.5);
  const luma = ((mean - 16) * 255) / 219;
  const v = ((4 * 4) * 255) / 224;
  const [r, g, b] = pixel(out, 4, 1);
  assert.ok(Math.abs(r! - (luma + 1.5748 * v)) <= 1, `r ${r}`);
  assert.ok(Math.abs(g! - (luma - 0.4681 * v)) <= 1, `g ${g}`);
  assert.ok(Math.abs(b! - luma) <= 1, `b ${b}`);
  const three = scaledRgba(planes, 3);
  assert.equal(three.width, 4);
  assert.equal(three.height, 2);
  const mean3 = 16 + 10 * (3 + 1) + (3 + 1);
  assert.ok(Math.abs(pixel(three, 1, 1)[2]! - ((mean3 - 16) * 255) / 219) <= 1);
});

test('NV12 gives the same picture as I420', () => {
  const luma = (x: number, y: number) => (x * 37 + y * 91) % 220 + 16;
  const chroma = (cx: number, cy: number): [number, number] => [(cx * 13 + cy * 7) % 200 + 28, (cx * 5 + cy * 29) % 200 + 28];
  const a = scaledRgba(frame('I420', 16, 12, luma, chroma), 2);
  const b = scaledRgba(frame('NV12', 16, 12, luma, chroma), 2);
  assert.deepEqual([...a.rgba], [...b.rgba]);
});
