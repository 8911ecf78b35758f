import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseTrack } from '../../../shared/gait/analyse.ts';
import type { GaitEvent } from '../../../shared/gait/types.ts';
import {
  addEvent,
  addSwapStretch,
  deleteEvent,
  moveEvent,
  removeSwapStretch,
  setCalibration,
  setCaptureFps,
  setStrideExcluded,
  setView,
} from '../../../renderer/src/review/corrections.ts';
import { generateTrack, runningSpec } from '../../support/synthetic/generator.ts';

const { track } = generateTrack(runningSpec({ fps: 60, durationS: 5 }));
const base = analyseTrack(track);

test('moving a toe-off later lengthens that foot\'s contact time; moving it back restores the options', () => {
  const to = base.events.find((e) => e.side === 'right' && e.type === 'TO' && e.frame > 60)!;
  const moved = moveEvent({}, to, to.frame + 6);
  assert.deepEqual(moved.eventEdits, { add: [{ side: 'right', type: 'TO', frame: to.frame + 6 }], remove: [{ side: 'right', type: 'TO', frame: to.frame }] });
  const after = analyseTrack(track, moved);
  const before = base.metrics.perSide.right.contactTimeMs.mean!;
  assert.ok(after.metrics.perSide.right.contactTimeMs.mean! > before, 'contact time grows');
  const edited = after.events.find((e) => e.side === 'right' && e.type === 'TO' && e.frame === to.frame + 6)!;
  assert.equal(edited.origin, 'edited');
  const back = moveEvent(moved, edited, to.frame);
  assert.deepEqual(back, {}, 'an added event moved back onto the removed one cancels both');
});

test('deleting an added event drops the addition; deleting a detected one records its removal', () => {
  const added = addEvent({}, { side: 'left', type: 'IC', frame: 42 });
  const addedEvent: GaitEvent = { side: 'left', type: 'IC', frame: 42, tMs: 700, origin: 'edited' };
  assert.deepEqual(deleteEvent(added, addedEvent), {});
  const ic = base.events.find((e) => e.type === 'IC')!;
  const removed = deleteEvent({}, ic);
  assert.deepEqual(removed.eventEdits?.remove, [{ side: ic.side, type: 'IC', frame: ic.frame }]);
  assert.equal(analyseTrack(track, removed).events.some((e) => e.side === ic.side && e.type === 'IC' && e.frame === ic.frame), false);
  assert.deepEqual(deleteEvent(removed, ic), removed, 'removing twice changes nothing');
});

test('strides are excluded and included again; swaps, view, calibration and capture rate set and clear', () => {
  const stride = base.strides[0]!;
  const excluded = setStrideExcluded({}, stride.side, stride.icFrame, true);
  assert.equal(analyseTrack(track, excluded).strides.find((s) => s.icFrame === stride.icFrame && s.side === stride.side)?.excluded, true);
  assert.deepEqual(setStrideExcluded(excluded, stride.side, stride.icFrame, false), {});

  const swapped = addSwapStretch({}, { startFrame: 80, endFrame: 50 });
  assert.deepEqual(swapped.swapStretches, [{ startFrame: 50, endFrame: 80 }], 'the frames come in order');
  assert.equal(analyseTrack(track, swapped).identity.framesChangedManual, 31);
  assert.deepEqual(removeSwapStretch(swapped, 0), {});

  const view = setView({}, { kind: 'frontal', side: 'rear' });
  assert.equal(analyseTrack(track, view).view.origin, 'override');
  assert.deepEqual(setView(view, null), {});
  assert.deepEqual(setCalibration(setCalibration({}, { kind: 'height', heightCm: 170 }), null), {});
  const slow = setCaptureFps({}, 240);
  assert.equal(analyseTrack(track, slow).input.captureFps, 240);
  assert.deepEqual(setCaptureFps(slow, null), {});
});
