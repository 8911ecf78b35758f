import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseTrack } from '../../../shared/gait/analyse.ts';
import { WINTER_FRACTIONS, bodyHeightPx, calibrate, describeCalibration } from '../../../shared/gait/calibration.ts';
import { generateTrack, runningSpec } from '../../support/synthetic/generator.ts';

test('calibration from client height within 2% (side views, treadmill and overground, noise)', () => {
  const specs = [
    runningSpec({ fps: 60, heightCm: 178 }),
    runningSpec({ fps: 120, heightCm: 160, cameraDistanceM: 4, view: 'sagittal-left' }),
    runningSpec({ fps: 60, heightCm: 190, noise: { seed: 5, jitterPx: 2, outlierRate: 0.005, dropoutRate: 0.01 } }),
    runningSpec({ fps: 60, heightCm: 170, surface: 'overground', durationS: 2.5, cameraDistanceM: 8 }),
  ];
  for (const spec of specs) {
    const { track, truth } = generateTrack(spec);
    const a = analyseTrack(track, { calibration: { kind: 'height', heightCm: spec.heightCm } });
    assert.equal(a.calibration.method, 'height');
    const err = Math.abs(a.calibration.pxPerCm! - truth.pxPerCm) / truth.pxPerCm;
    assert.ok(err < 0.02, `${spec.view} ${spec.surface} ${spec.heightCm} cm: ${(err * 100).toFixed(2)}%`);
    assert.ok(Math.abs(a.calibration.legLengthCm! - truth.legLengthCm) / truth.legLengthCm < 0.02);
  }
});

test('calibration from a drawn known length is exact, and no calibration gives no centimetres', () => {
  const seg = { thigh: 100, shank: 100, trunk: 120, legLength: 200 };
  const c = calibrate(seg, { kind: 'knownLength', lengthCm: 50, a: { x: 0.1, y: 0.5 }, b: { x: 0.4, y: 0.5 } }, { width: 1000, height: 800 }, 'sagittal');
  assert.equal(c.method, 'knownLength');
  assert.ok(Math.abs(c.pxPerCm! - 6) < 1e-9);
  assert.ok(Math.abs(c.legLengthCm! - 200 / 6) < 1e-9);
  const none = calibrate(seg, undefined, { width: 1000, height: 800 }, 'sagittal');
  assert.equal(none.pxPerCm, null);
  assert.equal(none.legLengthPx, 200);
  assert.ok(Math.abs(bodyHeightPx(seg) - 320 / (WINTER_FRACTIONS.thigh + WINTER_FRACTIONS.shank + WINTER_FRACTIONS.trunk)) < 1e-9);
});

test('distances in cm only with calibration; % leg length always', () => {
  const { track, truth } = generateTrack(runningSpec({ fps: 60 }));
  const none = analyseTrack(track);
  assert.equal(none.metrics.perSide.right.footAheadOfHipAtIcCm.mean, null);
  assert.match(none.metrics.perSide.right.footAheadOfHipAtIcCm.reasonIfAbsent!, /calibration/);
  assert.ok(none.metrics.perSide.right.footAheadOfHipAtIcPctLeg.mean! > 0);
  const cal = analyseTrack(track, { calibration: { kind: 'height', heightCm: 178 } });
  const cm = cal.metrics.perSide.right.footAheadOfHipAtIcCm.mean!;
  const pct = cal.metrics.perSide.right.footAheadOfHipAtIcPctLeg.mean!;
  assert.ok(Math.abs(cm - (pct / 100) * truth.legLengthCm) < 0.05 * cm);
});

test('the client record calibrates a video the clinician has not calibrated: height first, else leg length; the clinician\'s setting wins', () => {
  const spec = runningSpec({ fps: 60, heightCm: 172 });
  const { track, truth } = generateTrack(spec);
  const entered = analyseTrack(track, { calibration: { kind: 'height', heightCm: 172 } });
  const onFile = analyseTrack(track, {}, { heightCm: 172, legLengthCm: 90 });
  assert.deepEqual([onFile.calibration.method, onFile.calibration.origin, onFile.calibration.referenceCm], ['height', 'clientRecord', 172]);
  assert.equal(onFile.calibration.pxPerCm, entered.calibration.pxPerCm, 'the same height gives the same scale');
  assert.equal(onFile.metrics.perSide.right.verticalOscillationCm.mean, entered.metrics.perSide.right.verticalOscillationCm.mean);
  assert.equal(describeCalibration(onFile.calibration), "the client's height on file (172 cm)");
  assert.equal(describeCalibration(entered.calibration), 'a height entered in the review (172 cm)');
  assert.ok(!onFile.findingsNotEvaluated.some((n) => /calibration/i.test(n.reason)), 'nothing waits for calibration');

  // leg length taken as greater trochanter to floor: 0.53 of height (Winter 2009)
  const legOnly = analyseTrack(track, {}, { heightCm: null, legLengthCm: 0.53 * 172 });
  assert.deepEqual([legOnly.calibration.method, legOnly.calibration.origin], ['legLength', 'clientRecord']);
  assert.ok(Math.abs(legOnly.calibration.pxPerCm! - truth.pxPerCm) / truth.pxPerCm < 0.03, `leg length: ${legOnly.calibration.pxPerCm} vs ${truth.pxPerCm}`);
  assert.match(describeCalibration(legOnly.calibration), /leg length on file/);

  const drawn = analyseTrack(track, { calibration: { kind: 'knownLength', lengthCm: 50, a: { x: 0.1, y: 0.5 }, b: { x: 0.4, y: 0.5 } } }, { heightCm: 172, legLengthCm: null });
  assert.deepEqual([drawn.calibration.method, drawn.calibration.origin], ['knownLength', 'clinician']);

  const none = analyseTrack(track, {}, { heightCm: null, legLengthCm: null });
  assert.deepEqual([none.calibration.method, none.calibration.origin, none.calibration.pxPerCm], ['none', null, null]);
  assert.match(none.metrics.perSide.right.footAheadOfHipAtIcCm.reasonIfAbsent!, /client's height to the client record/);
});
