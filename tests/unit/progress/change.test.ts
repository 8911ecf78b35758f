import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseTrack } from '../../../shared/gait/analyse.ts';
import { MEASURES, SIDE_MEASURES } from '../../../shared/gait/measures.ts';
import type { MeasureId } from '../../../shared/gait/measures.ts';
import { SOURCES } from '../../../shared/gait/references.ts';
import type { MetricSummary } from '../../../shared/gait/types.ts';
import { CHANGE_RULES, DAMSTED_BETWEEN_DAY_DEG } from '../../../shared/progress/change-rules.ts';
import { changeBetween, compareVisits, progressOf, visitPoint, WHOLE_RUNNER_MEASURES } from '../../../shared/progress/change.ts';
import type { AnalysisInput, GaitMetrics, VisitChange, VisitInput } from '../../../shared/progress/change.ts';
import { OVERSTRIDE_CURVES, RUNNING_CURVES } from '../../support/synthetic/curves.ts';
import type { GaitCurves } from '../../support/synthetic/curves.ts';
import { generateTrack, runningSpec } from '../../support/synthetic/generator.ts';
import type { SyntheticView } from '../../support/synthetic/generator.ts';

function analysed(id: string, view: SyntheticView, curves: GaitCurves): AnalysisInput {
  const { track } = generateTrack(runningSpec({ fps: 60, durationS: 5, view, curves, noise: { seed: 11, jitterPx: 1 } }));
  const a = analyseTrack(track, { calibration: { kind: 'height', heightCm: 178 } });
  return { id, view: { kind: a.view.kind, side: a.view.side }, metrics: a.metrics };
}

/** Landing with the knee bent 30 deg at initial contact in the curves (the typical runner lands at 18). */
const BENT_KNEE_CURVES: GaitCurves = { ...RUNNING_CURVES, kneeFlexionDeg: { stance: [[0, 30], [0.4, 48], [1, 22]], swing: [[0.45, 100], [0.88, 24]] } };

// an overstriding runner filmed from the right, then after retraining
const overstride = analysed('a-over', 'sagittal-right', OVERSTRIDE_CURVES);
const typical = analysed('a-typical', 'sagittal-right', RUNNING_CURVES);
const bentKnee = analysed('a-bent', 'sagittal-right', BENT_KNEE_CURVES);
const rear = analysed('a-rear', 'rear', RUNNING_CURVES);
const fromLeft = analysed('a-left', 'sagittal-left', RUNNING_CURVES);

const visit = (id: string, date: string, analyses: AnalysisInput[]): VisitInput => ({ id, date, analyses });

/** The metrics with one summary replaced. */
function withSummary(m: GaitMetrics, id: MeasureId, side: 'left' | 'right' | null, patch: Partial<MetricSummary>): GaitMetrics {
  const copy = structuredClone(m);
  if (side === null) Object.assign(copy[id as (typeof WHOLE_RUNNER_MEASURES)[number]], patch);
  else Object.assign(copy.perSide[side][id as (typeof SIDE_MEASURES)[number]], patch);
  return copy;
}

function changeOf(changes: VisitChange[], id: MeasureId, side: 'left' | 'right' | null): VisitChange {
  const c = changes.find((x) => x.measureId === id && x.side === side);
  assert.ok(c, `${id} ${side}`);
  return c;
}

test('two visits: two points per measure and leg, in date order, with the reference of measures.ts', () => {
  const visits = [visit('v2', '2025-03-01', [typical]), visit('v1', '2025-01-10', [overstride])];
  const progress = progressOf(visits);
  assert.deepEqual(
    progress.map((p) => p.measureId),
    Object.keys(MEASURES),
  );
  for (const p of progress) {
    assert.equal(p.series.length, MEASURES[p.measureId].bilateral ? 2 : 1, p.measureId);
    assert.equal(p.reference.text, MEASURES[p.measureId].reference.text);
    assert.equal(p.unit, MEASURES[p.measureId].unit);
    for (const s of p.series) {
      assert.deepEqual(
        s.points.map((x) => x.visitId),
        ['v1', 'v2'],
      );
      assert.equal(s.changes.length, 1);
      assert.equal(s.changes[0]!.fromVisitId, 'v1');
    }
  }
  const knee = progress.find((p) => p.measureId === 'kneeFlexionAtIcDeg')!.series.find((s) => s.side === 'right')!;
  assert.equal(knee.points[0]!.mean, overstride.metrics.perSide.right.kneeFlexionAtIcDeg.mean);
  assert.equal(knee.points[1]!.mean, typical.metrics.perSide.right.kneeFlexionAtIcDeg.mean);
  assert.deepEqual(knee.points[0]!.source, { analysisId: 'a-over', view: 'sagittal', leg: 'near' });
  const cadence = progress.find((p) => p.measureId === 'cadenceSpm')!;
  assert.equal(cadence.series[0]!.side, null);
  assert.equal(cadence.series[0]!.points[1]!.mean, typical.metrics.cadenceSpm.mean);
});

test('knee flexion at initial contact: 8 deg is no real change, 15 deg is (Damsted 95% between-day interval, conservative 14 deg)', () => {
  const base = overstride.metrics;
  const knee = base.perSide.right.kneeFlexionAtIcDeg;
  assert.ok(knee.mean !== null && knee.level !== 'low', 'the near leg knee at IC is measured');
  const kneeMean = knee.mean;
  const before = visit('v1', '2025-01-10', [overstride]);
  const shifted = (d: number) => visit('v2', '2025-02-10', [{ ...overstride, id: 'a2', metrics: withSummary(base, 'kneeFlexionAtIcDeg', 'right', { mean: kneeMean + d }) }]);

  const small = changeOf(compareVisits([before, shifted(8)], 'v1', 'v2'), 'kneeFlexionAtIcDeg', 'right');
  assert.equal(small.verdict, 'no-real-change');
  assert.equal(small.direction, null, 'no better or worse within the error');
  assert.ok(Math.abs(small.difference! - 8) < 1e-6);
  assert.equal(small.error, DAMSTED_BETWEEN_DAY_DEG);
  assert.equal(small.errorFrom, 'betweenDay');
  assert.equal(small.basis, 'published');
  assert.deepEqual(small.sources, ['damsted']);
  assert.match(small.text, /^No real change: \+8\.0 deg is within the published between-day error, 14\.0 deg\.$/);

  const large = changeOf(compareVisits([before, shifted(15)], 'v1', 'v2'), 'kneeFlexionAtIcDeg', 'right');
  assert.equal(large.verdict, 'increased');
  // the overstriding runner lands at about 6 deg; 21 is nearer the 17.8 deg reference
  assert.equal(large.direction, 'toward-reference');
  assert.match(large.text, /^Increased by \+15\.0 deg, beyond the published between-day error, 14\.0 deg, toward the reference \(17\.8 deg\)\.$/);

  const down = changeOf(compareVisits([before, shifted(-15)], 'v1', 'v2'), 'kneeFlexionAtIcDeg', 'right');
  assert.equal(down.verdict, 'decreased');
  assert.equal(down.direction, 'away-from-reference');
  // exactly the error (whole numbers, so the difference is exact): real only when the change exceeds it
  const at = (vid: string, mean: number) => visit(vid, vid === 'v1' ? '2025-01-10' : '2025-02-10', [{ ...overstride, metrics: withSummary(base, 'kneeFlexionAtIcDeg', 'right', { mean }) }]);
  const edge = changeOf(compareVisits([at('v1', 6), at('v2', 6 + DAMSTED_BETWEEN_DAY_DEG)], 'v1', 'v2'), 'kneeFlexionAtIcDeg', 'right');
  assert.equal(edge.difference, DAMSTED_BETWEEN_DAY_DEG);
  assert.equal(edge.verdict, 'no-real-change');
});

test('a retrained overstrider: landing 11 deg more bent is within the error, 19 deg more and a shorter reach are real and toward the reference', () => {
  const v1 = visit('v1', '2025-01-10', [overstride]);
  const toTypical = compareVisits([v1, visit('v2', '2025-02-10', [typical])], 'v1', 'v2');
  const knee12 = changeOf(toTypical, 'kneeFlexionAtIcDeg', 'right');
  assert.ok(knee12.difference! > 9 && knee12.difference! < 14, `measured change ${knee12.difference}`);
  assert.equal(knee12.verdict, 'no-real-change');

  const toBent = compareVisits([v1, visit('v3', '2025-03-10', [bentKnee])], 'v1', 'v3');
  const knee20 = changeOf(toBent, 'kneeFlexionAtIcDeg', 'right');
  assert.ok(knee20.difference! > 16, `measured change ${knee20.difference}`);
  assert.equal(knee20.verdict, 'increased');
  assert.equal(knee20.direction, 'toward-reference');

  // no published between-day error: judged against the larger of the two visits' stride-to-stride spread and
  // their measurement errors (here the foot's travel in one frame's timing error at contact)
  const reach = changeOf(toTypical, 'footAheadOfHipAtIcCm', 'right');
  assert.equal(reach.basis, 'strideSpreadOnly');
  assert.equal(reach.errorFrom, 'measurement');
  assert.ok(reach.difference! < -5, `foot ahead of hip ${reach.difference} cm`);
  assert.equal(reach.verdict, 'decreased');
  assert.equal(reach.direction, 'toward-reference', 'smaller is better (Lieberman)');
  assert.match(reach.text, /smaller is better/);
  // a measure without a better direction only says which way it went
  const contact = changeOf(toTypical, 'contactTimeMs', 'right');
  assert.equal(contact.direction, null);
});

test('a change within the stride-to-stride 95% interval is no real change; beyond it, real (measures without a published error)', () => {
  const m = typical.metrics;
  // vertical oscillation: no measurement error is established, so the spread alone sets the error
  const s = m.perSide.right.verticalOscillationCm;
  assert.ok(s.mean !== null && s.sd !== null && s.n >= 2 && s.error === null);
  const voMean = s.mean;
  // the same spread at both visits: error = 1.96 sqrt(2 sd^2 / n)
  const wide = 2;
  const ci = 1.96 * Math.sqrt((2 * wide * wide) / s.n);
  const v1 = visit('v1', '2025-01-10', [{ ...typical, metrics: withSummary(m, 'verticalOscillationCm', 'right', { sd: wide }) }]);
  const at = (d: number) => visit('v2', '2025-02-10', [{ ...typical, id: 'a2', metrics: withSummary(m, 'verticalOscillationCm', 'right', { sd: wide, mean: voMean + d }) }]);
  const inside = changeOf(compareVisits([v1, at(0.9 * ci)], 'v1', 'v2'), 'verticalOscillationCm', 'right');
  assert.equal(inside.verdict, 'no-real-change');
  assert.ok(Math.abs(inside.error! - ci) < 1e-3);
  assert.equal(inside.errorFrom, 'strideSpread');
  assert.deepEqual(inside.sources, ['gaitlensChangeRule']);
  assert.equal(changeOf(compareVisits([v1, at(-1.1 * ci)], 'v1', 'v2'), 'verticalOscillationCm', 'right').verdict, 'decreased');
  // a spread larger than the published error sets the error
  const k = m.perSide.right.kneeFlexionAtIcDeg;
  const noisy = (d: number) => withSummary(m, 'kneeFlexionAtIcDeg', 'right', { sd: 20, mean: k.mean! + d, level: 'moderate' });
  const c = changeOf(compareVisits([visit('v1', '2025-01-10', [{ ...typical, metrics: noisy(0) }]), visit('v2', '2025-02-10', [{ ...typical, metrics: noisy(15) }])], 'v1', 'v2'), 'kneeFlexionAtIcDeg', 'right');
  assert.equal(c.errorFrom, 'strideSpread');
  assert.ok(c.error! > DAMSTED_BETWEEN_DAY_DEG);
  assert.equal(c.verdict, 'no-real-change');
});

test('a change smaller than the two values\' measurement errors combined is never progress (contact time at 60 fps: 33 ms each, 46.7 combined)', () => {
  const m = typical.metrics;
  const s = m.perSide.right.contactTimeMs;
  assert.ok(s.mean !== null && s.error !== null);
  assert.ok(Math.abs(s.error.value - 33) < 0.01, `contact time error at 60 fps: ${s.error.value}`);
  const combined = Math.hypot(s.error.value, s.error.value);
  // a steady runner: a spread of 1 ms would call a 40 ms change real
  const at = (vid: string, d: number) =>
    visit(vid, vid === 'v1' ? '2025-01-10' : '2025-02-10', [{ ...typical, id: vid, metrics: withSummary(m, 'contactTimeMs', 'right', { sd: 1, mean: s.mean! + d }) }]);
  const small = changeOf(compareVisits([at('v1', 0), at('v2', -40)], 'v1', 'v2'), 'contactTimeMs', 'right');
  assert.equal(small.verdict, 'no-real-change');
  assert.equal(small.errorFrom, 'measurement');
  assert.ok(Math.abs(small.error! - combined) < 0.01);
  assert.match(small.text, /within the two values' measurement errors at their videos' frame rates, combined, 46\.7 ms/);
  assert.equal(changeOf(compareVisits([at('v1', 0), at('v2', -50)], 'v1', 'v2'), 'contactTimeMs', 'right').verdict, 'decreased');
  // between two 30 fps visits: 47 ms combined
  const at30 = (vid: string, d: number) =>
    visit(vid, vid === 'v1' ? '2025-01-10' : '2025-02-10', [
      { ...typical, id: vid, metrics: withSummary(m, 'contactTimeMs', 'right', { sd: 1, mean: s.mean! + d, error: { ...s.error!, value: 1000 / 30 } }) },
    ]);
  const slow = changeOf(compareVisits([at30('v1', 0), at30('v2', -40)], 'v1', 'v2'), 'contactTimeMs', 'right');
  assert.equal(slow.verdict, 'no-real-change', '40 ms is within 47 ms at 30 fps');
});

test('cannot compare: a value missing, a low-confidence value, another view, the near leg against the far leg', () => {
  const v1 = visit('v1', '2025-01-10', [overstride]);
  // only a rear view at the second visit: side-view measures are missing
  const rearOnly = compareVisits([v1, visit('v2', '2025-02-10', [rear])], 'v1', 'v2');
  const knee = changeOf(rearOnly, 'kneeFlexionAtIcDeg', 'right');
  assert.equal(knee.verdict, 'cannot-compare');
  assert.equal(knee.difference, null);
  assert.match(knee.reason!, /^No value on 10 Feb 2025: /);
  assert.equal(knee.reason, `No value on 10 Feb 2025: ${rear.metrics.perSide.right.kneeFlexionAtIcDeg.reasonIfAbsent}`);
  assert.match(knee.text, /^Cannot compare: No value on 10 Feb 2025/);
  // a measure any view gives, but from a side view once and a rear view once
  const contact = changeOf(rearOnly, 'contactTimeMs', 'right');
  assert.equal(contact.verdict, 'cannot-compare');
  assert.match(contact.reason!, /side view on 10 Jan 2025 and in a rear or front view on 10 Feb 2025/);
  assert.notEqual(contact.difference, null, 'the difference is still shown');
  // a visit without any analysed video
  const none = changeOf(compareVisits([v1, visit('v0', '2025-02-10', [])], 'v1', 'v0'), 'cadenceSpm', null);
  assert.equal(none.reason, 'No value on 10 Feb 2025: No analysed video at this visit.');

  // the far leg's peak knee flexion in a side view is not reliable there (the near leg hides it): no value, with why
  const farPeak = overstride.metrics.perSide.left.peakKneeFlexionStanceDeg;
  assert.ok(farPeak.mean !== null && farPeak.notReliable !== null && !farPeak.notReliable.included);
  const hidden = changeOf(compareVisits([v1, visit('v2', '2025-02-10', [typical])], 'v1', 'v2'), 'peakKneeFlexionStanceDeg', 'left');
  assert.equal(hidden.verdict, 'cannot-compare');
  assert.equal(hidden.reason, `No value on 10 Jan 2025: Not reliable in this clip: ${farPeak.notReliable.why}`);
  // a value of low confidence
  const shaky = structuredClone(typical);
  Object.assign(shaky.metrics.perSide.right.kneeFlexionAtIcDeg, { confidence: 0.22, level: 'low' });
  const lowConf = changeOf(compareVisits([visit('v1', '2025-01-10', [shaky]), visit('v2', '2025-02-10', [typical])], 'v1', 'v2'), 'kneeFlexionAtIcDeg', 'right');
  assert.equal(lowConf.verdict, 'cannot-compare');
  assert.equal(lowConf.reason, 'The value on 10 Jan 2025 is of low confidence (0.22).');

  // filmed from the right, then from the left: the left leg was far, then near
  const sides = compareVisits([v1, visit('v2', '2025-02-10', [fromLeft])], 'v1', 'v2');
  const leftKnee = changeOf(sides, 'kneeFlexionAtIcDeg', 'left');
  assert.notEqual(overstride.metrics.perSide.left.kneeFlexionAtIcDeg.level, 'low');
  assert.equal(leftKnee.verdict, 'cannot-compare');
  assert.equal(leftKnee.reason, 'The left leg was the far leg on 10 Jan 2025 and the near leg on 10 Feb 2025: the far leg is measured less accurately.');
  assert.equal(changeOf(sides, 'cadenceSpm', null).reason, null, 'the whole runner is seen alike from either side');
});

test('a visit with several videos: each leg from the view that sees it best, a measure any view gives from the side view', () => {
  const both = visit('v1', '2025-01-10', [rear, fromLeft, typical]);
  assert.deepEqual(visitPoint(both, 'kneeFlexionAtIcDeg', 'left').source, { analysisId: 'a-left', view: 'sagittal', leg: 'near' });
  assert.deepEqual(visitPoint(both, 'kneeFlexionAtIcDeg', 'right').source, { analysisId: 'a-typical', view: 'sagittal', leg: 'near' });
  assert.equal(visitPoint(both, 'contactTimeMs', 'right').source?.view, 'sagittal');
  assert.deepEqual(visitPoint(both, 'pelvicDropDeg', 'left').source, { analysisId: 'a-rear', view: 'frontal', leg: null });
  assert.equal(visitPoint(both, 'pelvicDropDeg', 'left').mean, rear.metrics.perSide.left.pelvicDropDeg.mean);
  // with only the side views, pelvic drop is absent and says why
  const p = visitPoint(visit('v2', '2025-02-10', [typical]), 'pelvicDropDeg', 'left');
  assert.equal(p.mean, null);
  assert.equal(p.reasonIfAbsent, typical.metrics.perSide.left.pelvicDropDeg.reasonIfAbsent);
});

test('any two chosen visits: earlier first whatever the order given; cadence also as a percentage', () => {
  const visits = [visit('v1', '2025-01-10', [overstride]), visit('v2', '2025-02-10', [bentKnee]), visit('v3', '2025-03-10', [typical])];
  const a = compareVisits(visits, 'v3', 'v1');
  const b = compareVisits(visits, 'v1', 'v3');
  assert.deepEqual(a, b);
  assert.equal(a[0]!.fromVisitId, 'v1');
  assert.equal(a.length, WHOLE_RUNNER_MEASURES.length + 2 * SIDE_MEASURES.length);
  const cadence = changeOf(a, 'cadenceSpm', null);
  const from = overstride.metrics.cadenceSpm.mean!;
  assert.ok(Math.abs(cadence.differencePct! - ((typical.metrics.cadenceSpm.mean! - from) / from) * 100) < 0.01);
  assert.equal(changeOf(a, 'kneeFlexionAtIcDeg', 'right').differencePct, null, 'no percentage of an angle');
  assert.throws(() => compareVisits(visits, 'v1', 'nope'), /No visit nope/);
  // consecutive changes of the progress page: v1 -> v2 -> v3
  const knee = progressOf(visits).find((p) => p.measureId === 'kneeFlexionAtIcDeg')!.series[1]!;
  assert.deepEqual(
    knee.changes.map((c) => [c.fromVisitId, c.toVisitId, c.verdict]),
    [
      ['v1', 'v2', 'increased'],
      ['v2', 'v3', 'no-real-change'],
    ],
  );
});

test('the rules table: every measure, every number with its source, product choices named as such', () => {
  assert.deepEqual([...WHOLE_RUNNER_MEASURES, ...SIDE_MEASURES].sort(), Object.keys(MEASURES).sort());
  for (const [id, rule] of Object.entries(CHANGE_RULES)) {
    assert.ok(rule.sources.length > 0 && rule.sources.every((s) => s in SOURCES), id);
    if (rule.basis === 'published') assert.ok(!rule.sources.includes('gaitlensChangeRule'), id);
    else assert.ok(rule.sources.includes('gaitlensChangeRule'), `${id} is a product choice`);
    if (rule.basis === 'strideSpreadOnly') assert.equal(rule.betweenDayError, null);
    else assert.ok(rule.sources.includes('damsted'));
    if (rule.better) assert.ok(rule.better.sources.every((s) => s in SOURCES && s !== 'gaitlensChangeRule'), id);
  }
  assert.equal(CHANGE_RULES.kneeFlexionAtIcDeg.basis, 'published');
  // a change judged directly: the rule applies to any two points
  const p = visitPoint(visit('v1', '2025-01-10', [typical]), 'cadenceSpm', null);
  const same = changeBetween('cadenceSpm', null, p, { ...p, visitId: 'v2', mean: p.mean! - 0.01 });
  assert.equal(same.verdict, 'no-real-change');
  assert.match(same.text, /^No real change: 0\.0 steps\/min \(0\.0%\) is within the two values' measurement errors at their videos' frame rates, combined, \d+\.\d steps\/min\.$/);
});
