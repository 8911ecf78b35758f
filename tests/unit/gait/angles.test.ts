import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseTrack } from '../../../shared/gait/analyse.ts';
import { computeAngles } from '../../../shared/gait/angles.ts';
import type { BodySeries, Limb, PointSeries } from '../../../shared/gait/body.ts';
import { generateTrack, runningSpec } from '../../support/synthetic/generator.ts';
import { rmse } from '../../support/synthetic/compare.ts';

for (const fps of [60, 120]) {
  test(`knee flexion RMSE under 1 deg noise-free (raw and filtered, both legs), ${fps} fps`, () => {
    const { track, truth } = generateTrack(runningSpec({ fps }));
    const a = analyseTrack(track);
    for (const side of ['left', 'right'] as const) {
      for (const series of [a.anglesRaw, a.angles]) {
        const r = rmse(series.kneeFlexionDeg[side], truth.kneeFlexionDeg[side]);
        assert.ok(r.n > 0.95 * track.frames.length);
        assert.ok(r.rmse < 1, `${side} knee RMSE ${r.rmse.toFixed(2)}`);
      }
      assert.ok(rmse(a.angles.hipFlexionDeg[side], truth.hipFlexionDeg[side]).rmse < 1);
      assert.ok(rmse(a.angles.shankAngleDeg[side], truth.shankAngleDeg[side]).rmse < 1);
    }
    assert.ok(rmse(a.angles.trunkLeanDeg, truth.trunkLeanDeg).rmse < 0.5);
  });
}

test('knee flexion with realistic noise (2-3 px jitter, outliers, dropouts): filtered RMSE under 2 deg near leg, 3 deg far leg', () => {
  for (const [fps, seed, jitterPx] of [[60, 1, 2], [60, 2, 3], [120, 1, 2], [120, 2, 3]] as const) {
    const { track, truth } = generateTrack(runningSpec({ fps, noise: { seed, jitterPx, outlierRate: 0.01, dropoutRate: 0.02 } }));
    const a = analyseTrack(track);
    const near = rmse(a.angles.kneeFlexionDeg.right, truth.kneeFlexionDeg.right).rmse;
    const far = rmse(a.angles.kneeFlexionDeg.left, truth.kneeFlexionDeg.left).rmse;
    const rawNear = rmse(a.anglesRaw.kneeFlexionDeg.right, truth.kneeFlexionDeg.right).rmse;
    assert.ok(near < 2, `${fps} fps jitter ${jitterPx}: near ${near.toFixed(2)}`);
    assert.ok(far < 3, `${fps} fps jitter ${jitterPx}: far ${far.toFixed(2)}`);
    assert.ok(near < rawNear, 'filtering reduces the error');
  }
});

test('side-view signs do not depend on the running direction', () => {
  const right = analyseTrack(generateTrack(runningSpec({ fps: 60, view: 'sagittal-right' })).track);
  const left = analyseTrack(generateTrack(runningSpec({ fps: 60, view: 'sagittal-left' })).track);
  for (const id of ['kneeFlexionAtIcDeg', 'shankAngleAtIcDeg', 'footAngleAtIcDeg', 'hipExtensionAtToDeg'] as const) {
    const r = right.metrics.perSide.right[id].mean!;
    const l = left.metrics.perSide.right[id].mean!;
    assert.ok(Math.abs(r - l) < 1, `${id}: facing right ${r}, facing left ${l}`);
  }
  assert.ok(right.metrics.perSide.right.shankAngleAtIcDeg.mean! > 0, 'ankle ahead of knee at landing is positive');
  assert.ok(left.metrics.trunkLeanDeg.mean! > 0, 'forward lean is positive when facing image-left');
  assert.ok(left.metrics.perSide.left.footAheadOfHipAtIcPctLeg.mean! > 0, 'foot ahead of hip is positive when facing image-left');
});

function point(xs: number[], ys: number[]): PointSeries {
  return { x: xs, y: ys, vis: xs.map(() => 1) };
}

function limb(p: Record<'shoulder' | 'hip' | 'knee' | 'ankle' | 'heel' | 'toe', [number, number]>): Limb {
  const one = (v: [number, number]) => point([v[0]], [v[1]]);
  return { shoulder: one(p.shoulder), hip: one(p.hip), knee: one(p.knee), ankle: one(p.ankle), heel: one(p.heel), toe: one(p.toe) };
}

test('hand-made side-view pose: exact angles and signs', () => {
  // runner faces +x, y down; thigh 30 deg forward, shank 10 deg forward of vertical, foot toe-up 20 deg
  const d = Math.PI / 180;
  const hip: [number, number] = [0, 0];
  const knee: [number, number] = [100 * Math.sin(30 * d), 100 * Math.cos(30 * d)];
  const ankle: [number, number] = [knee[0] + 100 * Math.sin(10 * d), knee[1] + 100 * Math.cos(10 * d)];
  const heel: [number, number] = [ankle[0] - 10, ankle[1] + 8];
  const toe: [number, number] = [heel[0] + 40 * Math.cos(20 * d), heel[1] - 40 * Math.sin(20 * d)];
  const side = limb({ shoulder: [10 * Math.sin(5 * d) * 20, -200 * Math.cos(5 * d)], hip, knee, ankle, heel, toe });
  const body: BodySeries = { n: 1, nose: point([0], [-250]), left: side, right: side };
  const a = computeAngles(body, 'sagittal');
  assert.ok(Math.abs(a.hipFlexionDeg.right[0]! - 30) < 1e-9);
  assert.ok(Math.abs(a.shankAngleDeg.right[0]! - 10) < 1e-9);
  assert.ok(Math.abs(a.kneeFlexionDeg.right[0]! - 20) < 1e-9);
  assert.ok(Math.abs(a.footAngleDeg.right[0]! - 20) < 1e-9);
  assert.ok(Math.abs(a.ankleDorsiflexionDeg.right[0]! - 10) < 1e-9);
  assert.ok(a.trunkLeanDeg[0]! > 0);
  assert.ok(Math.abs(a.hipFlexionToTrunkDeg.right[0]! - (30 + a.trunkLeanDeg[0]!)) < 1e-9);
  assert.ok(Number.isNaN(a.pelvicObliquityDeg[0]!), 'frontal angles are unknown in a side view');
});

test('hand-made rear-view pose: pelvic obliquity, hip adduction and knee valgus signs', () => {
  // rear view: runner's right on image right; right hip 5 px lower; left knee medial (toward +x)
  const left = limb({ shoulder: [-40, -200], hip: [-20, 0], knee: [-5, 100], ankle: [-20, 200], heel: [-20, 210], toe: [-20, 215] });
  const right = limb({ shoulder: [40, -200], hip: [20, 5], knee: [20, 105], ankle: [20, 205], heel: [20, 215], toe: [20, 220] });
  const a = computeAngles({ n: 1, nose: point([0], [-250]), left, right }, 'frontal');
  assert.ok(a.pelvicObliquityDeg[0]! > 0, 'right hip lower is positive');
  assert.ok(a.hipAdductionDeg.left[0]! > 5, 'left knee toward the midline is adduction');
  assert.ok(a.kneeFppaDeg.left[0]! > 10, 'knee medial to hip-ankle line is valgus');
  assert.ok(Math.abs(a.hipAdductionDeg.right[0]! + a.pelvicObliquityDeg[0]!) < 1e-9, "a vertical thigh under a dropped hip is abducted by the drop");
  assert.ok(Number.isNaN(a.kneeFlexionDeg.left[0]!), 'sagittal angles are unknown in a rear view');
});
