/**
 * Deleting a client for good: a modal dialog that says what goes (visits, videos, analyses, key
 * frames, and the video files no other client uses) and asks the clinician to type the client's
 * name. After the deletion the client list shows what was removed (DeletionReport).
 */
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { Client } from '../../../shared/contract/entities.ts';
import { useHost } from '../app/host-context.tsx';
import { ErrorNotice } from '../components/ui.tsx';
import { plural, setDeletionReport, type DeletionReportData } from './deletion-report.ts';

/** Typed names match ignoring case and repeated spaces: the check is about intent, not typing. */
const normalise = (name: string): string => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase();

interface Props {
  client: Client;
  visits: number;
  videos: number;
  onCancel: () => void;
  onDeleted: () => void;
}

export function DeleteClientDialog({ client, visits, videos, onCancel, onDeleted }: Props) {
  const { api } = useHost();
  const dialog = useRef<HTMLDialogElement>(null);
  const [typed, setTyped] = useState('');
  const [deleting, setDeleting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const matches = normalise(typed) === normalise(client.name);

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    d.showModal();
    return () => d.close();
  }, []);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!matches || deleting) return;
    setDeleting(true);
    setError(null);
    const result = await api['clients.delete']({ id: client.id });
    setDeleting(false);
    if (!result.ok) return setError(result.error.message);
    setDeletionReport({ ...result.value, clientName: client.name });
    onDeleted();
  };

  return (
    <dialog
      ref={dialog}
      className="modal"
      role="alertdialog"
      aria-labelledby="delete-client-title"
      aria-describedby="delete-client-what"
      onCancel={(e) => {
        e.preventDefault();
        if (!deleting) onCancel();
      }}
    >
      <form className="form" onSubmit={submit}>
        <h2 id="delete-client-title">Delete {client.name}?</h2>
        <div id="delete-client-what">
          <p>
            This deletes <strong>{client.name}</strong> for good, with{' '}
            <strong data-testid="delete-counts">
              {plural(visits, 'visit')} and {plural(videos, 'video')}
            </strong>
            : their analyses, corrections, key frames, intake and plans, and the video files no other client uses.
          </p>
          <p className="muted">
            It cannot be undone. To hide the client and keep everything, archive instead. A backup (Data screen) made before keeps a copy.
          </p>
        </div>
        {error && <ErrorNotice title="Nothing was deleted." error={error} />}
        <label className="field">
          <span className="field-label">Type the client's name to confirm</span>
          <input value={typed} onChange={(e) => setTyped(e.target.value)} placeholder={client.name} autoComplete="off" autoFocus name="confirmName" />
        </label>
        <div className="form-actions">
          <button type="button" className="button-secondary" onClick={onCancel} disabled={deleting}>
            Cancel
          </button>
          <button type="submit" className="button-danger" disabled={!matches || deleting}>
            {deleting ? 'Deleting…' : 'Delete client'}
          </button>
        </div>
      </form>
    </dialog>
  );
}

/** Shown on the client list after a deletion: what was removed, and any file left behind. */
export function DeletionReport({ report, onDismiss }: { report: DeletionReportData; onDismiss: () => void }) {
  return (
    <div className={`notice ${report.filesLeft.length > 0 ? 'notice-warning' : 'notice-ok'} deletion-report`} role="status" data-testid="deletion-report">
      <p>
        <strong>{report.clientName} was deleted</strong> with {plural(report.visits, 'visit')} and {plural(report.videos, 'video')};{' '}
        {plural(report.filesRemoved, 'file')} removed from the data folder.
      </p>
      {report.filesLeft.length > 0 && (
        <>
          <p>These files could not be removed (nothing refers to them any more); delete them by hand:</p>
          <ul>
            {report.filesLeft.map((file) => (
              <li key={file} className="file-name">
                {file}
              </li>
            ))}
          </ul>
        </>
      )}
      <button type="button" className="button-quiet" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
