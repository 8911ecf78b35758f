/**
 * Every sentence from its evidence (issue 22): each finding rule is walked over values on both
 * sides of each of its cut-offs, and every finding's text is checked against the numbers: each
 * measure that crossed its screening point is named with its value and cut-off, a measure within
 * it is never described as crossed, the client's words for a sign appear only when its measure
 * crossed, and a finding is raised exactly when its rule's evidence holds.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseTrack } from '../../../shared/gait/analyse.ts';
import { OVERSTRIDE_SIGNS, RULES, THRESHOLDS, amount, evaluateFindings, isBeyond, legNames, type FindingContext, type ThresholdId } from '../../../shared/gait/findings.ts';
import { printedValue, type SideMeasureId } from '../../../shared/gait/measures.ts';
import { symmetryOf } from '../../../shared/gait/symmetry.ts';
import type { Finding, MetricSummary, Side, SideMetrics } from '../../../shared/gait/types.ts';
import { generateTrack, runningSpec } from '../../support/synthetic/generator.ts';

const base = analyseTrack(generateTrack(runningSpec({ fps: 60 })).track, { calibration: { kind: 'height', heightCm: 178 } });

const summary = (template: MetricSummary, mean: number | null): MetricSummary => ({ ...template, mean, sd: 0.5, n: 8, confidence: 0.8, level: 'high' });

type SideValues = Partial<Record<SideMeasureId, number>>;

/** A context with the typical runner's measures and the given values put in. */
function contextWith(opts: { view?: FindingContext['view']; gait?: FindingContext['gait']; dutyFactorPct?: number; cadence?: number; trunk?: number; left?: SideValues; right?: SideValues; names?: FindingContext['names'] }): FindingContext {
  const side = (s: Side, values: SideValues = {}): SideMetrics => {
    const m = { ...base.metrics.perSide[s] };
    for (const [id, v] of Object.entries(values)) m[id as SideMeasureId] = summary(m[id as SideMeasureId], v);
    return m;
  };
  const perSide = { left: side('left', opts.left), right: side('right', opts.right) };
  const ids = Object.keys(perSide.left) as SideMeasureId[];
  return {
    view: opts.view ?? 'sagittal',
    gait: opts.gait ?? 'running',
    dutyFactorPct: opts.dutyFactorPct ?? 35,
    calibrated: true,
    cadenceSpm: summary(base.metrics.cadenceSpm, opts.cadence ?? 172),
    cycleCadenceSpm: null,
    feetLost: false,
    farSide: 'left',
    names: opts.names ?? legNames('right', true),
    trunkLeanDeg: summary(base.metrics.trunkLeanDeg, opts.trunk ?? 4),
    perSide,
    symmetry: symmetryOf(ids, perSide.left, perSide.right),
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Checks one finding's texts against its triggering values; returns the measures it says crossed. */
function checkFinding(f: Finding): void {
  const texts = [f.plainText, f.clinicalText];
  const judged = f.triggeringValues.filter((t) => t.screening !== null);
  assert.ok(judged.some((t) => t.screening!.crossed), `${f.id}: raised with no value beyond its screening point`);
  for (const t of judged) {
    const sc = t.screening!;
    assert.equal(sc.crossed, isBeyond(t.value, sc.cutOff, sc.beyond), `${f.id}: ${t.measureId} ${t.value} judged against ${sc.beyond} ${sc.cutOff}`);
    const claim = new RegExp(`${escape(amount(t.value, t.unit))}, ${sc.beyond} ${escape(amount(sc.cutOff, t.unit))}`);
    const denial = new RegExp(`${escape(amount(t.value, t.unit))}, not ${sc.beyond} ${escape(amount(sc.cutOff, t.unit))}`);
    for (const text of texts) {
      if (sc.crossed) assert.match(text, claim, `${f.id}: the text names ${t.measureId} with its value and cut-off`);
      else {
        assert.doesNotMatch(text, claim, `${f.id}: ${t.measureId} within its screening point described as beyond it`);
        if (text.includes(amount(t.value, t.unit))) assert.match(text, denial, `${f.id}: ${t.measureId} mentioned, so as within`);
      }
    }
  }
}

const near = (cut: number) => [cut - 2, cut - 0.1, cut - 0.04, cut, cut + 0.04, cut + 0.1, cut + 2];

function findingsOf(ctx: FindingContext, id: string): Finding[] {
  const all = evaluateFindings(ctx).findings;
  for (const f of all) checkFinding(f);
  return all.filter((f) => f.id === id);
}

const printed = (x: number) => Math.round(x * 10) / 10;
/** Whether a value crosses a threshold as printed in its unit (whole ms, steps/min and %). */
const beyond = (value: number, key: ThresholdId, unit = 'deg') => isBeyond(printedValue(value, unit), THRESHOLDS[key].value, THRESHOLDS[key].beyond);

test('overstriding: every combination of the three signs around their cut-offs; the count, the values and the words follow the numbers', () => {
  const signIds = Object.keys(OVERSTRIDE_SIGNS) as (keyof typeof OVERSTRIDE_SIGNS)[];
  const grids = signIds.map((id) => near(THRESHOLDS[OVERSTRIDE_SIGNS[id].threshold].value));
  let raised = 0;
  for (const knee of grids[signIds.indexOf('kneeFlexionAtIcDeg')]!) {
    for (const shank of grids[signIds.indexOf('shankAngleAtIcDeg')]!) {
      for (const foot of grids[signIds.indexOf('footAheadOfHipAtIcPctLeg')]!) {
        const values = { kneeFlexionAtIcDeg: knee, shankAngleAtIcDeg: shank, footAheadOfHipAtIcPctLeg: foot };
        const over = findingsOf(contextWith({ right: values }), 'overstriding').filter((f) => f.side === 'right');
        const crossed = signIds.filter((id) => beyond(values[id], OVERSTRIDE_SIGNS[id].threshold));
        assert.equal(over.length, crossed.length >= 2 ? 1 : 0, `knee ${knee}, shank ${shank}, foot ${foot}`);
        if (over.length === 0) continue;
        raised++;
        const f = over[0]!;
        assert.match(f.clinicalText, new RegExp(`^${crossed.length} of 3 `));
        for (const id of signIds) {
          const said = f.plainText.includes(OVERSTRIDE_SIGNS[id].plain);
          assert.equal(said, crossed.includes(id), `"${OVERSTRIDE_SIGNS[id].plain}" said ${said} with ${id} ${values[id]}: ${f.plainText}`);
        }
      }
    }
  }
  assert.ok(raised > 50, `${raised} combinations raised the finding`);
});

test('the issue\'s case: a knee bent more than the reference is never called fairly straight, and the two signs that crossed are named', () => {
  const f = findingsOf(contextWith({ right: { kneeFlexionAtIcDeg: 21.1, shankAngleAtIcDeg: 8.9, footAheadOfHipAtIcPctLeg: 34.2 } }), 'overstriding')[0]!;
  assert.doesNotMatch(f.plainText + f.clinicalText, /straight/);
  assert.match(f.clinicalText, /^2 of 3 .*shank angle at initial contact 8\.9°, over 5°.*foot ahead of hip at initial contact 34\.2% of leg length, over 30% of leg length/);
  assert.match(f.clinicalText, /Within its screening point: knee flexion at initial contact 21\.1°, not under 13\.8°/);
});

test('single-value rules around their cut-offs: raised exactly when the value crosses, and the sentence says by how much', () => {
  const cases: { id: string; key: ThresholdId; unit: string; ctx: (v: number) => FindingContext }[] = [
    { id: 'low-cadence', key: 'lowCadenceSpm', unit: 'steps/min', ctx: (v) => contextWith({ cadence: v }) },
    { id: 'check-capture-rate', key: 'implausibleCadenceSpm', unit: 'steps/min', ctx: (v) => contextWith({ cadence: v }) },
    { id: 'trunk-lean', key: 'trunkLeanDeg', unit: 'deg', ctx: (v) => contextWith({ trunk: v }) },
    { id: 'vertical-oscillation', key: 'verticalOscillationCm', unit: 'cm', ctx: (v) => contextWith({ right: { verticalOscillationCm: v } }) },
    { id: 'pelvic-drop', key: 'pelvicDropDeg', unit: 'deg', ctx: (v) => contextWith({ view: 'frontal', left: { pelvicDropDeg: v } }) },
    { id: 'crossover', key: 'crossoverPct', unit: '%', ctx: (v) => contextWith({ view: 'frontal', left: { crossoverPct: v } }) },
    { id: 'walking-gait', key: 'walkingDutyFactorPct', unit: '%', ctx: (v) => contextWith({ gait: 'walking', dutyFactorPct: v }) },
  ];
  for (const c of cases) {
    // the cut-off and the values around it, down to half the printed step (whole steps/min and %)
    for (const v of [...near(THRESHOLDS[c.key].value), THRESHOLDS[c.key].value + 0.6, THRESHOLDS[c.key].value - 0.6]) {
      const found = findingsOf(c.ctx(v), c.id);
      assert.equal(found.length, beyond(v, c.key, c.unit) ? 1 : 0, `${c.id} at ${v}`);
    }
  }
});

test('asymmetry around its cut-offs: the difference (angles) or symmetry index (contact time) is named with its cut-off, and each side with its value', () => {
  for (const d of near(THRESHOLDS.angleAsymmetryDeg.value)) {
    const found = findingsOf(contextWith({ left: { kneeFlexionAtIcDeg: 18 }, right: { kneeFlexionAtIcDeg: 18 + d } }), 'asymmetry').filter((f) => f.triggeringValues[0]!.measureId === 'kneeFlexionAtIcDeg');
    assert.equal(found.length, beyond(d, 'angleAsymmetryDeg') ? 1 : 0, `difference ${d}`);
    for (const f of found) assert.match(f.plainText, new RegExp(`\\(left 18°, right ${escape(String(printed(18 + d)))}°; difference ${escape(String(printed(d)))}°, over 3°\\)`));
  }
  for (const si of near(THRESHOLDS.timeAsymmetryPct.value)) {
    // SI = |L - R| / mean x 100 with the mean 250 ms
    const diff = (si / 100) * 250;
    const found = findingsOf(contextWith({ left: { contactTimeMs: 250 - diff / 2 }, right: { contactTimeMs: 250 + diff / 2 } }), 'asymmetry').filter((f) => f.triggeringValues[0]!.measureId === 'contactTimeMs');
    const index = symmetryOf(['contactTimeMs'], { contactTimeMs: summary(base.metrics.perSide.left.contactTimeMs, 250 - diff / 2) } as SideMetrics, { contactTimeMs: summary(base.metrics.perSide.right.contactTimeMs, 250 + diff / 2) } as SideMetrics).contactTimeMs!.symmetryIndexPct!;
    assert.equal(found.length, beyond(index, 'timeAsymmetryPct', '%') ? 1 : 0, `SI ${si} (${index})`);
  }
});

test('near and far legs: the sentences name them and never left or right', () => {
  const names = legNames('right', false);
  const found = [
    ...findingsOf(contextWith({ names, right: { kneeFlexionAtIcDeg: 10, shankAngleAtIcDeg: 8, footAheadOfHipAtIcPctLeg: 20 } }), 'overstriding'),
    ...findingsOf(contextWith({ names, left: { kneeFlexionAtIcDeg: 12 }, right: { kneeFlexionAtIcDeg: 20 } }), 'asymmetry'),
  ];
  assert.ok(found.length >= 2);
  for (const f of found) assert.doesNotMatch(f.title + f.plainText + f.clinicalText, /\b(left|right)\b/i, f.plainText);
});

test('every rule is walked by this file', () => {
  const walked = new Set(['overstriding', 'low-cadence', 'check-capture-rate', 'trunk-lean', 'vertical-oscillation', 'pelvic-drop', 'crossover', 'walking-gait', 'asymmetry']);
  assert.deepEqual(RULES.map((r) => r.id).filter((id) => !walked.has(id)), []);
});
