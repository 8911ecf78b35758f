/**
 * Editing a plan: exercises (add from the library or a custom one, remove, reorder, dosage,
 * instructions, notes), gait cues, the weekly calendar, the advice and the clinician's notes.
 * Saved with the visit; the host validates it (PlanSchema) and its messages are shown as they come.
 */
import { useState } from 'react';
import { EXERCISES } from '../../../shared/plan/exercises.ts';
import { WEEKDAY_NAMES, WEEKDAYS } from '../../../shared/plan/intake.ts';
import type { AdviceText, DayTag, ExerciseKind, GaitCue, Plan, PlanAdvice, PlanItem } from '../../../shared/plan/types.ts';
import { Field } from '../components/ui.tsx';
import { addCustomCue, addCustomExercise, addExercise, moveItem, removeCue, removeItem, setDosage, toggleDayTag, updateCue, updateItem } from './edit.ts';

interface Props {
  initial: Plan;
  /** A fresh draft that is not saved yet. */
  unsavedDraft: boolean;
  saved: boolean;
  onChange: () => void;
  onSave: (plan: Plan) => Promise<boolean>;
  onDiscard: () => Promise<void>;
}

const DAY_TAGS: { tag: DayTag; label: string }[] = [
  { tag: 'longRun', label: 'Long run' },
  { tag: 'run', label: 'Run' },
  { tag: 'strength', label: 'Strength' },
  { tag: 'mobility', label: 'Mobility' },
  { tag: 'rest', label: 'Recovery' },
];

const optionalInt = (text: string): number | null => (text.trim() === '' ? null : Math.round(Number(text)));

export function PlanEditor({ initial, unsavedDraft, saved, onChange, onSave, onDiscard }: Props) {
  const [plan, setPlan] = useState(initial);
  const [dirty, setDirty] = useState(unsavedDraft);
  const [saving, setSaving] = useState(false);
  const [confirmDiscard, setConfirmDiscard] = useState(false);
  const edit = (next: Plan) => {
    setPlan(next);
    setDirty(true);
    onChange();
  };

  const save = async () => {
    setSaving(true);
    if (await onSave(plan)) setDirty(false);
    setSaving(false);
  };

  return (
    <div className="plan-editor">
      <div className="plan-savebar card">
        <span className={dirty ? 'unsaved' : 'muted'} role="status">
          {dirty ? (unsavedDraft ? 'Draft: not saved yet.' : 'Unsaved changes.') : saved ? 'Plan saved.' : 'Saved with the visit.'}
        </span>
        <div className="form-actions">
          {confirmDiscard ? (
            <>
              <span>Discard this plan{unsavedDraft ? '' : ' (saved with the visit)'}?</span>
              <button className="button-quiet" onClick={() => setConfirmDiscard(false)}>
                Keep it
              </button>
              <button className="button-secondary" onClick={() => void onDiscard()}>
                Discard
              </button>
            </>
          ) : (
            <button className="button-quiet" onClick={() => setConfirmDiscard(true)}>
              Discard plan…
            </button>
          )}
          <button className="button-primary" onClick={save} disabled={saving || !dirty}>
            {saving ? 'Saving…' : 'Save plan'}
          </button>
        </div>
      </div>

      {plan.draftNotes.length > 0 && (
        <div className="card draft-notes" aria-label="Draft notes">
          <h2>Notes on the draft</h2>
          <ul>
            {plan.draftNotes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        </div>
      )}
      {plan.hold && (
        <div className="notice notice-error" role="status">
          <strong>On hold: </strong>
          {plan.hold.text}
        </div>
      )}

      <section className="card" aria-label="Exercises">
        <h2>Exercises</h2>
        {plan.items.length === 0 && <p className="muted">No exercises in this plan.</p>}
        <ol className="plan-items">
          {plan.items.map((item, k) => (
            <ItemEditor
              key={item.id}
              item={item}
              first={k === 0}
              last={k === plan.items.length - 1}
              onChange={(next) => edit(updateItem(plan, item.id, next))}
              onMove={(by) => edit(moveItem(plan, item.id, by))}
              onRemove={() => edit(removeItem(plan, item.id))}
            />
          ))}
        </ol>
        <AddExercise plan={plan} onAdd={edit} />
      </section>

      <section className="card" aria-label="Gait cues">
        <h2>Gait cues</h2>
        {plan.cues.length === 0 && <p className="muted">No gait cue in this plan.</p>}
        {plan.cues.map((cue) => (
          <CueEditor key={cue.id} cue={cue} onChange={(next) => edit(updateCue(plan, cue.id, next))} onRemove={() => edit(removeCue(plan, cue.id))} />
        ))}
        <AddCue onAdd={(text) => edit(addCustomCue(plan, text))} />
      </section>

      <section className="card" aria-label="Weekly schedule">
        <h2>Weekly schedule</h2>
        <ol className="week-editor">
          {WEEKDAYS.map((day) => {
            const tags = plan.schedule.days.find((d) => d.day === day)?.tags ?? [];
            return (
              <li key={day} aria-label={WEEKDAY_NAMES[day]}>
                <span className="plan-day-name">{WEEKDAY_NAMES[day]}</span>
                {DAY_TAGS.map(({ tag, label }) => (
                  <label key={tag} className={tags.includes(tag) ? `plan-chip on rp-tag-${tag}` : 'plan-chip'}>
                    <input type="checkbox" checked={tags.includes(tag)} onChange={() => edit(toggleDayTag(plan, day, tag))} />
                    {label}
                  </label>
                ))}
              </li>
            );
          })}
        </ol>
        <Field label="About the week (shown under the calendar)">
          <textarea value={plan.schedule.text} rows={2} onChange={(e) => edit({ ...plan, schedule: { ...plan.schedule, text: e.target.value } })} />
        </Field>
      </section>

      <section className="card form" aria-label="Advice">
        <h2>Advice</h2>
        <AdviceField label="Shoes" advice={plan.advice.footwear} onChange={(a) => edit({ ...plan, advice: { ...plan.advice, footwear: a } })} />
        <AdviceField label="Other training" advice={plan.advice.crossTraining} onChange={(a) => edit({ ...plan, advice: { ...plan.advice, crossTraining: a } })} />
        <AdviceField label="Recovery days" advice={plan.advice.recovery} onChange={(a) => edit({ ...plan, advice: { ...plan.advice, recovery: a } })} />
        {plan.advice.lateralHip && (
          <AdviceField
            label="Outer hip"
            advice={plan.advice.lateralHip}
            onChange={(a) => edit({ ...plan, advice: { ...plan.advice, lateralHip: a } satisfies PlanAdvice })}
          />
        )}
      </section>

      <section className="card form" aria-label="Clinician notes">
        <Field label="Notes for the runner (printed in the report)">
          <textarea value={plan.clinicianNotes} rows={3} onChange={(e) => edit({ ...plan, clinicianNotes: e.target.value })} name="planNotes" />
        </Field>
      </section>
    </div>
  );
}

function ItemEditor({
  item,
  first,
  last,
  onChange,
  onMove,
  onRemove,
}: {
  item: PlanItem;
  first: boolean;
  last: boolean;
  onChange: (item: PlanItem) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
}) {
  const [open, setOpen] = useState(false);
  const d = item.dosage;
  return (
    <li className="plan-item-editor" aria-label={item.name}>
      <div className="item-row">
        <span className={`plan-kind plan-kind-${item.kind}`}>{item.kind}</span>
        <span className="item-name">{item.name}</span>
        <span className="muted item-dosage">{d.text}</span>
        <span className="item-actions">
          <button className="button-quiet" onClick={() => onMove(-1)} disabled={first} aria-label={`Move ${item.name} up`}>
            ↑
          </button>
          <button className="button-quiet" onClick={() => onMove(1)} disabled={last} aria-label={`Move ${item.name} down`}>
            ↓
          </button>
          <button className="button-secondary" onClick={() => setOpen(!open)} aria-expanded={open}>
            {open ? 'Close' : 'Edit'}
          </button>
          <button className="button-quiet" onClick={onRemove} aria-label={`Remove ${item.name}`}>
            Remove
          </button>
        </span>
      </div>
      {open && (
        <div className="item-details form">
          <div className="form-grid">
            <Field label="Name">
              <input value={item.name} onChange={(e) => onChange({ ...item, name: e.target.value })} />
            </Field>
            <Field label="Kind">
              <select value={item.kind} onChange={(e) => onChange({ ...item, kind: e.target.value as ExerciseKind })}>
                <option value="strength">Strength</option>
                <option value="mobility">Mobility</option>
              </select>
            </Field>
          </div>
          <div className="dosage-grid">
            <Field label="Sets">
              <input type="number" min={1} max={10} value={d.sets} onChange={(e) => onChange(setDosage(item, { sets: optionalInt(e.target.value) ?? 1 }))} />
            </Field>
            <Field label="Repetitions">
              <input type="number" min={1} max={100} value={d.reps ?? ''} onChange={(e) => onChange(setDosage(item, { reps: optionalInt(e.target.value) }))} />
            </Field>
            <Field label="Hold (s)">
              <input type="number" min={1} max={600} value={d.holdS ?? ''} onChange={(e) => onChange(setDosage(item, { holdS: optionalInt(e.target.value) }))} />
            </Field>
            <Field label="Per week">
              <select value={d.perWeek ?? ''} onChange={(e) => onChange(setDosage(item, { perWeek: optionalInt(e.target.value) }))}>
                <option value="">After runs</option>
                {[1, 2, 3, 4, 5, 6, 7].map((n) => (
                  <option key={n} value={n}>
                    {n}×
                  </option>
                ))}
              </select>
            </Field>
            <label className="check-row">
              <input type="checkbox" checked={d.eachSide} onChange={(e) => onChange(setDosage(item, { eachSide: e.target.checked }))} />
              <span>Each side</span>
            </label>
          </div>
          <Field label="Dosage as printed" hint="Filled in from the numbers; edit the words freely.">
            <input value={d.text} onChange={(e) => onChange({ ...item, dosage: { ...d, text: e.target.value } })} />
          </Field>
          <Field label="Instructions">
            <textarea value={item.instructions} rows={3} onChange={(e) => onChange({ ...item, instructions: e.target.value })} />
          </Field>
          <Field label="Why (for the runner)">
            <textarea value={item.why} rows={2} onChange={(e) => onChange({ ...item, why: e.target.value })} />
          </Field>
          <Field label="Cautions" hint="One per line.">
            <textarea
              value={item.cautions.join('\n')}
              rows={2}
              onChange={(e) => onChange({ ...item, cautions: e.target.value.split('\n').filter((line) => line.trim() !== '') })}
            />
          </Field>
          <Field label="Your notes on this exercise">
            <textarea value={item.notes} rows={2} onChange={(e) => onChange({ ...item, notes: e.target.value })} />
          </Field>
        </div>
      )}
    </li>
  );
}

function AddExercise({ plan, onAdd }: { plan: Plan; onAdd: (plan: Plan) => void }) {
  const [exerciseId, setExerciseId] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ExerciseKind>('strength');
  const inPlan = new Set(plan.items.map((i) => i.exerciseId));
  const chosen = EXERCISES.find((e) => e.id === exerciseId);
  return (
    <div className="add-exercise">
      <div className="add-row">
        <Field label="Add from the library">
          <select value={exerciseId} onChange={(e) => setExerciseId(e.target.value)} name="libraryExercise">
            <option value="">Choose an exercise…</option>
            {(['strength', 'mobility'] as const).map((k) => (
              <optgroup key={k} label={k === 'strength' ? 'Strength' : 'Mobility'}>
                {EXERCISES.filter((e) => e.kind === k).map((e) => (
                  <option key={e.id} value={e.id} disabled={inPlan.has(e.id)}>
                    {e.name}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </Field>
        <button
          className="button-secondary"
          disabled={!chosen}
          onClick={() => {
            if (!chosen) return;
            onAdd(addExercise(plan, chosen));
            setExerciseId('');
          }}
        >
          Add exercise
        </button>
      </div>
      <div className="add-row">
        <Field label="Or write your own">
          <input value={name} onChange={(e) => setName(e.target.value)} placeholder="Exercise name" name="customExercise" />
        </Field>
        <Field label="Kind">
          <select value={kind} onChange={(e) => setKind(e.target.value as ExerciseKind)} name="customKind">
            <option value="strength">Strength</option>
            <option value="mobility">Mobility</option>
          </select>
        </Field>
        <button
          className="button-secondary"
          disabled={name.trim() === ''}
          onClick={() => {
            onAdd(addCustomExercise(plan, name, kind));
            setName('');
          }}
        >
          Add custom exercise
        </button>
      </div>
    </div>
  );
}

function CueEditor({ cue, onChange, onRemove }: { cue: GaitCue; onChange: (cue: GaitCue) => void; onRemove: () => void }) {
  const m = cue.metronome;
  const setBpm = (key: 'lowBpm' | 'highBpm', text: string) => {
    const value = optionalInt(text);
    if (value === null) return onChange({ ...cue, metronome: null });
    const current = m ?? { lowBpm: value, highBpm: value };
    onChange({ ...cue, metronome: { ...current, [key]: value } });
  };
  return (
    <div className="cue-editor" aria-label={`Cue: ${cue.kind}`}>
      <Field label="Cue (as the runner reads it)">
        <textarea value={cue.text} rows={3} onChange={(e) => onChange({ ...cue, text: e.target.value })} />
      </Field>
      <div className="add-row">
        {cue.kind === 'cadence' && (
          <>
            <Field label="Metronome from (bpm)">
              <input type="number" min={100} max={300} value={m?.lowBpm ?? ''} onChange={(e) => setBpm('lowBpm', e.target.value)} />
            </Field>
            <Field label="to (bpm)">
              <input type="number" min={100} max={300} value={m?.highBpm ?? ''} onChange={(e) => setBpm('highBpm', e.target.value)} />
            </Field>
          </>
        )}
        <button className="button-quiet" onClick={onRemove}>
          Remove cue
        </button>
      </div>
    </div>
  );
}

function AddCue({ onAdd }: { onAdd: (text: string) => void }) {
  const [text, setText] = useState('');
  return (
    <div className="add-row">
      <Field label="Add a cue">
        <input value={text} onChange={(e) => setText(e.target.value)} placeholder="e.g. Run tall, eyes on the horizon" name="customCue" />
      </Field>
      <button
        className="button-secondary"
        disabled={text.trim() === ''}
        onClick={() => {
          onAdd(text);
          setText('');
        }}
      >
        Add cue
      </button>
    </div>
  );
}

function AdviceField({ label, advice, onChange }: { label: string; advice: AdviceText; onChange: (advice: AdviceText) => void }) {
  return (
    <Field label={label}>
      <textarea value={advice.text} rows={2} onChange={(e) => onChange({ ...advice, text: e.target.value })} />
    </Field>
  );
}
