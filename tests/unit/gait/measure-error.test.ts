import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseTrack } from '../../../shared/gait/analyse.ts';
import { eventTimingErrorMs, measureError } from '../../../shared/gait/measure-error.ts';
import { MEASURES, SIDE_MEASURES } from '../../../shared/gait/measures.ts';
import { generateTrack, runningSpec } from '../../support/synthetic/generator.ts';

test('event timing error: one frame at 30 fps, 33 ms at higher rates (the validated figures)', () => {
  assert.ok(Math.abs(eventTimingErrorMs(30) - 1000 / 30) < 1e-9);
  assert.ok(Math.abs(eventTimingErrorMs(25) - 1000 / 25) < 1e-9);
  assert.equal(eventTimingErrorMs(60), 33);
  assert.equal(eventTimingErrorMs(120), 33);
  assert.equal(eventTimingErrorMs(240), 33);
});

test('each kind of measure takes its timing part: an interval the event error, duty factor over the stride, cadence over the span, a value at an event from its curve', () => {
  const side = { view: 'sagittal' as const, gait: 'running' as const, sampleRateHz: 60 };
  assert.ok(Math.abs(measureError('contactTimeMs', 'ms', { ...side, value: 250 })!.value - 33) < 0.01);
  assert.ok(Math.abs(measureError('dutyFactorPct', '%', { ...side, value: 35, strideMs: 700 })!.value - (100 * 33) / 700) < 0.01);
  // 2 x 33 ms over 10 s of steps at 170 steps/min: 1.1 steps/min
  assert.ok(Math.abs(measureError('cadenceSpm', 'steps/min', { ...side, value: 170, spanMs: 10000 })!.value - (170 * 2 * 33) / 10000) < 0.01);
  // the foot moves 3 cm per sample at contact: 33 ms at 60 fps is 1.98 samples, 5.94 cm
  const ahead = measureError('footAheadOfHipAtIcCm', 'cm', { ...side, value: 20, perSample: 3 })!;
  assert.ok(Math.abs(ahead.value - 5.94) < 0.01);
  assert.equal(ahead.model, null);
  assert.deepEqual(ahead.sources, ['gaitlensValidation']);
  // at 240 fps the 33 ms floor is 7.92 samples
  assert.ok(Math.abs(measureError('footAheadOfHipAtIcCm', 'cm', { view: 'sagittal', gait: 'running', sampleRateHz: 240, value: 20, perSample: 1 })!.value - 7.92) < 0.01);
});

test('an angle at an event combines its timing part with the pose model error (root of the sum of squares), with both sources named', () => {
  const e = measureError('kneeFlexionAtIcDeg', 'deg', { view: 'sagittal', gait: 'running', sampleRateHz: 30, value: 20, perSample: 4 })!;
  assert.equal(e.timing, 4);
  assert.equal(e.model, 5.6);
  assert.ok(Math.abs(e.value - Math.hypot(4, 5.6)) < 0.01);
  assert.deepEqual(e.sources, ['gaitlensValidation', 'stenum2021']);
  assert.match(e.text, /\+\/- 6\.9 deg/);
  assert.match(e.text, /Stenum 2021/);
});

test('rear-view timing is not validated: no timing part; measures with neither part have no error', () => {
  assert.equal(measureError('contactTimeMs', 'ms', { view: 'frontal', gait: 'running', sampleRateHz: 60, value: 250 }), null);
  assert.equal(measureError('pelvicDropDeg', 'deg', { view: 'frontal', gait: 'running', sampleRateHz: 60, value: 5 }), null);
  assert.equal(measureError('verticalOscillationCm', 'cm', { view: 'sagittal', gait: 'running', sampleRateHz: 60, value: 9 }), null);
});

test("walking's timing is not validated: no timing part, so a timing measure has no error and an angle keeps the pose model's", () => {
  const walking = { view: 'sagittal' as const, gait: 'walking' as const, sampleRateHz: 30 };
  assert.equal(measureError('cadenceSpm', 'steps/min', { ...walking, value: 100, spanMs: 6000 }), null);
  assert.equal(measureError('contactTimeMs', 'ms', { ...walking, value: 650 }), null);
  const knee = measureError('kneeFlexionAtIcDeg', 'deg', { ...walking, value: 5, perSample: 2 })!;
  assert.equal(knee.timing, null);
  assert.equal(knee.value, 5.6);
  assert.deepEqual(knee.sources, ['stenum2021']);
});

test('a walking analysis (synthetic, side view) states no timing error', () => {
  const { track } = generateTrack(runningSpec({ fps: 60, gait: 'walking', cadenceSpm: 110, contactTimeMs: 650 }));
  const a = analyseTrack(track);
  assert.equal(a.gait.kind, 'walking');
  assert.ok(a.metrics.cadenceSpm.mean !== null);
  assert.equal(a.metrics.cadenceSpm.error, null);
  assert.equal(a.metrics.perSide.left.contactTimeMs.error, null);
});

test('a side-view analysis carries an error with every timing, angle and at-contact measure it reports, at its frame rate', () => {
  for (const fps of [30, 60]) {
    const { track } = generateTrack(runningSpec({ fps }));
    const a = analyseTrack(track, { calibration: { kind: 'height', heightCm: 178 } });
    for (const id of ['cadenceSpm', 'stepTimeMs', 'strideTimeMs', 'trunkLeanDeg'] as const) {
      assert.ok(a.metrics[id].error, `${fps} fps ${id}`);
    }
    for (const side of ['left', 'right'] as const) {
      for (const id of SIDE_MEASURES) {
        const s = a.metrics.perSide[side][id];
        // vertical oscillation: neither part is established
        if (s.mean === null || MEASURES[id].view === 'frontal' || id.startsWith('verticalOscillation')) continue;
        assert.ok(s.error && s.error.value > 0, `${fps} fps ${side} ${id}`);
      }
      const contact = a.metrics.perSide[side].contactTimeMs.error!;
      assert.ok(Math.abs(contact.value - eventTimingErrorMs(fps)) < 0.01, `${fps} fps contact error ${contact.value}`);
    }
  }
});
