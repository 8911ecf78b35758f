import { test } from 'node:test';
import assert from 'node:assert/strict';
import { driftOf } from '../../../shared/endurance/drift.ts';
import type { MeasureDrift, RunDrift, RunWindowInput } from '../../../shared/endurance/drift.ts';
import { analyseTrack } from '../../../shared/gait/analyse.ts';
import type { MeasureId } from '../../../shared/gait/measures.ts';
import { SOURCES } from '../../../shared/gait/references.ts';
import type { Side } from '../../../shared/gait/types.ts';
import { DAMSTED_WITHIN_DAY_DEG } from '../../../shared/progress/change-rules.ts';
import { RUNNING_CURVES } from '../../support/synthetic/curves.ts';
import type { GaitCurves } from '../../support/synthetic/curves.ts';
import { generateTrack, runningSpec } from '../../support/synthetic/generator.ts';
import type { SyntheticSpec } from '../../support/synthetic/generator.ts';

/** One window of a synthetic run: `minute` is where it starts in the run (1 = the first minute). */
function windowAt(minute: number, spec: Partial<SyntheticSpec>, seed: number): RunWindowInput {
  const { track } = generateTrack(runningSpec({ fps: 60, durationS: 8, noise: { seed, jitterPx: 1 }, ...spec }));
  const a = analyseTrack(track, { calibration: { kind: 'height', heightCm: 178 }, legsConfirmed: { exchanged: false } });
  return {
    id: `w${minute}`,
    startS: (minute - 1) * 60,
    endS: minute * 60,
    analysis: { id: `a${minute}`, view: { kind: a.view.kind, side: a.view.side }, metrics: a.metrics },
    sidesKnown: a.identity.sides !== 'unconfirmed',
  };
}

function driftFor(d: RunDrift, id: MeasureId, side: Side | null): MeasureDrift {
  const m = d.measures.find((x) => x.measureId === id && x.side === side);
  assert.ok(m, `${id} ${side}`);
  return m;
}

test('a runner whose cadence falls and contact lengthens late in the run: two findings toward fatigue, with the numbers and sources', () => {
  const early = windowAt(1, { cadenceSpm: 172, contactTimeMs: 240 }, 1);
  const middle = windowAt(6, { cadenceSpm: 166, contactTimeMs: 260 }, 2);
  const late = windowAt(12, { cadenceSpm: 156, contactTimeMs: 295 }, 3);
  const d = driftOf([late, early, middle]);
  assert.deepEqual(d.windows.map((w) => w.label), ['minute 1', 'minute 6', 'minute 12']);

  const cadence = driftFor(d, 'cadenceSpm', null);
  assert.equal(cadence.points.length, 3);
  assert.equal(cadence.change.verdict, 'decreased');
  assert.equal(cadence.change.towardFatigue, true);
  assert.ok(Math.abs(cadence.change.difference! - -16) < 2, `cadence change ${cadence.change.difference}`);
  // the change shown is that of the two values as printed
  assert.equal(cadence.change.difference, Math.round(cadence.points[2]!.mean!) - Math.round(cadence.points[0]!.mean!));
  assert.ok(cadence.change.error! > 0 && cadence.change.error! < 8, `cadence error ${cadence.change.error}`);
  assert.match(cadence.change.text, /^Cadence falls from 17\d steps\/min in minute 1 to 15\d steps\/min in minute 12, beyond .*steps\/min\.$/);

  for (const side of ['left', 'right'] as const) {
    const contact = driftFor(d, 'contactTimeMs', side);
    assert.equal(contact.change.verdict, 'increased', `${side}: ${contact.change.text}`);
    assert.equal(contact.change.towardFatigue, true);
  }
  const ids = d.findings.map((f) => `${f.id}/${f.side}`).sort();
  assert.deepEqual(ids, ['drift.cadenceSpm/null', 'drift.contactTimeMs/left', 'drift.contactTimeMs/right']);
  for (const f of d.findings) {
    assert.ok(f.sources.includes('apte2021'), f.id);
    assert.ok(f.sources.every((s) => s in SOURCES), f.id);
    const [from, to] = f.triggeringValues;
    // both sentences hold the two values they are built on
    for (const text of [f.plainText, f.clinicalText]) assert.ok(text.includes(`${from!.value} ${from!.unit}`) && text.includes(`${to!.value} ${to!.unit}`), text);
    assert.match(f.plainText, /^Your .* went (up|down) from .* in minute 1 to .* in minute 12 of your run\.$/);
  }
});

test('the same form at every window: no real change anywhere and no finding', () => {
  const d = driftOf([windowAt(1, {}, 4), windowAt(10, {}, 5), windowAt(20, {}, 6)]);
  assert.deepEqual(d.findings, []);
  const real = d.measures.filter((m) => m.change.verdict === 'increased' || m.change.verdict === 'decreased');
  assert.deepEqual(real.map((m) => `${m.measureId} ${m.side}: ${m.change.text}`), []);
  assert.ok(d.measures.some((m) => m.change.verdict === 'no-real-change'));
});

test('a change away from fatigue is shown as a change but is not a finding', () => {
  const d = driftOf([windowAt(1, { cadenceSpm: 160 }, 7), windowAt(12, { cadenceSpm: 176 }, 8)]);
  const cadence = driftFor(d, 'cadenceSpm', null);
  assert.equal(cadence.change.verdict, 'increased');
  assert.equal(cadence.change.towardFatigue, false);
  assert.equal(d.findings.filter((f) => f.id === 'drift.cadenceSpm').length, 0);
});

test('rear view: pelvic drop that grows on one side is a finding, and so is the growing difference between the legs', () => {
  const early = windowAt(1, { view: 'rear', pelvicDropDeg: { left: 4, right: 4 } }, 9);
  const late = windowAt(12, { view: 'rear', pelvicDropDeg: { left: 4, right: 10 } }, 10);
  const d = driftOf([early, late]);
  const grown = (['left', 'right'] as const).filter((side) => driftFor(d, 'pelvicDropDeg', side).change.verdict === 'increased');
  assert.equal(grown.length, 1, d.measures.filter((m) => m.measureId === 'pelvicDropDeg').map((m) => m.change.text).join(' | '));
  const f = d.findings.find((x) => x.id === 'drift.pelvicDropDeg');
  assert.ok(f, d.findings.map((x) => x.id).join(', '));
  assert.equal(f.side, grown[0]);
  assert.ok(f.sources.includes('bramah2018') && f.sources.includes('gaitlensChangeRule'));
  const asym = d.asymmetry.find((a) => a.measureId === 'pelvicDropDeg')!;
  assert.equal(asym.change.verdict, 'increased', asym.change.text);
  assert.ok(d.findings.some((x) => x.id === 'drift.pelvicDropDeg.asymmetry'));
  // side-view measures cannot be followed in rear-view windows
  assert.equal(driftFor(d, 'kneeFlexionAtIcDeg', 'left').points.length, 0);
  assert.equal(driftFor(d, 'kneeFlexionAtIcDeg', 'left').change.verdict, 'cannot-compare');
});

test('a side-view angle within one run is judged against the within-day error of 2D angles, not the between-day one', () => {
  const bent: GaitCurves = { ...RUNNING_CURVES, kneeFlexionDeg: { stance: [[0, 24], [0.4, 48], [1, 22]], swing: [[0.45, 100], [0.97, 24]] } };
  const d = driftOf([windowAt(1, {}, 11), windowAt(12, { curves: bent }, 12)]);
  const knee = driftFor(d, 'kneeFlexionAtIcDeg', 'right');
  assert.ok(knee.change.error! >= DAMSTED_WITHIN_DAY_DEG, knee.change.text);
  assert.ok(knee.change.sources.includes('damsted'));
  assert.ok(Math.abs(knee.change.difference!) > 0, knee.change.text);
});

test('one window only: every measure says why it cannot be compared', () => {
  const d = driftOf([windowAt(1, {}, 13)]);
  assert.deepEqual(d.findings, []);
  const cadence = driftFor(d, 'cadenceSpm', null);
  assert.equal(cadence.change.verdict, 'cannot-compare');
  assert.match(cadence.change.text, /only one window measured it/);
});

test('while a side view has not established which leg is which, every sentence says near and far leg, never left or right', () => {
  const unconfirmed = (w: RunWindowInput): RunWindowInput => ({ ...w, sidesKnown: false });
  const d = driftOf([unconfirmed(windowAt(1, { cadenceSpm: 172, contactTimeMs: 240 }, 14)), unconfirmed(windowAt(12, { cadenceSpm: 156, contactTimeMs: 295 }, 15))]);
  const texts = [...d.measures, ...d.asymmetry].map((m) => m.change.text).concat(d.findings.flatMap((f) => [f.plainText, f.clinicalText]));
  assert.ok(texts.some((t) => /\bnear\b/.test(t)) && texts.some((t) => /\bfar\b/.test(t)));
  for (const t of texts) assert.doesNotMatch(t, /\b(left|right)\b/i, t);
});
