/**
 * Whether the runner is steady within a window of a run: the cadence of the window's first half
 * against that of its second half (each fitted to that half's initial contacts, gait/cadence.ts).
 * A window in which the runner is still settling (a treadmill speeding up, a change of pace) is
 * not a fair "first minute" or "last minute": the review says so, with the two cadences, so the
 * clinician moves the window. Not steady: the halves differ by more than 3% (a product choice,
 * gaitlensScreening) and by more than the 95% error of the difference, 1.96 x the two halves'
 * cadence errors combined (each the validated event timing error at both ends of the half's span,
 * gait/measure-error.ts), so a short window at a low frame rate is not called unsteady for noise.
 */
import { cadenceFromContacts } from '../gait/cadence.ts';
import type { SourceId } from '../gait/references.ts';
import type { GaitEvent } from '../gait/types.ts';
import { eventTimingErrorMs } from '../gait/measure-error.ts';

/** A change of cadence within a window larger than this (% of its mean) means the runner is not steady. */
export const STEADY_CADENCE_CHANGE_PCT = 3;
export const STEADY_SOURCES: SourceId[] = ['gaitlensScreening'];

export interface Steadiness {
  /** null when the window holds too few steps in a half to tell. */
  steady: boolean | null;
  firstHalfSpm: number | null;
  secondHalfSpm: number | null;
  text: string;
}

/** The steadiness of the runner over a window's initial contacts, at the window's sample rate. */
export function steadiness(events: readonly GaitEvent[], sampleRateHz: number): Steadiness {
  const contacts = events.filter((e) => e.type === 'IC').sort((a, b) => a.tMs - b.tMs);
  const first = contacts[0];
  const last = contacts[contacts.length - 1];
  if (!first || !last || last.tMs <= first.tMs) return { steady: null, firstHalfSpm: null, secondHalfSpm: null, text: 'Too few steps in this window to tell whether the runner is steady.' };
  const middle = (first.tMs + last.tMs) / 2;
  const a = cadenceFromContacts(contacts.filter((c) => c.tMs <= middle));
  const b = cadenceFromContacts(contacts.filter((c) => c.tMs >= middle));
  if (!a || !b) return { steady: null, firstHalfSpm: a?.spm ?? null, secondHalfSpm: b?.spm ?? null, text: 'Too few steps in a half of this window to tell whether the runner is steady.' };
  const mean = (a.spm + b.spm) / 2;
  const timingMs = eventTimingErrorMs(sampleRateHz);
  const errorOf = (fit: { spm: number; spanMs: number }) => (fit.spm * 2 * timingMs) / fit.spanMs;
  const noise = 1.96 * Math.hypot(errorOf(a), errorOf(b));
  const change = Math.abs(b.spm - a.spm);
  const halves = `${Math.round(a.spm)} steps/min in its first half, ${Math.round(b.spm)} in its second`;
  return change > (STEADY_CADENCE_CHANGE_PCT / 100) * mean && change > noise
    ? {
        steady: false,
        firstHalfSpm: a.spm,
        secondHalfSpm: b.spm,
        text: `The runner is not steady in this window (${halves}, a change over ${STEADY_CADENCE_CHANGE_PCT}%): the pace may still be changing. Move the window to where the runner has settled.`,
      }
    : { steady: true, firstHalfSpm: a.spm, secondHalfSpm: b.spm, text: `Steady: ${halves}.` };
}
