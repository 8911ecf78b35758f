/**
 * Plausibility before findings (issue 22): values the clip cannot have measured right are marked
 * "not reliable in this clip", with why, kept out of findings, symmetry, the visit summary and
 * progress, and counted again once the clinician includes them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseTrack } from '../../../shared/gait/analyse.ts';
import { notReliableWhy, runningRange, trusted } from '../../../shared/gait/plausibility.ts';
import { SOURCES } from '../../../shared/gait/references.ts';
import type { GaitCurves } from '../../support/synthetic/curves.ts';
import { RUNNING_CURVES } from '../../support/synthetic/curves.ts';
import { summariseVisit } from '../../../shared/gait/visit-summary.ts';
import { generateTrack, runningSpec } from '../../support/synthetic/generator.ts';

test('running ranges: the runners\' mean +/- 4 SD widened by the pose model\'s error, with their sources; none where no distribution is published', () => {
  assert.deepEqual(runningRange('kneeFlexionAtIcDeg'), { min: -3.8, max: 39.4, sources: ['heiderscheit2011', 'stenum2021', 'gaitlensPlausibility'] });
  assert.deepEqual(runningRange('peakKneeFlexionStanceDeg')?.min, 22.7);
  assert.deepEqual([runningRange('trunkLeanDeg')?.min, runningRange('trunkLeanDeg')?.max], [-13.2, 25.2]);
  assert.equal(runningRange('shankAngleAtIcDeg'), null);
  for (const id of ['kneeFlexionAtIcDeg', 'peakKneeFlexionStanceDeg', 'trunkLeanDeg'] as const) for (const s of runningRange(id)!.sources) assert.ok(s in SOURCES);
});

test('a value outside the running range is marked with why; one inside is not', () => {
  const base = analyseTrack(generateTrack(runningSpec({ fps: 60 })).track).metrics.perSide.right.kneeFlexionAtIcDeg;
  assert.equal(notReliableWhy('kneeFlexionAtIcDeg', { ...base, mean: 18 }, 'near', 'sagittal'), null);
  assert.equal(notReliableWhy('kneeFlexionAtIcDeg', { ...base, mean: -3.5 }, 'near', 'sagittal'), null, 'just inside');
  const hyper = notReliableWhy('kneeFlexionAtIcDeg', { ...base, mean: -8 }, 'near', 'sagittal');
  assert.match(hyper!.why, /^-8° is outside what running produces \(-3\.8° to 39\.4°/);
  const absent = trusted({ ...base, mean: -8, notReliable: { ...hyper!, included: false } });
  assert.equal(absent.mean, null);
  assert.match(absent.reasonIfAbsent!, /^Not reliable in this clip: -8°/);
  assert.equal(trusted({ ...base, mean: -8, notReliable: { ...hyper!, included: true } }).mean, -8, 'included by the clinician');
});

test('the far leg\'s peak knee flexion in a side view (hidden by the near leg) is marked and kept out of asymmetry findings until included', () => {
  // the far (left) knee reads 20° less at midstance, as on the shared 60 fps clip
  const leftCurves: GaitCurves = { ...RUNNING_CURVES, kneeFlexionDeg: { stance: [[0, 18], [0.4, 26], [1, 22]], swing: [[0.45, 100], [0.97, 12]] } };
  const { track } = generateTrack(runningSpec({ fps: 60, view: 'sagittal-right', curves: leftCurves, rightCurves: RUNNING_CURVES }));
  const a = analyseTrack(track, { legsConfirmed: { exchanged: false } });
  const far = a.metrics.perSide.left.peakKneeFlexionStanceDeg;
  const near = a.metrics.perSide.right.peakKneeFlexionStanceDeg;
  assert.ok(far.mean! < near.mean! - 10, `far ${far.mean}, near ${near.mean}`);
  assert.match(far.notReliable!.why, /near leg hides this one/);
  assert.equal(near.notReliable, null);
  const asymmetry = (x: typeof a) => x.findings.filter((f) => f.id === 'asymmetry' && f.triggeringValues[0]!.measureId === 'peakKneeFlexionStanceDeg');
  assert.deepEqual(asymmetry(a), [], 'no asymmetry finding from a hidden value');
  assert.equal(a.metrics.symmetry.peakKneeFlexionStanceDeg!.differenceAbs, null);
  // the visit summary and the report have no value for it, and say why
  const summary = summariseVisit([{ videoId: 'v', videoName: 'side.mp4', analysis: a }]);
  assert.equal(summary.perSide.left.peakKneeFlexionStanceDeg.summary.mean, null);
  assert.match(summary.perSide.left.peakKneeFlexionStanceDeg.summary.reasonIfAbsent!, /^Not reliable in this clip/);

  const included = analyseTrack(track, { legsConfirmed: { exchanged: false }, includedValues: [{ measureId: 'peakKneeFlexionStanceDeg', side: 'left' }] });
  assert.equal(included.metrics.perSide.left.peakKneeFlexionStanceDeg.notReliable!.included, true);
  assert.equal(asymmetry(included).length, 1, 'counted once the clinician includes it');
  assert.equal(summariseVisit([{ videoId: 'v', videoName: 'side.mp4', analysis: included }]).perSide.left.peakKneeFlexionStanceDeg.summary.mean, far.mean);
});

test('a knee that reads hyperextended: the curve is noted on its side, the value at contact is kept out of the overstriding count', () => {
  // the near knee straightens to -12° before landing and lands at -9°
  const rightCurves: GaitCurves = { ...RUNNING_CURVES, kneeFlexionDeg: { stance: [[0, -9], [0.4, 40], [1, 20]], swing: [[0.45, 100], [0.97, -12]] } };
  const { track } = generateTrack(runningSpec({ fps: 60, view: 'sagittal-right', rightCurves }));
  const a = analyseTrack(track, { legsConfirmed: { exchanged: false } });
  const notes = a.curveNotes.filter((n) => n.side === 'right');
  assert.equal(notes.length, 1, JSON.stringify(a.curveNotes));
  assert.ok(notes[0]!.valueDeg < -8, `${notes[0]!.valueDeg}`);
  assert.match(notes[0]!.text, /hyperextended\) on most strides/);
  assert.ok(notes[0]!.sources.includes('novacheck1998'));
  assert.deepEqual(a.curveNotes.filter((n) => n.side === 'left'), [], 'the typical knee has no note');
  const knee = a.metrics.perSide.right.kneeFlexionAtIcDeg;
  assert.ok(knee.notReliable && !knee.notReliable.included, `knee at contact ${knee.mean}`);
  for (const f of a.findings) {
    assert.ok(!f.triggeringValues.some((t) => t.measureId === 'kneeFlexionAtIcDeg' && t.side === 'right'), `${f.id} rests on the hyperextended knee`);
  }
});
