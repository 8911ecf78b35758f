import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseTrack } from '../../../shared/gait/analyse.ts';
import { hingeFrame, localMaxima, stridePeriod, stridePeriodFrames } from '../../../shared/gait/events.ts';
import { Landmark } from '../../../shared/pose/track.ts';
import { generateTrack, runningSpec } from '../../support/synthetic/generator.ts';
import { eventErrorsFrames, percentileOf } from '../../support/synthetic/compare.ts';

for (const fps of [60, 120]) {
  // each model's toe landmark where it draws it: the full model's behind the shoe's tip, the heavy model's at it
  for (const [view, model] of [['sagittal-right', 'full'], ['sagittal-left', 'full'], ['sagittal-right', 'heavy']] as const) {
    test(`IC and TO within 1 frame, noise-free, ${fps} fps, ${view}, toe landmark as the ${model} model draws it`, () => {
      const { track, truth } = generateTrack(runningSpec({ fps, view, model }));
      const a = analyseTrack(track);
      for (const type of ['IC', 'TO'] as const) {
        const errs = eventErrorsFrames(a, truth, fps, type);
        assert.ok(errs.length >= 20, `${type}: ${errs.length} true events`);
        assert.ok(Math.max(...errs) <= 1, `${type} max error ${Math.max(...errs).toFixed(2)} frames`);
      }
      // no spurious events: as many detected as true, within the clip edges
      assert.ok(a.events.length <= truth.events.length, `${a.events.length} detected vs ${truth.events.length} true`);
    });
  }
  test(`cadence within 0.5 steps/min at ${fps} fps for 150-190 steps/min`, () => {
    for (const cadenceSpm of [150, 172, 190]) {
      const { track } = generateTrack(runningSpec({ fps, cadenceSpm, contactTimeMs: 230 }));
      const a = analyseTrack(track);
      assert.ok(a.metrics.cadenceSpm.mean !== null);
      assert.ok(Math.abs(a.metrics.cadenceSpm.mean - cadenceSpm) < 0.5, `${cadenceSpm}: got ${a.metrics.cadenceSpm.mean}`);
    }
  });
}

test('overground side view: events within 1 frame at 60 fps', () => {
  const { track, truth } = generateTrack(runningSpec({ fps: 60, surface: 'overground', durationS: 2.5, cameraDistanceM: 8 }));
  const a = analyseTrack(track);
  for (const type of ['IC', 'TO'] as const) {
    const errs = eventErrorsFrames(a, truth, 60, type);
    assert.ok(errs.length >= 5);
    assert.ok(Math.max(...errs) <= 1, `${type} max ${Math.max(...errs)}`);
  }
});

test('heel landmark above the sole (as on real tracks): IC and TO within 1 frame at 60 fps', () => {
  const { track, truth } = generateTrack(runningSpec({ fps: 60, noise: { seed: 3, heelAboveSoleCm: 4 } }));
  const a = analyseTrack(track);
  for (const type of ['IC', 'TO'] as const) {
    const errs = eventErrorsFrames(a, truth, 60, type);
    assert.ok(errs.length > 10 && Math.max(...errs) <= 1, `${type} max error ${Math.max(...errs).toFixed(2)} frames`);
  }
});

test('realistic noise (2 px jitter, outliers, dropouts): 95% of events within 35 ms, all within 45 ms', () => {
  for (const fps of [60, 120]) {
    for (const seed of [1, 2]) {
      const { track, truth } = generateTrack(runningSpec({ fps, noise: { seed, jitterPx: 2, outlierRate: 0.005, dropoutRate: 0.01 } }));
      const a = analyseTrack(track);
      for (const type of ['IC', 'TO'] as const) {
        const errsMs = eventErrorsFrames(a, truth, fps, type).map((f) => (f * 1000) / fps);
        assert.ok(percentileOf(errsMs, 95) <= 35, `${fps} fps seed ${seed} ${type} p95 ${percentileOf(errsMs, 95)} ms`);
        assert.ok(Math.max(...errsMs) <= 45, `${fps} fps seed ${seed} ${type} max ${Math.max(...errsMs)} ms`);
      }
      assert.ok(Math.abs(a.metrics.cadenceSpm.mean! - 170) < 0.5);
    }
  }
});

test('rear view: toe-off within 1 frame, initial contact within 5 frames at 60 fps', () => {
  const { track, truth } = generateTrack(runningSpec({ fps: 60, view: 'rear' }));
  const a = analyseTrack(track);
  assert.equal(a.view.kind, 'frontal');
  assert.ok(Math.max(...eventErrorsFrames(a, truth, 60, 'TO')) <= 1);
  assert.ok(Math.max(...eventErrorsFrames(a, truth, 60, 'IC')) <= 5);
  assert.ok(Math.abs(a.metrics.cadenceSpm.mean! - 170) < 2);
});

test('stride period from autocorrelation of a periodic signal', () => {
  const xs = Array.from({ length: 400 }, (_, i) => Math.sin((2 * Math.PI * i) / 37.5) + 0.3 * Math.sin((4 * Math.PI * i) / 37.5));
  const p = stridePeriodFrames([xs]);
  assert.ok(p !== null && Math.abs(p - 37.5) < 0.3, `period ${p}`);
  assert.equal(stridePeriodFrames([new Array(400).fill(1)]), null);
});

test('leg labels crossed in part of the strides: the stride period from the steps, not a multiple of it', () => {
  const P = 40;
  const left = Array.from({ length: 480 }, (_, i) => Math.sin((2 * Math.PI * i) / P));
  const right = left.map((v) => -v);
  // the labels cross for the second half of every third stride, as the pose model does on a small runner
  const crossed = (i: number) => Math.floor(i / P) % 3 === 1 && i % P >= P / 2;
  const l = left.map((v, i) => (crossed(i) ? right[i]! : v));
  const r = right.map((v, i) => (crossed(i) ? left[i]! : v));
  assert.ok(Math.abs(stridePeriodFrames([l, r])! - 2 * P) < 1, 'each foot alone repeats only every second stride');
  const p = stridePeriod(l, r);
  assert.ok(p !== null && Math.abs(p - P) < 0.5, `period ${p}`);
});

test('localMaxima finds one peak per cycle', () => {
  const xs = Array.from({ length: 100 }, (_, i) => Math.cos((2 * Math.PI * i) / 20));
  assert.deepEqual(localMaxima(xs, 6), [0, 20, 40, 60, 80, 99]);
});

test('hingeFrame finds where a flat foot lifts', () => {
  const lifting = Array.from({ length: 30 }, (_, k) => (k > 12 ? 100 - 0.5 * (k - 12) ** 2 : 100));
  assert.equal(hingeFrame(lifting, 3, 25, 'lifting'), 12);
});

test('event edits: a removed event disappears, an added one appears with its time', () => {
  const { track } = generateTrack(runningSpec({ fps: 60, durationS: 4 }));
  const base = analyseTrack(track);
  const ic = base.events.find((e) => e.type === 'IC' && e.side === 'left')!;
  const edited = analyseTrack(track, {
    eventEdits: { remove: [{ side: 'left', type: 'IC', frame: ic.frame }], add: [{ side: 'left', type: 'IC', frame: ic.frame + 2 }] },
  });
  assert.ok(!edited.events.some((e) => e.side === 'left' && e.type === 'IC' && e.frame === ic.frame));
  const added = edited.events.find((e) => e.side === 'left' && e.type === 'IC' && e.frame === ic.frame + 2);
  assert.ok(added);
  assert.equal(added.origin, 'edited');
  assert.ok(Math.abs(added.tMs - track.frames[ic.frame + 2]!.tMs) < 0.001);
});

test('a foot hovering 1 cm over the ground late in swing (as on a real 30 fps clip): initial contact is not taken before the foot stops swinging forward', () => {
  // timed from the foot's height without the forward-extreme bound, IC came 8 frames early at 60 fps
  // and 4 at 30 fps; timed from the foot being carried back, the hover (a height) does not move it
  for (const fps of [30, 60]) {
    const { track, truth } = generateTrack(runningSpec({ fps, noise: { seed: 1, landingHoverCm: 1 } }));
    const errs = eventErrorsFrames(analyseTrack(track), truth, fps, 'IC');
    assert.ok(errs.length >= 20 && Math.max(...errs) <= 2.5, `${fps} fps: IC max error ${Math.max(...errs).toFixed(2)} frames`);
  }
});

test('a heel landmark that settles late (as on real 30 fps clips): initial contact still within a frame, from the foot being carried back', () => {
  // timed from the heel's height, IC came about 2 frames late on the real 30 fps treadmill clip and
  // here up to 1.8 frames late at 30 fps and 1.3 at 60; now 0.6 and 0.7 (docs/validation.md)
  for (const fps of [30, 60]) {
    const { track, truth } = generateTrack(runningSpec({ fps, noise: { seed: 1, heelSettleCm: 3, heelSettleMs: 60 } }));
    const errs = eventErrorsFrames(analyseTrack(track), truth, fps, 'IC');
    assert.ok(errs.length >= 20 && Math.max(...errs) <= 1, `${fps} fps: IC max error ${Math.max(...errs).toFixed(2)} frames`);
  }
});

test("feet whose landmarks lag (the pose model's smoothing, as on the near foot of a real 60 fps clip): initial contact from the shoes' pixels", () => {
  for (const fps of [30, 60]) {
    const lag = fps === 60 ? 3 : 2;
    const { track, truth } = generateTrack(runningSpec({ fps }));
    const feet: number[] = [Landmark.leftAnkle, Landmark.leftHeel, Landmark.leftFootIndex, Landmark.rightAnkle, Landmark.rightHeel, Landmark.rightFootIndex];
    const { width, height } = track.video;
    const heel = (k: number, side: 'left' | 'right') => track.frames[k]!.landmarks![side === 'left' ? Landmark.leftHeel : Landmark.rightHeel]!;
    // the shoe's pixels move with the true foot; its landmarks are drawn `lag` frames late
    const lagged = {
      ...track,
      frames: track.frames.map((f, k) => ({
        ...f,
        landmarks: f.landmarks!.map((l, j) => (feet.includes(j) ? track.frames[Math.max(0, k - lag)]!.landmarks![j]! : l)),
      })),
    };
    const withPixels = {
      ...lagged,
      frames: lagged.frames.map((f, k) =>
        k === 0
          ? f
          : {
              ...f,
              feet: Object.fromEntries(
                (['left', 'right'] as const).map((side) => [side, { dx: (heel(k, side).x - heel(k - 1, side).x) * width, dy: (heel(k, side).y - heel(k - 1, side).y) * height, score: 0.95 }]),
              ),
            },
      ),
    };
    const late = eventErrorsFrames(analyseTrack(lagged), truth, fps, 'IC');
    const errs = eventErrorsFrames(analyseTrack(withPixels), truth, fps, 'IC');
    assert.ok(percentileOf(late, 50) >= lag - 1, `${fps} fps, landmarks alone: IC median error ${percentileOf(late, 50).toFixed(2)} frames`);
    // the synthetic swing foot already moves back at up to 70% of its stance speed, the threshold: up to 1.3 frames early at 60 fps
    assert.ok(errs.length >= 20 && percentileOf(errs, 50) <= 1 && Math.max(...errs) <= 1.5, `${fps} fps, with the pixels: IC median error ${percentileOf(errs, 50).toFixed(2)}, max ${Math.max(...errs).toFixed(2)} frames`);
  }
});

test("a landing whose shoe was not read (blurred as it lands, as on the far foot of a real 60 fps clip): initial contact bridged from the readings around it", () => {
  const fps = 60;
  const lag = 3;
  const { track, truth } = generateTrack(runningSpec({ fps }));
  const feet: number[] = [Landmark.leftAnkle, Landmark.leftHeel, Landmark.leftFootIndex, Landmark.rightAnkle, Landmark.rightHeel, Landmark.rightFootIndex];
  const { width, height } = track.video;
  const heel = (k: number, side: 'left' | 'right') => track.frames[k]!.landmarks![side === 'left' ? Landmark.leftHeel : Landmark.rightHeel]!;
  // the frames of each landing, and the two after it, without the shoe's motion
  const unread = (k: number, side: 'left' | 'right') =>
    truth.events.some((e) => e.type === 'IC' && e.side === side && k >= Math.floor((e.tMs * fps) / 1000) && k <= Math.floor((e.tMs * fps) / 1000) + 2);
  const withPixels = {
    ...track,
    frames: track.frames.map((f, k) => ({
      ...f,
      landmarks: f.landmarks!.map((l, j) => (feet.includes(j) ? track.frames[Math.max(0, k - lag)]!.landmarks![j]! : l)),
      ...(k === 0
        ? {}
        : {
            feet: Object.fromEntries(
              (['left', 'right'] as const).flatMap((side) =>
                unread(k - 1, side) ? [] : [[side, { dx: (heel(k, side).x - heel(k - 1, side).x) * width, dy: (heel(k, side).y - heel(k - 1, side).y) * height, score: 0.95 }]],
              ),
            ),
          }),
    })),
  };
  const errs = eventErrorsFrames(analyseTrack(withPixels), truth, fps, 'IC');
  // without the bridging the lagging landmarks' IC stood where the crossing fell in the frames not read: median error 2.2 frames
  assert.ok(errs.length >= 20 && percentileOf(errs, 50) <= 1 && Math.max(...errs) <= 2, `IC median error ${percentileOf(errs, 50).toFixed(2)}, max ${Math.max(...errs).toFixed(2)} frames`);
});

test('cadence at 30 fps with a noisy far leg: from every contact, stride-to-stride SD under 6 steps/min', () => {
  // from steps (one step is 10 or 11 frames at 30 fps), the SD was 14 steps/min for a constant 170
  for (const view of ['sagittal-left', 'sagittal-right'] as const) {
    const { track } = generateTrack(runningSpec({ fps: 30, view, noise: { seed: 1, jitterPx: 2, farJitterFactor: 3, heelAboveSoleCm: 3 } }));
    const a = analyseTrack(track);
    const c = a.metrics.cadenceSpm;
    assert.equal(a.metrics.cadenceBasis?.contactsSetAside, 0, `${view}: contacts set aside`);
    assert.ok(c.mean !== null && Math.abs(c.mean - 170) < 1.5, `${view}: mean ${c.mean}`);
    assert.ok(c.sd !== null && c.sd < 6, `${view}: SD ${c.sd}`);
  }
});

test('cadence with one stride per foot (a short overground pass): from the steps, not from two strides of different feet', () => {
  const { track } = generateTrack(runningSpec({ fps: 60, surface: 'overground', durationS: 1.5, cameraDistanceM: 8, startPhase: 0.3 }));
  const a = analyseTrack(track);
  for (const side of ['left', 'right'] as const) assert.equal(a.strides.filter((s) => s.side === side).length, 1, `${side} strides`);
  assert.ok((a.metrics.cadenceBasis?.steps ?? 0) >= 2, `steps counted: ${a.metrics.cadenceBasis?.steps}`);
  const c = a.metrics.cadenceSpm.mean;
  assert.ok(c !== null && Math.abs(c - 170) < 2, `cadence ${c}`);
});
