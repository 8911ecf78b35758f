import { useState, type FormEvent } from 'react';
import type { Visit } from '../../../shared/contract/entities.ts';
import type { ApiError } from '../../../shared/contract/result.ts';
import { useHost } from '../app/host-context.tsx';
import { ErrorNotice, Field } from './ui.tsx';

/** The visit's date, reason and notes, and editing them in place. */
export function VisitDetails({ visit, onSaved }: { visit: Visit; onSaved: () => void }) {
  const { api } = useHost();
  const [editing, setEditing] = useState(false);
  const [visitDate, setVisitDate] = useState(visit.visitDate);
  const [reason, setReason] = useState(visit.reason);
  const [notes, setNotes] = useState(visit.notes);
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const edit = () => {
    setVisitDate(visit.visitDate);
    setReason(visit.reason);
    setNotes(visit.notes);
    setError(null);
    setEditing(true);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const saved = await api['visits.update']({ id: visit.id, visitDate, reason, notes });
    setSaving(false);
    if (!saved.ok) return setError(saved.error);
    setEditing(false);
    onSaved();
  };

  if (!editing) {
    return (
      <div className="card visit-details">
        <dl className="facts" aria-label="Visit details">
          <div className="wide">
            <dt>Reason</dt>
            <dd>{visit.reason || '—'}</dd>
          </div>
          <div className="wide">
            <dt>Notes</dt>
            <dd className="prewrap">{visit.notes || '—'}</dd>
          </div>
        </dl>
        <button type="button" className="button-quiet" onClick={edit}>
          Edit visit
        </button>
      </div>
    );
  }
  return (
    <form className="card form" onSubmit={submit} aria-label="Edit visit">
      {error && <ErrorNotice error={error} title="Not saved." />}
      <div className="form-grid">
        <Field label="Date">
          <input type="date" value={visitDate} onChange={(e) => setVisitDate(e.target.value)} required name="visitDate" />
        </Field>
        <Field label="Reason for the visit">
          <input value={reason} onChange={(e) => setReason(e.target.value)} name="reason" />
        </Field>
      </div>
      <Field label="Notes">
        <textarea value={notes} onChange={(e) => setNotes(e.target.value)} rows={3} name="notes" />
      </Field>
      <div className="form-actions">
        <button type="button" className="button-quiet" onClick={() => setEditing(false)} disabled={saving}>
          Cancel
        </button>
        <button type="submit" className="button-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save visit'}
        </button>
      </div>
    </form>
  );
}
