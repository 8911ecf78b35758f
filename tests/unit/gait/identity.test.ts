import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseTrack } from '../../../shared/gait/analyse.ts';
import { extractBody } from '../../../shared/gait/body.ts';
import { applyLegSwap, detectLegSwaps, maskToStretches, stretchesToMask } from '../../../shared/gait/identity.ts';
import { RUNNING_CURVES, type GaitCurves } from '../../support/synthetic/curves.ts';
import { generateTrack, runningSpec } from '../../support/synthetic/generator.ts';
import { addShankPixels } from '../../support/synthetic/shank-picture.ts';
import { OCCLUSION, swapShankPixels, wilsonLowerBound } from '../../../shared/gait/near-far.ts';
import { rmse } from '../../support/synthetic/compare.ts';

/** Swapped stretches at 120 fps: one stride, two frames, a stride and a half; halved at 60 fps. */
const swapsAt = (fps: number) =>
  [
    { startFrame: 100, endFrame: 184 },
    { startFrame: 300, endFrame: 303 },
    { startFrame: 500, endFrame: 626 },
  ].map((s) => ({ startFrame: Math.round((s.startFrame * fps) / 120), endFrame: Math.round((s.endFrame * fps) / 120) }));
const framesIn = (swaps: { startFrame: number; endFrame: number }[]) => swaps.reduce((s, w) => s + w.endFrame - w.startFrame + 1, 0);

for (const fps of [60, 120]) {
  test(`leg swaps are detected and fixed (${fps} fps, jitter 1.5 px)`, () => {
    const swaps = swapsAt(fps);
    const swappedFrames = framesIn(swaps);
    const spec = runningSpec({ fps, noise: { seed: 4, jitterPx: 1.5 }, swaps });
    const { track, truth } = generateTrack(spec);
    const a = analyseTrack(track);
    assert.ok(Math.abs(a.identity.framesChangedAuto - swappedFrames) <= 3, `changed ${a.identity.framesChangedAuto} of ${swappedFrames}`);
    for (const s of swaps) {
      assert.ok(a.identity.autoStretches.some((x) => Math.abs(x.startFrame - s.startFrame) <= 2 && Math.abs(x.endFrame - s.endFrame) <= 2), `stretch ${s.startFrame}-${s.endFrame}`);
    }
    const fixed = rmse(a.angles.kneeFlexionDeg.right, truth.kneeFlexionDeg.right).rmse;
    const unfixed = analyseTrack(track, { autoSwapFix: false });
    const broken = rmse(unfixed.angles.kneeFlexionDeg.right, truth.kneeFlexionDeg.right).rmse;
    assert.ok(fixed < 2, `knee RMSE after fix ${fixed.toFixed(2)}`);
    assert.ok(broken > 3 * fixed, `without the fix ${broken.toFixed(2)}`);
  });
}

test('no swaps in a clean track: nothing changed', () => {
  const { track } = generateTrack(runningSpec({ fps: 60, noise: { seed: 9, jitterPx: 2, outlierRate: 0.005 } }));
  assert.equal(analyseTrack(track).identity.framesChangedAuto, 0);
});

test('far leg collapsing onto the near leg in single frames (occlusion) is not taken for a swap', () => {
  for (const fps of [30, 60]) {
    const { track, truth } = generateTrack(runningSpec({ fps, noise: { seed: 11, jitterPx: 2, farCollapseRate: 0.04 } }));
    const a = analyseTrack(track);
    assert.ok(a.identity.framesChangedAuto <= 0.02 * track.frames.length, `${fps} fps: changed ${a.identity.framesChangedAuto} frames`);
    assert.ok(Math.abs(a.metrics.cadenceSpm.mean! - truth.cadenceSpm) < 2, `${fps} fps: cadence ${a.metrics.cadenceSpm.mean}`);
  }
});

test('a glitch (one swapped frame, then one with the legs merged) is not taken for a long swap', () => {
  for (const fps of [30, 60]) {
    const glitchFrames = [0.2, 1.37, 2.61, 3.08, 4.55, 5.9, 7.02].map((s) => Math.round(s * fps));
    const { track, truth } = generateTrack(runningSpec({ fps, noise: { seed: 12, jitterPx: 2, glitchFrames } }));
    const a = analyseTrack(track);
    assert.ok(a.identity.framesChangedAuto <= glitchFrames.length, `${fps} fps: changed ${a.identity.framesChangedAuto} frames`);
    assert.ok(Math.abs(a.metrics.cadenceSpm.mean! - truth.cadenceSpm) < 1, `${fps} fps: cadence ${a.metrics.cadenceSpm.mean}`);
  }
});

test('a glitch lasting several frames at 240 fps (legs exchanged and merged by turns) is not taken for a long swap', () => {
  // as the heavy model drew the slow-motion clip's legs in frames 343-346 at 240 fps, a sound frame between glitches
  const fps = 240;
  const glitchFrames = [0.3, 1.37, 2.61, 3.08, 4.55].flatMap((s) => [Math.round(s * fps), Math.round(s * fps) + 2]);
  const { track, truth } = generateTrack(runningSpec({ fps, durationS: 5, noise: { seed: 13, jitterPx: 1, glitchFrames } }));
  const a = analyseTrack(track);
  // each glitch run is the frames k to k + 3 (exchanged, merged, exchanged, merged): exchanging its labels back is right, past it wrong
  const inGlitch = (s: { startFrame: number; endFrame: number }) => glitchFrames.some((k) => s.startFrame >= k && s.endFrame <= k + 3);
  assert.ok(a.identity.autoStretches.every(inGlitch), `exchanged ${JSON.stringify(a.identity.autoStretches)}`);
  assert.ok(Math.abs(a.metrics.cadenceSpm.mean! - truth.cadenceSpm) < 1, `cadence ${a.metrics.cadenceSpm.mean} against ${truth.cadenceSpm}`);
});

test('manual swap stretches are applied after the automatic fix and reported', () => {
  const { track, truth } = generateTrack(runningSpec({ fps: 60, durationS: 4 }));
  const manual = analyseTrack(track, { swapStretches: [{ startFrame: 50, endFrame: 59 }] });
  assert.equal(manual.identity.framesChangedManual, 10);
  assert.ok(Math.abs(manual.angles.kneeFlexionDeg.right[55]! - truth.kneeFlexionDeg.left[55]!) < 2, 'the stretch now carries the other leg');
  // undoing an automatic fix by hand: swap the track, let auto fix it, then swap the same stretch back
  const swapped = generateTrack(runningSpec({ fps: 60, durationS: 4, swaps: [{ startFrame: 100, endFrame: 120 }] }));
  const undone = analyseTrack(swapped.track, { swapStretches: [{ startFrame: 100, endFrame: 120 }] });
  assert.ok(Math.abs(undone.angles.kneeFlexionDeg.right[110]! - swapped.truth.kneeFlexionDeg.left[110]!) < 2);
});

test('mask and stretches convert both ways; applyLegSwap exchanges the legs only in the mask', () => {
  const frames = [10, 11, 12, 13, 14, 15];
  const mask = stretchesToMask([{ startFrame: 11, endFrame: 12 }, { startFrame: 14, endFrame: 14 }], frames);
  assert.deepEqual(mask, [false, true, true, false, true, false]);
  assert.deepEqual(maskToStretches(mask, frames), [{ startFrame: 11, endFrame: 12 }, { startFrame: 14, endFrame: 14 }]);
  const { track } = generateTrack(runningSpec({ fps: 60, durationS: 0.1 }));
  const body = extractBody(track);
  const swapped = applyLegSwap(body, mask);
  assert.equal(swapped.left.knee.x[1], body.right.knee.x[1]);
  assert.equal(swapped.left.knee.x[0], body.left.knee.x[0]);
  assert.equal(swapped.left.shoulder.x[1], body.left.shoulder.x[1], 'shoulders are not leg landmarks');
  const redo = detectLegSwaps(swapped, 80, frames, 60);
  assert.equal(redo.swapped.length, body.n);
});

test('a stretch without any pose (runner out of view) does not swap the frames before it', () => {
  for (const [fps, gapStartS, jitterPx] of [[30, 1.5, 0], [60, 1.5, 0], [60, 100 / 60, 0], [60, 100 / 60, 1.5], [120, 2.2, 1.5]] as const) {
    const { track } = generateTrack(runningSpec({ fps, durationS: 4, noise: { seed: 3, jitterPx } }));
    const gapStart = Math.round(gapStartS * fps);
    const gapped = { ...track, frames: track.frames.map((f, k) => (k >= gapStart && k < gapStart + 20 ? { ...f, landmarks: null, world: null } : f)) };
    const a = analyseTrack(gapped);
    assert.deepEqual(a.identity.autoStretches, [], `${fps} fps, gap at ${gapStart}: ${JSON.stringify(a.identity.autoStretches)}`);
  }
});

test('labels exchanged for the whole clip (the model calling the near leg left in a runner facing right) are exchanged back from the image cues', () => {
  // the right leg lands with the knee bent 10 deg at contact, the left 18: which leg reads 10 tells whether the labels were put back
  const rightCurves = { ...RUNNING_CURVES, kneeFlexionDeg: { stance: [[0, 10], [0.4, 44], [1, 22]], swing: [[0.45, 100], [0.97, 6]] } } as GaitCurves;
  for (const view of ['sagittal-right', 'sagittal-left'] as const) {
    const spec = runningSpec({ fps: 60, view, rightCurves, noise: { seed: 3, jitterPx: 2 } });
    const asLabelled = analyseTrack(generateTrack(spec).track);
    const exchanged = analyseTrack(generateTrack({ ...spec, swaps: [{ startFrame: 0, endFrame: 1_000_000 }] }).track);
    assert.equal(asLabelled.identity.nearFar?.exchanged, false, `${view}: labels as given are kept`);
    assert.equal(exchanged.identity.nearFar?.exchanged, true, `${view}: exchanged labels are put back (confidence ${exchanged.identity.nearFar?.confidence.toFixed(2)})`);
    for (const side of ['left', 'right'] as const) {
      const expected = asLabelled.metrics.perSide[side].kneeFlexionAtIcDeg.mean!;
      const got = exchanged.metrics.perSide[side].kneeFlexionAtIcDeg.mean!;
      assert.ok(Math.abs(got - expected) < 0.5, `${view} ${side} knee at IC ${got} against ${expected}`);
    }
    assert.ok(asLabelled.metrics.perSide.right.kneeFlexionAtIcDeg.mean! < asLabelled.metrics.perSide.left.kneeFlexionAtIcDeg.mean! - 4, 'the right knee is the straighter');
  }
});

test('every image cue names the label it puts near, with its numbers; a rear view has no near/far call', () => {
  const a = analyseTrack(generateTrack(runningSpec({ fps: 60, view: 'sagittal-right' })).track);
  const call = a.identity.nearFar!;
  assert.equal(call.near, 'right');
  assert.deepEqual(call.cues.map((c) => c.id), ['segmentLength', 'visibility', 'contactHeight', 'occlusion']);
  for (const c of call.cues.slice(0, 3)) {
    assert.equal(c.near, 'right', c.id);
    assert.ok(c.strength > 0 && c.strength <= 1, `${c.id} ${c.strength}`);
    assert.match(c.text, /left.*right/);
  }
  // a track without the shanks' pixels (analysed before they were read) says so, and counts nothing
  assert.deepEqual(call.cues[3], { id: 'occlusion', near: null, strength: 0, text: 'Not measured: the pixels were not read when this video was analysed (analyse it again to add it).' });
  assert.equal(analyseTrack(generateTrack(runningSpec({ fps: 60, view: 'rear' })).track).identity.nearFar, null);
});

test("the clinician's answer decides left and right for the whole clip, over the image cues, and marks the sides confirmed", () => {
  const rightCurves = { ...RUNNING_CURVES, kneeFlexionDeg: { stance: [[0, 10], [0.4, 44], [1, 22]], swing: [[0.45, 100], [0.97, 6]] } } as GaitCurves;
  const { track } = generateTrack(runningSpec({ fps: 60, view: 'sagittal-right', rightCurves, noise: { seed: 3, jitterPx: 2 } }));
  const auto = analyseTrack(track);
  assert.equal(auto.identity.sides, 'automatic', `a firm call (${auto.identity.nearFar?.confidence.toFixed(2)}) decides`);
  const kept = analyseTrack(track, { legsConfirmed: { exchanged: false } });
  const swapped = analyseTrack(track, { legsConfirmed: { exchanged: true } });
  assert.equal(kept.identity.sides, 'confirmed');
  assert.equal(swapped.identity.nearFar?.exchanged, true);
  assert.equal(kept.metrics.perSide.right.kneeFlexionAtIcDeg.mean, auto.metrics.perSide.right.kneeFlexionAtIcDeg.mean);
  // every per-side value moves to the other side
  for (const id of ['kneeFlexionAtIcDeg', 'contactTimeMs', 'shankAngleAtIcDeg'] as const) {
    assert.ok(Math.abs(swapped.metrics.perSide.left[id].mean! - auto.metrics.perSide.right[id].mean!) < 0.5, `${id}: left after the swap ${swapped.metrics.perSide.left[id].mean} against right before ${auto.metrics.perSide.right[id].mean}`);
  }
});

test('a side view whose image cues are weak and that nobody answered has unconfirmed sides; a rear view takes the labels', () => {
  // the far leg as visible and as long as the near one: the cues cannot tell
  const { track } = generateTrack(runningSpec({ fps: 60, view: 'sagittal-right', cameraDistanceM: 30, noise: { seed: 5, jitterPx: 1, farVisibility: 0.97 } }));
  const a = analyseTrack(track);
  assert.ok(a.identity.nearFar!.confidence < 0.67, `confidence ${a.identity.nearFar!.confidence.toFixed(2)}`);
  assert.equal(a.identity.sides, 'unconfirmed');
  assert.equal(analyseTrack(track, { legsConfirmed: { exchanged: false } }).identity.sides, 'confirmed');
  assert.equal(analyseTrack(generateTrack(runningSpec({ fps: 60, view: 'rear' })).track).identity.sides, 'automatic');
});

/** A runner facing right whose weak cues cannot tell the legs apart (the camera far, the far leg as visible as the near one). */
const weakCueSpec = (swaps: { startFrame: number; endFrame: number }[] = []) =>
  runningSpec({ fps: 60, view: 'sagittal-right', cameraDistanceM: 30, swaps, noise: { seed: 5, jitterPx: 1, farVisibility: 0.97 } });

test('which shank is drawn over the other where they cross decides the near leg when the other cues cannot, and puts exchanged labels back', () => {
  const colours = { near: [215, 170, 140] as [number, number, number], far: [60, 50, 45] as [number, number, number] };
  const plain = generateTrack(weakCueSpec()).track;
  const without = analyseTrack(plain);
  assert.equal(without.identity.sides, 'unconfirmed', `the weak cues alone (${without.identity.nearFar?.confidence.toFixed(2)}) ask`);
  // labels as the model gave them: the near (right) leg carries the label right
  const asGiven = analyseTrack(addShankPixels(plain, () => 'right', colours));
  const cue = asGiven.identity.nearFar!.cues.find((c) => c.id === 'occlusion')!;
  assert.equal(cue.near, 'right');
  assert.ok(cue.crossings!.read >= 8 && cue.crossings!.right === cue.crossings!.read, JSON.stringify(cue.crossings));
  assert.equal(cue.strength, 1, cue.text);
  assert.equal(asGiven.identity.sides, 'automatic');
  assert.equal(asGiven.identity.nearFar!.exchanged, false);
  // the model calling the near leg left for the whole clip: the crossings say so, and the labels are put back
  const swappedTrack = generateTrack(weakCueSpec([{ startFrame: 0, endFrame: 1_000_000 }])).track;
  const exchanged = analyseTrack(addShankPixels(swappedTrack, () => 'left', colours));
  assert.equal(exchanged.identity.nearFar!.exchanged, true, exchanged.identity.nearFar!.cues.map((c) => c.text).join(' '));
  assert.equal(exchanged.identity.sides, 'automatic');
  for (const id of ['kneeFlexionAtIcDeg', 'contactTimeMs'] as const) {
    assert.ok(Math.abs(exchanged.metrics.perSide.right[id].mean! - asGiven.metrics.perSide.right[id].mean!) < 1, `${id}: right ${exchanged.metrics.perSide.right[id].mean} against ${asGiven.metrics.perSide.right[id].mean}`);
  }
  // legs of one colour give nothing to read: the clinician is asked, as before
  const same = analyseTrack(addShankPixels(plain, () => 'right', { near: colours.near, far: colours.near }));
  assert.match(same.identity.nearFar!.cues.find((c) => c.id === 'occlusion')!.text, /No crossing of the shanks could be read/);
  assert.equal(same.identity.sides, 'unconfirmed');
});

test('the occlusion cue counts only crossings that agree beyond chance', () => {
  assert.equal(wilsonLowerBound(0, 0), 0);
  assert.ok(Math.abs(wilsonLowerBound(10, 10) - 0.7225) < 1e-3);
  assert.ok(wilsonLowerBound(3, 3) < 0.5, 'three crossings alone are not enough');
  assert.ok(wilsonLowerBound(7, 9) < 0.5, '7 of 9 could be chance');
  // a short clip with few crossings: they agree, but too few to count
  const plain = generateTrack(runningSpec({ fps: 60, durationS: 1.2, view: 'sagittal-right', cameraDistanceM: 30, noise: { seed: 5, jitterPx: 1, farVisibility: 0.97 } })).track;
  const cue = analyseTrack(addShankPixels(plain, () => 'right', { near: [215, 170, 140], far: [60, 50, 45] })).identity.nearFar!.cues.find((c) => c.id === 'occlusion')!;
  assert.ok(cue.crossings!.read >= 1 && cue.crossings!.read <= 4, JSON.stringify(cue.crossings));
  assert.equal(cue.strength, 0, cue.text);
  assert.ok(OCCLUSION.fullLowerBound > 0.5);
});

test('shank colours follow the leg labels when they are exchanged for a stretch', () => {
  const pixels = [{ kind: 'apart' as const, left: [1, 2, 3] as [number, number, number], right: [4, 5, 6] as [number, number, number] }, undefined, { kind: 'crossing' as const, pixels: [[1, 2, 3] as [number, number, number]] }];
  assert.deepEqual(swapShankPixels(pixels, [true, true, true]), [{ kind: 'apart', left: [4, 5, 6], right: [1, 2, 3] }, undefined, pixels[2]]);
  assert.deepEqual(swapShankPixels(pixels, [false, false, false]), pixels);
});
