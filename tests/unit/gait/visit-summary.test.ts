import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseTrack } from '../../../shared/gait/analyse.ts';
import type { GaitAnalysis } from '../../../shared/gait/types.ts';
import { summariseVisit, type VisitVideoAnalysis } from '../../../shared/gait/visit-summary.ts';
import { generateTrack, runningSpec, type SyntheticSpec } from '../../support/synthetic/generator.ts';

const analysed = (videoId: string, spec: Partial<SyntheticSpec>): VisitVideoAnalysis => ({
  videoId,
  videoName: `${videoId}.mp4`,
  analysis: analyseTrack(generateTrack(runningSpec({ fps: 60, durationS: 5, ...spec })).track, { calibration: { kind: 'height', heightCm: 178 } }),
});

const sideLeft = analysed('side-left', { view: 'sagittal-left' });
const sideRight = analysed('side-right', { view: 'sagittal-right' });
const rear = analysed('rear', { view: 'rear', pelvicDropDeg: { left: 8, right: 2 } });

/** The far leg made to look more confident than the near one: the near side must still win. */
function farLegOverconfident(a: GaitAnalysis, far: 'left' | 'right'): GaitAnalysis {
  const copy = structuredClone(a);
  for (const m of Object.values(copy.metrics.perSide[far])) m.confidence = 0.99;
  return copy;
}

test('the synthetic videos are seen as the views they were filmed from', () => {
  assert.deepEqual([sideLeft, sideRight, rear].map((v) => [v.analysis.view.kind, v.analysis.view.side]), [
    ['sagittal', 'left'],
    ['sagittal', 'right'],
    ['frontal', 'rear'],
  ]);
});

test('each side takes its sagittal measures from the side view in which it faces the camera', () => {
  const summary = summariseVisit([
    { ...sideLeft, analysis: farLegOverconfident(sideLeft.analysis, 'right') },
    { ...sideRight, analysis: farLegOverconfident(sideRight.analysis, 'left') },
    rear,
  ]);
  const knee = (side: 'left' | 'right') => summary.perSide[side].kneeFlexionAtIcDeg;
  assert.equal(knee('left').from?.videoId, 'side-left');
  assert.equal(knee('right').from?.videoId, 'side-right');
  assert.equal(knee('left').summary.mean, sideLeft.analysis.metrics.perSide.left.kneeFlexionAtIcDeg.mean);
  assert.deepEqual(knee('left').otherSources.map((s) => s.videoId), ['side-right']);
  const sym = summary.symmetry.kneeFlexionAtIcDeg!;
  assert.equal(sym.left, sideLeft.analysis.metrics.perSide.left.kneeFlexionAtIcDeg.mean);
  assert.equal(sym.right, sideRight.analysis.metrics.perSide.right.kneeFlexionAtIcDeg.mean);
});

test('frontal measures come from the rear view, timing from a side view', () => {
  const summary = summariseVisit([rear, sideLeft, sideRight]);
  for (const side of ['left', 'right'] as const) {
    assert.equal(summary.perSide[side].pelvicDropDeg.from?.videoId, 'rear');
    assert.equal(summary.perSide[side].peakKneeFppaDeg.from?.videoId, 'rear');
  }
  assert.equal(summary.overall.stepWidthCm.from?.videoId, 'rear');
  assert.notEqual(summary.overall.cadenceSpm.from?.view, 'frontal', 'rear-view contacts are found early: a side view gives the cadence');
  assert.notEqual(summary.perSide.left.contactTimeMs.from?.view, 'frontal');
  assert.ok(Math.abs(summary.overall.cadenceSpm.summary.mean! - 170) < 2);
  const drop = summary.findings.find((f) => f.finding.id === 'pelvic-drop');
  assert.equal(drop?.from.videoId, 'rear');
});

test('a measure no video can give says which view is missing; a rear view alone still gives the timing', () => {
  const sideOnly = summariseVisit([sideRight]);
  assert.equal(sideOnly.perSide.left.pelvicDropDeg.from, null);
  assert.match(sideOnly.perSide.left.pelvicDropDeg.summary.reasonIfAbsent ?? '', /rear or front view/);
  const rearOnly = summariseVisit([rear]);
  assert.equal(rearOnly.overall.cadenceSpm.from?.videoId, 'rear');
  assert.match(rearOnly.perSide.right.kneeFlexionAtIcDeg.summary.reasonIfAbsent ?? '', /side view/);
});

test('a value absent in the only suitable video keeps that video\'s reason', () => {
  const uncalibrated: VisitVideoAnalysis = {
    videoId: 'plain',
    videoName: 'plain.mp4',
    analysis: analyseTrack(generateTrack(runningSpec({ fps: 60, durationS: 5 })).track),
  };
  const summary = summariseVisit([uncalibrated]);
  assert.equal(summary.perSide.right.footAheadOfHipAtIcCm.from, null);
  assert.match(summary.perSide.right.footAheadOfHipAtIcCm.summary.reasonIfAbsent ?? '', /calibration/);
});
