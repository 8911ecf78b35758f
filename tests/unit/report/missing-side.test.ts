/**
 * A row whose one leg has a value and the other none shows "—†" for the missing leg, and the
 * note under the table says why, once per leg and reason.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyseTrack } from '../../../shared/gait/analyse.ts';
import { summariseVisit } from '../../../shared/gait/visit-summary.ts';
import { metricRows, missingOnOneLeg, sideRowGroups } from '../../../renderer/src/report/model.ts';
import { generateTrack, runningSpec } from '../../support/synthetic/generator.ts';

test('a leg left with one stride: its missing values are listed once with the reason, the other leg\'s are not', () => {
  const { track } = generateTrack(runningSpec({ fps: 60, durationS: 4 }));
  const all = analyseTrack(track);
  const right = all.strides.filter((s) => s.side === 'right');
  assert.ok(right.length >= 3);
  // every right stride but one left out by the clinician
  const a = analyseTrack(track, { excludedStrides: right.slice(1).map((s) => ({ side: 'right', icFrame: s.icFrame })) });
  const { rows } = metricRows(summariseVisit([{ videoId: 'v', videoName: 'side.mp4', analysis: a }]));
  const notes = missingOnOneLeg(sideRowGroups(rows, []));
  assert.equal(notes.length, 1, JSON.stringify(notes));
  assert.equal(notes[0]!.leg, 'Right');
  assert.match(notes[0]!.reason, /^Too few strides/);
  assert.ok(notes[0]!.labels.includes('ground contact time') && notes[0]!.labels.includes('knee flexion at initial contact'), notes[0]!.labels.join(', '));
  assert.deepEqual(missingOnOneLeg(sideRowGroups(metricRows(summariseVisit([{ videoId: 'v', videoName: 'side.mp4', analysis: all }])).rows, [])), []);
});
