import { useRef, useState } from 'react';
import type { AppInfo, BackupSummary, RestoreSummary } from '../../../shared/contract/entities.ts';
import type { BackupSource } from '../../../shared/contract/schemas.ts';
import type { Result } from '../../../shared/contract/result.ts';
import { ErrorNotice, PageHeader } from '../components/ui.tsx';
import { formatBytes } from '../app/format.ts';
import { useHost } from '../app/host-context.tsx';

/** A backup to restore: a path from the OS dialog (desktop) or a file the browser will upload. */
type Chosen = { name: string; path: string } | { name: string; file: File };

const dateTime = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
const baseName = (path: string) => path.split(/[\\/]/).pop() ?? path;
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const contents = (s: BackupSummary) =>
  [count(s.clients, 'client', 'clients'), count(s.visits, 'visit', 'visits'), count(s.videos, 'video', 'videos'), count(s.analyses, 'analysis', 'analyses')].join(', ');

export function DataScreen({ info }: { info: AppInfo }) {
  const host = useHost();
  const { api } = host;
  const desktop = host.kind === 'electron';
  const fileInput = useRef<HTMLInputElement>(null);

  const [backingUp, setBackingUp] = useState(false);
  const [backup, setBackup] = useState<Result<BackupSummary | null> | null>(null);

  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [restoring, setRestoring] = useState<string | null>(null);
  const [restore, setRestore] = useState<Result<RestoreSummary> | null>(null);
  const [chooseError, setChooseError] = useState<string | null>(null);

  const backUp = async () => {
    setBackingUp(true);
    setBackup(null);
    setBackup(await api['backup.create']({}));
    setBackingUp(false);
  };

  const choose = async () => {
    setRestore(null);
    setChooseError(null);
    if (!desktop) return fileInput.current?.click();
    const picked = await api['dialog.chooseBackupFile']({});
    if (!picked.ok) return setChooseError(picked.error.message);
    if (picked.value) setChosen({ name: baseName(picked.value), path: picked.value });
  };

  const confirmRestore = async () => {
    if (!chosen) return;
    let source: BackupSource;
    if ('path' in chosen) source = { kind: 'path', path: chosen.path };
    else {
      if (!host.stageFile) return;
      setRestoring('Sending the backup to GaitLens…');
      const staged = await host.stageFile(chosen.file, (fraction) => setRestoring(`Sending the backup to GaitLens… ${Math.round(fraction * 100)}%`));
      if (!staged.ok) {
        setRestoring(null);
        return setRestore(staged);
      }
      if (staged.value.kind !== 'upload') return;
      source = { kind: 'upload', uploadId: staged.value.uploadId };
    }
    setRestoring('Checking the backup, then restoring…');
    setRestore(await api['backup.restore']({ source }));
    setRestoring(null);
    setChosen(null);
  };

  return (
    <section className="screen" aria-label="Data">
      <PageHeader title="Data" />
      <p className="muted">
        Everything GaitLens keeps is in one data folder on this computer: <span className="file-name">{info.dataDir}</span>
      </p>

      <div className="card">
        <h2>Back up</h2>
        <p>
          A backup is one file holding every client, visit, video and analysis. Keep it somewhere other than this computer (an external disk
          or the clinic's backup drive). You can keep working while it is written.
        </p>
        {!desktop && <p className="muted">In the browser, the backup is saved in the data folder's "backups" folder.</p>}
        <div className="form-actions">
          <button className="button-primary" onClick={backUp} disabled={backingUp || restoring !== null}>
            {backingUp ? 'Backing up…' : 'Back up now'}
          </button>
        </div>
        {backup && !backup.ok && <ErrorNotice title="No backup was written." error={backup.error} />}
        {backup?.ok && backup.value && (
          <div className="notice notice-ok" role="status" data-testid="backup-result">
            <strong>Backup saved.</strong> {contents(backup.value)}, {formatBytes(backup.value.sizeBytes)}.
            <br />
            <span className="file-name">{backup.value.file}</span>
          </div>
        )}
      </div>

      <div className="card">
        <h2>Restore from a backup</h2>
        <p>
          GaitLens first checks the whole backup. Only if it is complete and undamaged do its clients, visits, videos and analyses replace
          the ones here. The data it replaces is not deleted: it is kept in the data folder (in a folder named "before-restore-" and the
          date).
        </p>
        <div className="form-actions">
          <button className="button-secondary" onClick={choose} disabled={backingUp || restoring !== null}>
            Restore from backup…
          </button>
          {!desktop && (
            <input
              ref={fileInput}
              type="file"
              accept=".gaitlens-backup"
              hidden
              data-testid="backup-file-input"
              onChange={(event) => {
                const file = event.target.files?.[0];
                if (file) setChosen({ name: file.name, file });
                event.target.value = '';
              }}
            />
          )}
        </div>
        {chooseError && <ErrorNotice error={chooseError} />}
        {chosen && !restoring && (
          <div className="notice notice-warning" role="alertdialog" aria-label="Confirm restore">
            <p>
              <strong>Replace all data here with the backup “{chosen.name}”?</strong>
            </p>
            <p>
              Clients, visits, videos and analyses added or changed since that backup was made will no longer be shown; they stay in the
              kept folder.
            </p>
            <div className="form-actions">
              <button className="button-secondary" onClick={() => setChosen(null)}>
                Cancel
              </button>
              <button className="button-primary" onClick={confirmRestore}>
                Restore
              </button>
            </div>
          </div>
        )}
        {restoring && (
          <p className="loading" role="status">
            {restoring}
          </p>
        )}
        {restore && !restore.ok && <ErrorNotice title="Nothing was restored." error={restore.error} />}
        {restore?.ok && (
          <div className="notice notice-ok" role="status" data-testid="restore-result">
            <strong>Restored.</strong> The backup of {dateTime.format(new Date(restore.value.createdAt))} is now the data here:{' '}
            {contents(restore.value)}.
            {restore.value.previousDataKeptAt && (
              <>
                <br />
                The data it replaced is kept in <span className="file-name">{restore.value.previousDataKeptAt}</span>
              </>
            )}
          </div>
        )}
      </div>
    </section>
  );
}
