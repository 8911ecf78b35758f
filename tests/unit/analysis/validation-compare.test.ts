import { test } from 'node:test';
import assert from 'node:assert/strict';
import { annotatedCadenceSpm, annotatedContactMs, compareKind, contactErrorsMs, dutyFactorErrorsPct, nearLabelOf, stanceLabelFromFeet, summariseErrors, truthOnCopy, type Annotation } from '../../../scripts/validation/compare.ts';

const annotation: Annotation = {
  video: 'clip.mp4',
  frames: 200,
  annotatedFrames: { first: 0, last: 120 },
  captureFps: 240,
  feet: [
    { id: 'A', side: 'left', camera: 'far', ic: [{ frame: 10, plusMinus: 2 }, { frame: 90, plusMinus: 2 }], to: [{ frame: 45, plusMinus: 2 }] },
    { id: 'B', side: 'right', camera: 'near', ic: [{ frame: 50, plusMinus: 2 }], to: [{ frame: 5, plusMinus: 2 }, { frame: 85, plusMinus: 2 }] },
  ],
};

test('an annotated frame maps onto a subsampled copy by the definitions: IC the first kept frame at or after it, TO the last at or before', () => {
  assert.equal(truthOnCopy('IC', 27, 8), 4);
  assert.equal(truthOnCopy('TO', 27, 8), 3);
  assert.equal(truthOnCopy('IC', 24, 8), 3);
  assert.equal(truthOnCopy('IC', 27, 1), 27);
});

test('events match the nearest detected event of their kind whatever its side label; unmatched annotated ones are missed, unmatched detected ones in range are extra', () => {
  const detected = [
    { side: 'right' as const, type: 'IC' as const, frame: 12 },
    { side: 'right' as const, type: 'IC' as const, frame: 53 },
    { side: 'left' as const, type: 'IC' as const, frame: 70 },
    { side: 'left' as const, type: 'IC' as const, frame: 150 },
    { side: 'left' as const, type: 'TO' as const, frame: 44 },
  ];
  const ic = compareKind(annotation, detected, 'IC', 1, 10);
  assert.deepEqual(ic.matches.map((m) => m.errorFrames), [2, null, 3]);
  assert.equal(ic.missed, 1);
  // 70 matches nothing and is inside the annotated range; 150 is outside it
  assert.deepEqual(ic.extra.map((e) => e.frame), [70]);
  const s = summariseErrors(ic);
  assert.equal(s.medianAbsFrames, 2.5);
  assert.equal(s.meanSignedFrames, 2.5);
  const to = compareKind(annotation, detected, 'TO', 1, 10);
  assert.deepEqual(to.matches.map((m) => m.errorFrames), [-1, null, null]);
  // contact of foot A's first stance: detected 44 - 12 = 32 frames against 45 - 10 = 35
  assert.deepEqual(contactErrorsMs(ic, to, annotation, 1, 240), [(-3 * 1000) / 240]);
});

test('a detected event is used for one annotated event only, nearest pair first', () => {
  const ic = compareKind(annotation, [{ side: 'left', type: 'IC', frame: 51 }], 'IC', 1, 60);
  assert.deepEqual(ic.matches.map((m) => m.errorFrames), [null, null, 1]);
});

test('annotated cadence counts the steps between the first and last IC of either foot', () => {
  // ICs at 10, 50, 90: 2 steps over 80 frames at 240 fps = 360 steps/min
  assert.ok(Math.abs(annotatedCadenceSpm(annotation)! - 360) < 1e-9);
});

test('duty factor error per annotated stride whose IC, TO and next IC were all matched', () => {
  const detected = [
    { side: 'left' as const, type: 'IC' as const, frame: 12 },
    { side: 'left' as const, type: 'TO' as const, frame: 44 },
    { side: 'left' as const, type: 'IC' as const, frame: 92 },
  ];
  const ic = compareKind(annotation, detected, 'IC', 1, 10);
  const to = compareKind(annotation, detected, 'TO', 1, 10);
  // foot A: annotated 35 / 80 frames = 43.75%; detected 32 / 80 = 40%
  const errors = dutyFactorErrorsPct(ic, to, annotation, 1);
  assert.equal(errors.length, 1);
  assert.ok(Math.abs(errors[0]! - (40 - 43.75)) < 1e-9);
});

test('near leg at a crossing: the stance leg (the lower foot) when it is drawn in front, the other when the swing leg is', () => {
  assert.equal(stanceLabelFromFeet(1300, 1200, 10), 'left');
  assert.equal(stanceLabelFromFeet(1200, 1300, 10), 'right');
  assert.equal(stanceLabelFromFeet(1300, 1295, 10), null, 'both feet down');
  assert.equal(stanceLabelFromFeet(Number.NaN, 1300, 10), null);
  assert.equal(nearLabelOf('left', 'stance'), 'left');
  assert.equal(nearLabelOf('left', 'swing'), 'right');
  assert.equal(nearLabelOf(null, 'swing'), null);
});

test('the annotated contact time of a side: the mean of its stances (IC to its next TO, each half a frame out, as the app times them) in ms at the capture rate; none for an unknown side or no stance', () => {
  // A: 10 -> 45 (35 frames apart: on the ground from half way between 9 and 10 to half way between 45 and 46); 90 has no TO after it. B: 50 -> 85
  assert.equal(annotatedContactMs(annotation, 'left'), (36 * 1000) / 240);
  assert.equal(annotatedContactMs(annotation, 'right'), (36 * 1000) / 240);
  assert.equal(annotatedContactMs({ ...annotation, feet: [{ ...annotation.feet[0]!, to: [] }] }, 'left'), null);
  assert.equal(annotatedContactMs({ ...annotation, feet: [annotation.feet[0]!] }, 'right'), null);
});
