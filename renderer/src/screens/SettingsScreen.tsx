/** The clinic's details for the report's header: name, logo, clinician and a contact line. */
import { useEffect, useState, type ChangeEvent, type FormEvent } from 'react';
import type { ClinicSettings } from '../../../shared/contract/entities.ts';
import type { ApiError } from '../../../shared/contract/result.ts';
import { ErrorNotice, Field, Loading, PageHeader } from '../components/ui.tsx';
import { useHost } from '../app/host-context.tsx';
import { useResult } from '../app/use-result.ts';
import { useObjectUrl } from '../report/object-url.ts';

const LOGO_TYPES = ['image/png', 'image/jpeg'] as const;
const LOGO_MAX_BYTES = 2_000_000;

export function SettingsScreen() {
  const { api } = useHost();
  const settings = useResult(() => api['settings.get']({}), 'settings');
  if (settings.status === 'loading') return <Loading what="settings" />;
  if (settings.status === 'error') return <ErrorNotice error={settings.error} />;
  return <SettingsForm initial={settings.value} />;
}

function SettingsForm({ initial }: { initial: ClinicSettings }) {
  const { api } = useHost();
  const [clinicName, setClinicName] = useState(initial.clinicName);
  const [clinicianName, setClinicianName] = useState(initial.clinicianName);
  const [contactLine, setContactLine] = useState(initial.contactLine);
  const [logo, setLogo] = useState(initial.logo);
  const [logoError, setLogoError] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const logoUrl = useObjectUrl(logo?.bytes ?? null, logo?.imageType ?? 'image/png');

  useEffect(() => setSaved(false), [clinicName, clinicianName, contactLine, logo]);

  const chooseLogo = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    setLogoError(null);
    if (!file) return;
    const imageType = LOGO_TYPES.find((t) => t === file.type);
    if (!imageType) return setLogoError(`${file.name} is not a PNG or JPEG image.`);
    if (file.size > LOGO_MAX_BYTES) return setLogoError(`${file.name} is larger than 2 MB: use a smaller image.`);
    setLogo({ imageType, bytes: new Uint8Array(await file.arrayBuffer()) });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    const result = await api['settings.update']({ clinicName, clinicianName, contactLine, logo });
    setSaving(false);
    if (result.ok) {
      setError(null);
      setSaved(true);
    } else setError(result.error);
  };

  return (
    <section className="screen" aria-label="Settings">
      <PageHeader title="Settings" />
      <form className="card form settings-form" onSubmit={submit} aria-label="Clinic details">
        <h2>Clinic details</h2>
        <p className="muted form-intro">These appear at the top of every report.</p>
        {error && <ErrorNotice error={error} title="Not saved." />}
        <div className="form-grid">
          <Field label="Clinic name">
            <input value={clinicName} onChange={(e) => setClinicName(e.target.value)} name="clinicName" />
          </Field>
          <Field label="Clinician">
            <input value={clinicianName} onChange={(e) => setClinicianName(e.target.value)} name="clinicianName" />
          </Field>
        </div>
        <Field label="Contact line" hint="Address, phone or email, printed at the top of the report.">
          <input value={contactLine} onChange={(e) => setContactLine(e.target.value)} name="contactLine" />
        </Field>
        <div className="field">
          <span className="field-label">Logo</span>
          <div className="logo-row">
            {logoUrl ? <img className="logo-preview" src={logoUrl} alt="Clinic logo" /> : <span className="logo-preview empty-logo">No logo</span>}
            <label className="button-secondary file-button">
              {logo ? 'Replace logo…' : 'Choose logo…'}
              <input type="file" accept={LOGO_TYPES.join(',')} onChange={chooseLogo} className="visually-hidden" name="logo" />
            </label>
            {logo && (
              <button type="button" className="button-quiet" onClick={() => setLogo(null)}>
                Remove logo
              </button>
            )}
          </div>
          <span className="field-hint">PNG or JPEG, at most 2 MB.</span>
          {logoError && <ErrorNotice error={logoError} />}
        </div>
        <div className="form-actions">
          {saved && (
            <span className="saved-note" role="status">
              Saved.
            </span>
          )}
          <button type="submit" className="button-primary" disabled={saving}>
            {saving ? 'Saving…' : 'Save settings'}
          </button>
        </div>
      </form>
    </section>
  );
}
