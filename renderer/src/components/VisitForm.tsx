import { useState, type FormEvent } from 'react';
import type { Visit } from '../../../shared/contract/entities.ts';
import type { ApiError } from '../../../shared/contract/result.ts';
import { todayIso } from '../app/format.ts';
import { useHost } from '../app/host-context.tsx';
import { attachVideos, type AttachOutcome, type PendingVideo } from './video-attach.ts';
import { ErrorNotice, Field } from './ui.tsx';
import { VideoPicker } from './VideoPicker.tsx';

interface Props {
  clientId: string;
  onDone: (visit: Visit, failures: AttachOutcome[]) => void;
  onCancel: () => void;
}

/** Start a visit: date, reason, notes and the videos filmed. The visit is saved before the videos. */
export function VisitForm({ clientId, onDone, onCancel }: Props) {
  const host = useHost();
  const [fields, setFields] = useState<VisitFieldValues>({ visitDate: todayIso(), reason: '', notes: '' });
  const [videos, setVideos] = useState<PendingVideo[]>([]);
  const [progress, setProgress] = useState<Record<string, number>>({});
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    const created = await host.api['visits.create']({ clientId, ...fields });
    if (!created.ok) {
      setSaving(false);
      return setError(created.error);
    }
    const outcomes = await attachVideos(host, created.value.id, videos, (name, fraction) =>
      setProgress((p) => ({ ...p, [name]: fraction })),
    );
    onDone(created.value, outcomes.filter((o) => !o.result.ok));
  };

  return (
    <form className="card form" onSubmit={submit} aria-label="New visit">
      <h2>New visit</h2>
      {error && <ErrorNotice error={error} title="Not saved." />}
      <VisitFieldInputs fields={fields} onChange={setFields} />
      <Field label="Videos">
        <VideoPicker videos={videos} onChange={setVideos} progress={progress} />
      </Field>
      <div className="form-actions">
        <button type="button" className="button-quiet" onClick={onCancel} disabled={saving}>
          Cancel
        </button>
        <button type="submit" className="button-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Save visit'}
        </button>
      </div>
    </form>
  );
}

export interface VisitFieldValues {
  visitDate: string;
  reason: string;
  notes: string;
}

/** The visit's date, reason and notes, as the new-visit form and the edit form ask for them. */
export function VisitFieldInputs({ fields, onChange }: { fields: VisitFieldValues; onChange: (fields: VisitFieldValues) => void }) {
  const set = (key: keyof VisitFieldValues) => (e: { target: { value: string } }) => onChange({ ...fields, [key]: e.target.value });
  return (
    <>
      <div className="form-grid">
        <Field label="Date">
          <input type="date" value={fields.visitDate} onChange={set('visitDate')} required name="visitDate" />
        </Field>
        <Field label="Reason for the visit">
          <input value={fields.reason} onChange={set('reason')} name="reason" placeholder="e.g. lateral hip pain after long runs" />
        </Field>
      </div>
      <Field label="Notes">
        <textarea value={fields.notes} onChange={set('notes')} rows={3} name="notes" />
      </Field>
    </>
  );
}
