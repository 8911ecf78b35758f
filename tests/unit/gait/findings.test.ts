import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseTrack } from '../../../shared/gait/analyse.ts';
import { RULES, THRESHOLDS, evaluateFindings, legNames } from '../../../shared/gait/findings.ts';
import { symmetryOf } from '../../../shared/gait/symmetry.ts';
import { SOURCES } from '../../../shared/gait/references.ts';
import type { GaitAnalysis } from '../../../shared/gait/types.ts';
import { OVERSTRIDE_CURVES, RUNNING_CURVES } from '../../support/synthetic/curves.ts';
import type { GaitCurves } from '../../support/synthetic/curves.ts';
import { generateTrack, runningSpec } from '../../support/synthetic/generator.ts';
import type { SyntheticSpec } from '../../support/synthetic/generator.ts';

const run = (spec: Partial<SyntheticSpec>, options = {}) => analyseTrack(generateTrack(runningSpec({ fps: 60, ...spec })).track, options);
const ids = (a: GaitAnalysis) => a.findings.map((f) => f.id);

function assertWellFormed(a: GaitAnalysis) {
  for (const f of a.findings) {
    assert.ok(f.sources.length > 0, `${f.id} names a source`);
    for (const s of f.sources) assert.ok(s in SOURCES, `${f.id}: unknown source ${s}`);
    for (const r of f.referenceValues) for (const s of r.sources) assert.ok(s in SOURCES);
    assert.ok(f.triggeringValues.length > 0, `${f.id} has triggering values`);
    assert.ok(f.plainText.length > 20 && f.clinicalText.length > 20);
    assert.ok(f.confidence >= 0 && f.confidence <= 1);
  }
}

test('a typical runner raises no findings', () => {
  const a = run({}, { calibration: { kind: 'height', heightCm: 178 } });
  assert.deepEqual(ids(a), []);
});

test('overstriding: raised on both sides from the three measures together, with references and sources', () => {
  const a = run({ curves: OVERSTRIDE_CURVES });
  const over = a.findings.filter((f) => f.id === 'overstriding');
  assert.deepEqual(over.map((f) => f.side).sort(), ['left', 'right']);
  for (const f of over) {
    assert.deepEqual(f.triggeringValues.map((t) => t.measureId), ['kneeFlexionAtIcDeg', 'shankAngleAtIcDeg', 'footAheadOfHipAtIcPctLeg']);
    assert.ok(f.triggeringValues[0]!.value < THRESHOLDS.straightKneeAtIcDeg.value);
    assert.match(f.clinicalText, /no single validated/i);
    assert.ok(f.sources.includes('heiderscheit2011') && f.sources.includes('lieberman2015'));
  }
  assertWellFormed(a);
});

test('slow motion with a wrong capture rate: "check the capture frame rate" instead of an overstriding verdict; right once confirmed', () => {
  const spec = { fps: 240, claimedCaptureFps: 30, durationS: 4, curves: OVERSTRIDE_CURVES };
  const wrong = run(spec);
  assert.deepEqual(ids(wrong), ['check-capture-rate']);
  assert.ok(wrong.metrics.cadenceSpm.mean! < 30);
  assert.ok(wrong.findingsNotEvaluated.some((n) => n.ruleId === 'overstriding' && /capture frame rate/.test(n.reason)));
  const fixed = run(spec, { captureFps: 240 });
  assert.equal(fixed.input.captureFpsOrigin, 'override');
  assert.ok(Math.abs(fixed.metrics.cadenceSpm.mean! - 170) < 0.5);
  const honest = run({ ...spec, claimedCaptureFps: 240 });
  assert.equal(fixed.metrics.perSide.right.contactTimeMs.mean, honest.metrics.perSide.right.contactTimeMs.mean);
  assert.ok(!ids(fixed).includes('check-capture-rate'));
  assert.ok(ids(fixed).includes('overstriding'));
  assertWellFormed(wrong);
});

test('slow motion holding under two strides: the feet\'s cycle still raises "check the capture frame rate"', () => {
  for (const durationS of [0.65, 0.8]) {
    const spec = { fps: 240, claimedCaptureFps: 30, durationS };
    const wrong = run(spec);
    assert.equal(wrong.gait.kind, 'unknown', 'no complete stride');
    assert.deepEqual(ids(wrong), ['check-capture-rate']);
    const f = wrong.findings[0]!;
    assert.ok(Math.abs(f.triggeringValues[0]!.value - 170 / 8) < 1, `cycle cadence ${f.triggeringValues[0]!.value}`);
    assert.match(f.plainText, /cycle/);
    assertWellFormed(wrong);
    assert.deepEqual(ids(run(spec, { captureFps: 240 })), []);
  }
  // 1.05 s: the last landing falls 14 frames before the end, enough to see the foot carried back
  const longer = run({ fps: 240, claimedCaptureFps: 30, durationS: 1.05, startPhase: 0.6 }, { captureFps: 240 });
  assert.ok(Math.abs(longer.metrics.cadenceSpm.mean! - 170) < 1, `cadence ${longer.metrics.cadenceSpm.mean}`);
});

test('low cadence with the +5-10% cue', () => {
  const a = run({ cadenceSpm: 150 });
  const f = a.findings.find((x) => x.id === 'low-cadence');
  assert.ok(f);
  assert.match(f.plainText, /158-165/);
  assert.ok(f.sources.includes('heiderscheit2011'));
});

test('asymmetry: size given, with the caveat that it does not predict injury', () => {
  const rightCurves: GaitCurves = { ...RUNNING_CURVES, kneeFlexionDeg: { stance: [[0, 10], [0.4, 44], [1, 22]], swing: [[0.45, 100], [0.88, 6]] } };
  const a = run({ fps: 120, rightCurves });
  const f = a.findings.filter((x) => x.id === 'asymmetry');
  assert.ok(f.some((x) => x.triggeringValues[0]!.measureId === 'kneeFlexionAtIcDeg'));
  for (const x of f) {
    assert.match(x.plainText, /not a diagnosis/);
    assert.ok(x.sources.includes('malisoux2024'));
  }
  assertWellFormed(a);
});

test('rear view: pelvic drop and crossover', () => {
  const drop = run({ view: 'rear', pelvicDropDeg: { left: 8, right: 2 } });
  const pd = drop.findings.filter((f) => f.id === 'pelvic-drop');
  assert.deepEqual(pd.map((f) => f.side), ['left']);
  assert.ok(pd[0]!.sources.includes('bramah2018'));
  const crossing: GaitCurves = { ...RUNNING_CURVES, hipAdductionDeg: { stance: [[0, 11], [0.45, 14], [1, 7]], swing: [[0.5, 4], [0.9, 10]] } };
  const cross = run({ view: 'rear', curves: crossing });
  assert.deepEqual(cross.findings.filter((f) => f.id === 'crossover').map((f) => f.side).sort(), ['left', 'right']);
  assertWellFormed(cross);
  assert.ok(drop.findingsNotEvaluated.some((n) => n.ruleId === 'overstriding' && n.reason === 'Needs a side view.'));
});

test('forward trunk lean and vertical oscillation (needs calibration)', () => {
  const lean = run({ trunkLeanDeg: 12 });
  assert.ok(ids(lean).includes('trunk-lean'));
  const bouncy = generateTrack(runningSpec({ fps: 60, curves: OVERSTRIDE_CURVES, cadenceSpm: 165 }));
  const uncal = analyseTrack(bouncy.track);
  assert.ok(!ids(uncal).includes('vertical-oscillation'));
  assert.ok(uncal.findingsNotEvaluated.some((n) => n.ruleId === 'vertical-oscillation' && /calibration/.test(n.reason)));
  const cal = analyseTrack(bouncy.track, { calibration: { kind: 'height', heightCm: 178 } });
  assert.ok(ids(cal).includes('vertical-oscillation'), `VO ${cal.metrics.perSide.right.verticalOscillationCm.mean}`);
});

test('walking: flagged, running findings not evaluated', () => {
  const a = run({ gait: 'walking', cadenceSpm: 110, contactTimeMs: 650 });
  assert.deepEqual(ids(a), ['walking-gait']);
  assert.ok(a.findingsNotEvaluated.some((n) => n.ruleId === 'low-cadence'));
});

test('every rule and threshold names known sources', () => {
  for (const r of RULES) for (const s of r.sources) assert.ok(s in SOURCES, `${r.id}: ${s}`);
  for (const t of Object.values(THRESHOLDS)) for (const s of t.sources) assert.ok(s in SOURCES);
});

test('an asymmetry within the stride-to-stride spread (the far leg\'s noisy values) is shown but flagged as possible noise, with low confidence', () => {
  const a = run({}, { calibration: { kind: 'height', heightCm: 178 } });
  const knee = (side: 'left' | 'right', mean: number, sd: number, n: number) => ({ ...a.metrics.perSide[side].kneeFlexionAtIcDeg, mean, sd, n, confidence: 0.8 });
  const ctx = (sd: number, n: number, right = 15) => {
    const perSide = {
      left: { ...a.metrics.perSide.left, kneeFlexionAtIcDeg: knee('left', 20, sd, n) },
      right: { ...a.metrics.perSide.right, kneeFlexionAtIcDeg: knee('right', right, sd, n) },
    };
    return { view: 'sagittal' as const, gait: 'running' as const, dutyFactorPct: 35, calibrated: true, cadenceSpm: a.metrics.cadenceSpm, cycleCadenceSpm: null, feetLost: false, farSide: 'left' as const, names: legNames('right', true), trunkLeanDeg: a.metrics.trunkLeanDeg, perSide, symmetry: symmetryOf(['kneeFlexionAtIcDeg'], perSide.left, perSide.right) };
  };
  const noisy = evaluateFindings(ctx(8, 4)).findings.find((f) => f.id === 'asymmetry')!;
  assert.ok(noisy, 'still shown');
  assert.equal(noisy.level, 'low');
  assert.match(noisy.plainText, /measurement noise.*left \(far/);
  // 15 deg apart: beyond the spread and beyond the two values' event-timing errors at 60 fps (4.5 and 6.0 deg here)
  const clear = evaluateFindings(ctx(1, 8, 5)).findings.find((f) => f.id === 'asymmetry')!;
  assert.ok(clear.confidence > 0.3 && !/noise/.test(clear.plainText), clear.plainText);
});

test('an asymmetry within the two values\' event-timing errors (as on the 60 fps clip, whose near foot\'s contacts came 2 frames late) is shown but flagged, with low confidence', () => {
  const a = run({}, { calibration: { kind: 'height', heightCm: 178 } });
  const contact = (side: 'left' | 'right', mean: number) => {
    const m = a.metrics.perSide[side].contactTimeMs;
    assert.equal(m.error!.timing, 33, 'contact time takes the event timing error whole: 33 ms at 60 fps');
    return { ...m, mean, sd: 1, n: 8, confidence: 0.8 };
  };
  const ctx = (left: number, right: number) => {
    const perSide = {
      left: { ...a.metrics.perSide.left, contactTimeMs: contact('left', left) },
      right: { ...a.metrics.perSide.right, contactTimeMs: contact('right', right) },
    };
    return { view: 'sagittal' as const, gait: 'running' as const, dutyFactorPct: 35, calibrated: true, cadenceSpm: a.metrics.cadenceSpm, cycleCadenceSpm: null, feetLost: false, farSide: 'left' as const, names: legNames('right', true), trunkLeanDeg: a.metrics.trunkLeanDeg, perSide, symmetry: symmetryOf(['contactTimeMs'], perSide.left, perSide.right) };
  };
  // 40 ms apart (SI 17%): over the 10% cut-off, within 33 and 33 ms combined (46.7 ms)
  const within = evaluateFindings(ctx(260, 220)).findings.find((f) => f.id === 'asymmetry')!;
  assert.ok(within, 'still shown');
  assert.equal(within.level, 'low');
  assert.match(within.plainText, /within the two values' event-timing errors combined \(47 ms at this video's frame rate\): it may be measurement noise/);
  assert.match(within.clinicalText, /event-timing errors combined/);
  // 60 ms apart: beyond them
  const beyond = evaluateFindings(ctx(270, 210)).findings.find((f) => f.id === 'asymmetry')!;
  assert.ok(beyond.confidence > 0.3 && !/noise/.test(beyond.plainText), beyond.plainText);
});

test('while a side view\'s left and right are unconfirmed, every finding names the near and the far leg and never left or right', () => {
  const rightCurves = { ...RUNNING_CURVES, kneeFlexionDeg: { stance: [[0, 4], [0.4, 44], [1, 22]], swing: [[0.45, 100], [0.97, 2]] } } as GaitCurves;
  // a far camera and a far leg as visible as the near one: the image cues cannot tell, so the sides stay unconfirmed
  const spec = runningSpec({ fps: 60, view: 'sagittal-right', curves: OVERSTRIDE_CURVES, rightCurves, cameraDistanceM: 30, noise: { seed: 5, jitterPx: 1, farVisibility: 0.97 } });
  const { track } = generateTrack(spec);
  const unconfirmed = analyseTrack(track, { calibration: { kind: 'height', heightCm: 178 } });
  assert.equal(unconfirmed.identity.sides, 'unconfirmed');
  assert.ok(unconfirmed.findings.length >= 2, `findings: ${unconfirmed.findings.map((f) => f.title).join('; ')}`);
  for (const f of unconfirmed.findings) {
    for (const text of [f.title, f.plainText, f.clinicalText]) assert.doesNotMatch(text, /\b(left|right)\b/i, `${f.id}: ${text}`);
  }
  assert.ok(unconfirmed.findings.some((f) => /\b(near|far)\b/i.test(f.title + f.plainText)), 'named near or far');
  const confirmed = analyseTrack(track, { calibration: { kind: 'height', heightCm: 178 }, legsConfirmed: { exchanged: false } });
  assert.ok(confirmed.findings.some((f) => /\b(left|right)\b/i.test(f.title + f.plainText)), 'named left or right once confirmed');
  for (const f of confirmed.findings) assert.doesNotMatch(f.title + f.plainText, /\b(near|far) (leg|foot)\b/i, `${f.id} after the answer`);
});
