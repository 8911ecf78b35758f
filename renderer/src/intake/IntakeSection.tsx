/** The intake on the visit screen: what was recorded, or the form to record it. */
import { useState } from 'react';
import type { Visit } from '../../../shared/contract/entities.ts';
import { hasLateralHipPainSigns, positiveRedFlags, WEEKDAY_NAMES } from '../../../shared/plan/intake.ts';
import { IntakeForm } from './IntakeForm.tsx';

export function IntakeSection({ visit, onSaved }: { visit: Visit; onSaved: (visit: Visit) => void }) {
  const [editing, setEditing] = useState(false);
  const intake = visit.intake;

  if (editing) {
    return (
      <IntakeForm
        visit={visit}
        onCancel={() => setEditing(false)}
        onSaved={(saved) => {
          setEditing(false);
          onSaved(saved);
        }}
      />
    );
  }
  if (!intake) {
    return (
      <div className="card intake-empty" aria-label="Intake">
        <p>
          <strong>No intake yet.</strong> <span className="muted">Pain, training, shoes and the red-flag screen.</span>
        </p>
        <button className="button-secondary" onClick={() => setEditing(true)}>
          Fill in intake
        </button>
      </div>
    );
  }
  const flags = positiveRedFlags(intake);
  return (
    <section className="card" aria-label="Intake">
      <div className="card-header">
        <h2>Intake</h2>
        <button className="button-secondary" onClick={() => setEditing(true)}>
          Edit intake
        </button>
      </div>
      <dl className="facts">
        <div className="wide">
          <dt>Reason</dt>
          <dd className="prewrap">{intake.reason || '—'}</dd>
        </div>
        <div>
          <dt>Pain</dt>
          <dd>
            {intake.painLocation || '—'}
            {intake.painScore !== null && ` · ${intake.painScore}/10`}
          </dd>
        </div>
        <div>
          <dt>Weekly distance</dt>
          <dd>{intake.weeklyDistanceKm === null ? '—' : `${intake.weeklyDistanceKm} km`}</dd>
        </div>
        <div>
          <dt>Long-run day</dt>
          <dd>{intake.longRunDay ? WEEKDAY_NAMES[intake.longRunDay] : '—'}</dd>
        </div>
        <div>
          <dt>Training changes</dt>
          <dd className="prewrap">{intake.trainingChanges || '—'}</dd>
        </div>
        <div>
          <dt>Shoes</dt>
          <dd className="prewrap">{intake.shoes || '—'}</dd>
        </div>
        <div>
          <dt>Lateral hip pain signs</dt>
          <dd>{hasLateralHipPainSigns(intake) ? 'Yes' : 'No'}</dd>
        </div>
        <div className="wide">
          <dt>Red flags</dt>
          <dd>{flags.length === 0 ? 'None' : flags.map((f) => f.question).join(' · ')}</dd>
        </div>
        {intake.clinicianNotes && (
          <div className="wide">
            <dt>Clinician notes</dt>
            <dd className="prewrap">{intake.clinicianNotes}</dd>
          </div>
        )}
      </dl>
    </section>
  );
}
