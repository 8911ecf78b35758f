import { useState, type FormEvent } from 'react';
import type { Client } from '../../../shared/contract/entities.ts';
import type { ApiError } from '../../../shared/contract/result.ts';
import { useHost } from '../app/host-context.tsx';
import { ErrorNotice, Field } from './ui.tsx';

interface Props {
  client?: Client;
  onSaved: (client: Client) => void;
  onCancel: () => void;
}

type DominantSide = Client['dominantSide'];

const optionalNumber = (text: string): number | null => (text.trim() === '' ? null : Number(text));

/** Create or edit a client's profile. The host validates; its messages are shown as they come. */
export function ClientForm({ client, onSaved, onCancel }: Props) {
  const { api } = useHost();
  const [name, setName] = useState(client?.name ?? '');
  const [dateOfBirth, setDateOfBirth] = useState(client?.dateOfBirth ?? '');
  const [height, setHeight] = useState(client?.heightCm != null ? String(client.heightCm) : '');
  const [legLength, setLegLength] = useState(client?.legLengthCm != null ? String(client.legLengthCm) : '');
  const [dominantSide, setDominantSide] = useState<DominantSide>(client?.dominantSide ?? null);
  const [notes, setNotes] = useState(client?.notes ?? '');
  const [error, setError] = useState<ApiError | null>(null);
  const [saving, setSaving] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const fields = {
      name,
      dateOfBirth: dateOfBirth || null,
      heightCm: optionalNumber(height),
      legLengthCm: optionalNumber(legLength),
      dominantSide,
      notes,
    };
    const result = client ? await api['clients.update']({ id: client.id, ...fields }) : await api['clients.create'](fields);
    setSaving(false);
    if (result.ok) onSaved(result.value);
    else setError(result.error);
  };

  return (
    <form className="card form" onSubmit={submit} aria-label={client ? 'Edit client' : 'New client'}>
      <h2>{client ? 'Edit client' : 'New client'}</h2>
      {error && <ErrorNotice error={error} title="Not saved." />}
      <div className="form-grid">
        <Field label="Full name">
          <input value={name} onChange={(e) => setName(e.target.value)} required autoFocus name="name" />
        </Field>
        <Field label="Date of birth">
          <input type="date" value={dateOfBirth} onChange={(e) => setDateOfBirth(e.target.value)} name="dateOfBirth" />
        </Field>
        <Field label="Height (cm)" hint="Used to scale distances measured on video.">
          <input
            type="number"
            inputMode="decimal"
            min={50}
            max={250}
            step={0.5}
            value={height}
            onChange={(e) => setHeight(e.target.value)}
            name="heightCm"
          />
        </Field>
        <Field label="Leg length (cm)" hint="If measured: greater trochanter to floor, or ASIS to medial malleolus.">
          <input
            type="number"
            inputMode="decimal"
            min={30}
            max={150}
            step={0.5}
            value={legLength}
            onChange={(e) => setLegLength(e.target.value)}
            name="legLengthCm"
          />
        </Field>
        <Field label="Dominant side">
          <select
            value={dominantSide ?? ''}
            onChange={(e) => setDominantSide(e.target.value === '' ? null : (e.target.value as 'left' | 'right'))}
            name="dominantSide"
          >
            <option value="">Not recorded</option>
            <option value="left">Left</option>
            <option value="right">Right</option>
          </select>
        </Field>
      </div>
      <Field label="Notes">
        <textarea value={notes} onChange={(e) => setNotes(e.target.value)} rows={3} name="notes" />
      </Field>
      <div className="form-actions">
        <button type="button" className="button-quiet" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button-primary" disabled={saving}>
          {saving ? 'Saving…' : client ? 'Save changes' : 'Add client'}
        </button>
      </div>
    </form>
  );
}
