/**
 * The visit's intake: why the runner came, their pain, training and shoes, and the red-flag
 * screen. Saved with the visit (visits.setIntake); the host validates with IntakeSchema.
 */
import { useState, type FormEvent } from 'react';
import type { Visit } from '../../../shared/contract/entities.ts';
import type { ApiError } from '../../../shared/contract/result.ts';
import {
  emptyIntake,
  PAIN_REGION_NAMES,
  PAIN_REGIONS,
  PAIN_TIME_NAMES,
  PAIN_TIMES,
  positiveRedFlags,
  redFlagsFor,
  WEEKDAY_NAMES,
  WEEKDAYS,
  type Intake,
  type Weekday,
} from '../../../shared/plan/intake.ts';
import { useHost } from '../app/host-context.tsx';
import { ErrorNotice, Field } from '../components/ui.tsx';

interface Props {
  visit: Visit;
  onSaved: (visit: Visit) => void;
  onCancel: () => void;
}

const PAIN_SCORES = Array.from({ length: 11 }, (_, k) => k);

const DECISIONS = [
  { value: 'unreviewed', label: 'Not reviewed yet', hint: 'The plan and the report hold the exercises and running advice.' },
  { value: 'cleared', label: 'Reviewed: cleared to run', hint: 'The plan and the report give the running advice; the report says you reviewed the answers.' },
  { value: 'referred', label: 'Referred to a doctor', hint: 'The plan and the report hold the exercises and running advice and say you referred the runner.' },
] as const;

/** A grid of tick-boxes for a set of options (capitalised labels), the ticked ones kept in the options' order. */
function CheckGroup<T extends string>({ options, names, checked, onChange, name }: { options: readonly T[]; names: Record<T, string>; checked: readonly T[]; onChange: (next: T[]) => void; name: string }) {
  return (
    <div className="check-grid">
      {options.map((option) => (
        <label key={option} className="check-row">
          <input
            type="checkbox"
            checked={checked.includes(option)}
            onChange={(e) => onChange(options.filter((o) => (o === option ? e.target.checked : checked.includes(o))))}
            name={`${name}-${option}`}
          />
          <span>{names[option].replace(/^./, (c) => c.toUpperCase())}</span>
        </label>
      ))}
    </div>
  );
}

export function IntakeForm({ visit, onSaved, onCancel }: Props) {
  const { api } = useHost();
  const [intake, setIntake] = useState<Intake>(() => visit.intake ?? { ...emptyIntake(), reason: visit.reason });
  const [distance, setDistance] = useState(intake.weeklyDistanceKm === null ? '' : String(intake.weeklyDistanceKm));
  const [runs, setRuns] = useState(intake.runsPerWeek === null ? '' : String(intake.runsPerWeek));
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof Intake>(key: K, value: Intake[K]) => setIntake((current) => ({ ...current, [key]: value }));
  const positive = positiveRedFlags(intake);
  const asked = redFlagsFor(intake.painRegions);
  // the lateral hip question belongs to hip, buttock and groin pain (or pain not placed yet)
  const hipAsked = intake.painRegions.length === 0 || intake.painRegions.some((r) => r === 'hip' || r === 'buttock' || r === 'groin');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const weeklyDistanceKm = distance.trim() === '' ? null : Number(distance);
    const runsPerWeek = runs.trim() === '' ? null : Number(runs);
    // a question not asked for these regions is saved as no
    const redFlags = Object.fromEntries(Object.entries(intake.redFlags).map(([id, yes]) => [id, yes && asked.some((f) => f.id === id)])) as Intake['redFlags'];
    const result = await api['visits.setIntake']({
      visitId: visit.id,
      intake: { ...intake, weeklyDistanceKm, runsPerWeek, redFlags, lateralHipPain: hipAsked && intake.lateralHipPain, redFlagDecision: positive.length > 0 ? intake.redFlagDecision : null },
    });
    setSaving(false);
    if (result.ok) onSaved(result.value);
    else setError(result.error);
  };

  return (
    <form className="card form intake-form" onSubmit={submit} aria-label="Intake">
      <h2>Intake</h2>
      {error && <ErrorNotice error={error} title="Not saved." />}
      <Field label="Reason for the visit">
        <textarea value={intake.reason} onChange={(e) => set('reason', e.target.value)} rows={2} name="reason" />
      </Field>
      <div className="form-grid">
        <Field label="Pain location" hint='In the runner’s words, e.g. "outer right hip".'>
          <input value={intake.painLocation} onChange={(e) => set('painLocation', e.target.value)} name="painLocation" />
        </Field>
        <Field label="Side">
          <select value={intake.painSide ?? ''} onChange={(e) => set('painSide', e.target.value === '' ? null : (e.target.value as Intake['painSide']))} name="painSide">
            <option value="">Not given</option>
            <option value="left">Left</option>
            <option value="right">Right</option>
            <option value="both">Both</option>
          </select>
        </Field>
        <Field label="Pain score (0-10)" hint="0 = no pain, 10 = worst imaginable.">
          <select
            value={intake.painScore === null ? '' : String(intake.painScore)}
            onChange={(e) => set('painScore', e.target.value === '' ? null : Number(e.target.value))}
            name="painScore"
          >
            <option value="">Not asked</option>
            {PAIN_SCORES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </Field>
        <Field label="Weekly running distance (km)">
          <input type="number" inputMode="decimal" min={0} max={999} step={1} value={distance} onChange={(e) => setDistance(e.target.value)} name="weeklyDistanceKm" />
        </Field>
        <Field label="Runs per week" hint="The long run included: the plan's week places them.">
          <input type="number" inputMode="numeric" min={0} max={14} step={1} value={runs} onChange={(e) => setRuns(e.target.value)} name="runsPerWeek" />
        </Field>
        <Field label="Long-run day" hint="The strength days are planned around it.">
          <select value={intake.longRunDay ?? ''} onChange={(e) => set('longRunDay', e.target.value === '' ? null : (e.target.value as Weekday))} name="longRunDay">
            <option value="">Not given</option>
            {WEEKDAYS.map((d) => (
              <option key={d} value={d}>
                {WEEKDAY_NAMES[d]}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <div className="form-grid">
        <Field label="Recent training changes" hint="Distance, pace, surface, hills, a new plan.">
          <textarea value={intake.trainingChanges} onChange={(e) => set('trainingChanges', e.target.value)} rows={2} name="trainingChanges" />
        </Field>
        <Field label="Shoes">
          <textarea value={intake.shoes} onChange={(e) => set('shoes', e.target.value)} rows={2} name="shoes" />
        </Field>
      </div>
      <fieldset className="pain-regions">
        <legend>Where it hurts</legend>
        <p className="field-hint">The red-flag questions and the plan's exercises follow the regions ticked.</p>
        <CheckGroup options={PAIN_REGIONS} names={PAIN_REGION_NAMES} checked={intake.painRegions} onChange={(v) => set('painRegions', v)} name="painRegion" />
        <p className="field-hint">When it hurts</p>
        <CheckGroup options={PAIN_TIMES} names={PAIN_TIME_NAMES} checked={intake.painWhen} onChange={(v) => set('painWhen', v)} name="painWhen" />
      </fieldset>
      {hipAsked && (
        <label className="check-row">
          <input type="checkbox" checked={intake.lateralHipPain} onChange={(e) => set('lateralHipPain', e.target.checked)} name="lateralHipPain" />
          <span>
            Lateral hip pain (signs of gluteal tendinopathy)
            <span className="field-hint"> The plan then leaves out positions that compress the outer hip.</span>
          </span>
        </label>
      )}

      <fieldset className="red-flag-screen">
        <legend>Red-flag screen</legend>
        <p className="field-hint">
          Ask each question. A “yes” holds all running advice until you have reviewed it.
          {intake.painRegions.length === 0 ? ' Every question is shown until you tick where it hurts.' : ' The questions for the regions ticked, and those for every runner.'}
        </p>
        <ul>
          {asked.map((flag) => (
            <li key={flag.id}>
              <label className="check-row">
                <input
                  type="checkbox"
                  checked={intake.redFlags[flag.id]}
                  onChange={(e) => set('redFlags', { ...intake.redFlags, [flag.id]: e.target.checked })}
                  name={`redFlag-${flag.id}`}
                />
                <span>
                  {flag.question}
                  {flag.urgency === 'urgent' && <span className="intake-tag intake-urgent">urgent</span>}
                </span>
              </label>
            </li>
          ))}
        </ul>
        {positive.length > 0 && (
          <fieldset className="red-flag-decision">
            <legend>Your decision on the positive red flags</legend>
            {DECISIONS.map((d) => (
              <label key={d.value} className="check-row">
                <input
                  type="radio"
                  name="redFlagDecision"
                  value={d.value}
                  checked={(intake.redFlagDecision?.outcome ?? 'unreviewed') === d.value}
                  onChange={() => set('redFlagDecision', d.value === 'unreviewed' ? null : { outcome: d.value, note: intake.redFlagDecision?.note ?? '' })}
                />
                <span>
                  {d.label}
                  <span className="field-hint"> {d.hint}</span>
                </span>
              </label>
            ))}
            {intake.redFlagDecision && (
              <Field label="Note for the report" hint={intake.redFlagDecision.outcome === 'cleared' ? 'e.g. "Night pain from a recent sprain, settled; examined, no bony tenderness."' : 'e.g. "Referred to the GP for an X-ray of the right hip."'}>
                <textarea
                  value={intake.redFlagDecision.note}
                  onChange={(e) => set('redFlagDecision', { outcome: intake.redFlagDecision!.outcome, note: e.target.value })}
                  rows={2}
                  name="redFlagDecisionNote"
                />
              </Field>
            )}
          </fieldset>
        )}
      </fieldset>

      <Field label="Clinician notes">
        <textarea value={intake.clinicianNotes} onChange={(e) => set('clinicianNotes', e.target.value)} rows={3} name="clinicianNotes" />
      </Field>
      <div className="form-actions">
        <button type="button" className="button-quiet" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save intake'}
        </button>
      </div>
    </form>
  );
}
