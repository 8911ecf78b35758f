import { useState, type FormEvent } from 'react';
import type { Visit } from '../../../shared/contract/entities.ts';
import type { ApiError } from '../../../shared/contract/result.ts';
import { useHost } from '../app/host-context.tsx';
import { ErrorNotice } from './ui.tsx';
import { VisitFieldInputs, type VisitFieldValues } from './VisitForm.tsx';

/** The visit's date, reason and notes, and editing them in place. */
export function VisitDetails({ visit, onSaved }: { visit: Visit; onSaved: () => void }) {
  const { api } = useHost();
  const [editing, setEditing] = useState(false);
  const [fields, setFields] = useState<VisitFieldValues>({ visitDate: visit.visitDate, reason: visit.reason, notes: visit.notes });
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const edit = () => {
    setFields({ visitDate: visit.visitDate, reason: visit.reason, notes: visit.notes });
    setError(null);
    setEditing(true);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const saved = await api['visits.update']({ id: visit.id, visitDate: fields.visitDate, reason: fields.reason, notes: fields.notes });
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
      <VisitFieldInputs fields={fields} onChange={setFields} />
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
