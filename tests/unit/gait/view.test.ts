import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseTrack } from '../../../shared/gait/analyse.ts';
import { generateTrack, runningSpec } from '../../support/synthetic/generator.ts';

test('view detection: side views with the side facing the camera and the direction', () => {
  const cases = [
    { spec: runningSpec({ fps: 60, durationS: 3, view: 'sagittal-right' }), side: 'right', direction: 'right' },
    { spec: runningSpec({ fps: 60, durationS: 3, view: 'sagittal-left' }), side: 'left', direction: 'left' },
    { spec: runningSpec({ fps: 60, durationS: 2.5, view: 'sagittal-left', surface: 'overground', cameraDistanceM: 8 }), side: 'left', direction: 'left' },
    { spec: runningSpec({ fps: 60, durationS: 2.5, view: 'sagittal-right', surface: 'overground', cameraDistanceM: 8 }), side: 'right', direction: 'right' },
  ] as const;
  for (const c of cases) {
    const a = analyseTrack(generateTrack(c.spec).track);
    assert.equal(a.view.kind, 'sagittal', c.spec.view);
    assert.equal(a.view.side, c.side, c.spec.view);
    assert.equal(a.view.direction, c.direction, c.spec.view);
    assert.equal(a.view.origin, 'detected');
    assert.ok(a.view.detected.confidence > 0.5);
  }
});

test('view detection: rear and front views', () => {
  for (const view of ['rear', 'front'] as const) {
    const a = analyseTrack(generateTrack(runningSpec({ fps: 60, durationS: 3, view })).track);
    assert.equal(a.view.kind, 'frontal');
    assert.equal(a.view.side, view);
    assert.equal(a.view.direction, null);
  }
});

test('a clinician override replaces the view and is recorded with what was detected', () => {
  const { track } = generateTrack(runningSpec({ fps: 60, durationS: 3, view: 'sagittal-right' }));
  const a = analyseTrack(track, { view: { kind: 'sagittal', side: 'left' } });
  assert.equal(a.view.origin, 'override');
  assert.equal(a.view.side, 'left');
  assert.equal(a.view.direction, 'left');
  assert.equal(a.view.detected.side, 'right');
  // the mirrored orientation flips the sign of trunk lean: the override is really used
  const detected = analyseTrack(track);
  assert.ok(detected.metrics.trunkLeanDeg.mean! > 0 && a.metrics.trunkLeanDeg.mean! < 0);
});
