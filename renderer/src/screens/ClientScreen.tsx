import { useState } from 'react';
import { ClientForm } from '../components/ClientForm.tsx';
import { ErrorNotice, Loading, PageHeader } from '../components/ui.tsx';
import { VisitForm } from '../components/VisitForm.tsx';
import type { AttachOutcome } from '../components/video-attach.ts';
import type { Visit } from '../../../shared/contract/entities.ts';
import { positiveRedFlags, redFlagStatus } from '../../../shared/plan/intake.ts';
import { ageYears, formatDate } from '../app/format.ts';
import { useHost } from '../app/host-context.tsx';
import { href, navigate } from '../app/routes.ts';
import { useResult } from '../app/use-result.ts';
import { DeleteClientDialog } from '../records/DeleteClientDialog.tsx';
import { isMeasured, measuredVideo } from '../../../shared/endurance/windows.ts';

export function ClientScreen({ clientId }: { clientId: string }) {
  const { api } = useHost();
  const client = useResult(() => api['clients.get']({ id: clientId }), clientId);
  const visits = useResult(() => api['visits.list']({ clientId }), clientId);
  const [editing, setEditing] = useState(false);
  const [addingVisit, setAddingVisit] = useState(false);
  const [partial, setPartial] = useState<{ visit: Visit; failures: AttachOutcome[] } | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [archiveError, setArchiveError] = useState<string | null>(null);

  if (client.status === 'loading') return <Loading what="client" />;
  if (client.status === 'error') return <ErrorNotice error={client.error} />;
  const c = client.value;
  const age = ageYears(c.dateOfBirth);
  const visitList = visits.status === 'ready' ? visits.value : null;
  const analysedVisits = visitList?.filter(isMeasured).length ?? 0;

  const setArchived = async (archived: boolean) => {
    setArchiveError(null);
    const result = await api['clients.archive']({ id: c.id, archived });
    if (result.ok) client.reload();
    else setArchiveError(result.error.message);
  };

  return (
    <section className="screen" aria-label="Client">
      <PageHeader
        crumbs={<a href={href({ screen: 'clients' })}>Clients</a>}
        title={c.name}
        actions={
          <>
            <a className="button-secondary" href={href({ screen: 'progress', clientId })}>
              Progress
            </a>
            {analysedVisits >= 2 && (
              <a className="button-secondary" href={href({ screen: 'compare', clientId })}>
                Compare visits
              </a>
            )}
            {!editing && (
              <button className="button-secondary" onClick={() => setEditing(true)}>
                Edit profile
              </button>
            )}
            {!addingVisit && (
              <button className="button-primary" onClick={() => setAddingVisit(true)}>
                New visit
              </button>
            )}
          </>
        }
      />
      {c.archivedAt && (
        <div className="notice notice-warning archived-banner" role="status">
          <span>
            <strong>Archived</strong> on {formatDate(c.archivedAt.slice(0, 10))}: hidden from the client list, every record kept.
          </span>
          <button type="button" className="button-secondary" onClick={() => setArchived(false)}>
            Restore to the list
          </button>
        </div>
      )}
      {editing ? (
        <ClientForm
          client={c}
          onCancel={() => setEditing(false)}
          onSaved={() => {
            setEditing(false);
            client.reload();
          }}
        />
      ) : (
        <dl className="card facts facts-4" aria-label="Profile">
          <div>
            <dt>Date of birth</dt>
            <dd>
              {formatDate(c.dateOfBirth)}
              {age !== null && <span className="muted"> · {age} years</span>}
            </dd>
          </div>
          <div>
            <dt>Height</dt>
            <dd>{c.heightCm != null ? `${c.heightCm} cm` : '—'}</dd>
          </div>
          <div>
            <dt>Leg length</dt>
            <dd>{c.legLengthCm != null ? `${c.legLengthCm} cm` : <span className="muted">Not measured</span>}</dd>
          </div>
          <div>
            <dt>Dominant side</dt>
            <dd>{c.dominantSide === 'left' ? 'Left' : c.dominantSide === 'right' ? 'Right' : <span className="muted">Not recorded</span>}</dd>
          </div>
          <div className="wide">
            <dt>Notes</dt>
            <dd className="prewrap">{c.notes || '—'}</dd>
          </div>
        </dl>
      )}
      {addingVisit && (
        <VisitForm
          clientId={clientId}
          onCancel={() => setAddingVisit(false)}
          onDone={(visit, failures) => {
            setAddingVisit(false);
            visits.reload();
            if (failures.length === 0) navigate({ screen: 'visit', visitId: visit.id });
            else setPartial({ visit, failures });
          }}
        />
      )}
      {partial && (
        <div className="notice notice-warning" role="alert">
          <strong>The visit of {formatDate(partial.visit.visitDate)} is saved, but not every video was attached.</strong>
          <ul>
            {partial.failures.map((f) => (
              <li key={f.name}>
                {f.name}: {f.result.ok ? '' : f.result.error.message}
              </li>
            ))}
          </ul>
          <a href={href({ screen: 'visit', visitId: partial.visit.id })}>Open the visit to attach another file</a>
        </div>
      )}
      <h2 className="section-title">Visits</h2>
      {visits.status === 'loading' && <Loading what="visits" />}
      {visits.status === 'error' && <ErrorNotice error={visits.error} />}
      {visits.status === 'ready' &&
        (visits.value.length === 0 ? (
          <div className="empty">
            <p>No visits yet. Start one to attach the running videos.</p>
          </div>
        ) : (
          <ul className="visit-list" aria-label="Visits">
            {visits.value.map((visit) => (
              <li key={visit.id}>
                <a className="visit-row" href={href({ screen: 'visit', visitId: visit.id })}>
                  <span className="visit-date">{formatDate(visit.visitDate)}</span>
                  <span className="visit-reason">
                    {visit.reason || <span className="muted">No reason recorded</span>}
                    <RedFlagTag visit={visit} />
                  </span>
                  <span className="muted">
                    {visit.videos.length} video{visit.videos.length === 1 ? '' : 's'}
                    {visit.videos.length > 0 && ` · ${visit.videos.filter((v) => measuredVideo(v) !== null).length} analysed`}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        ))}
      <section className="card danger-zone" aria-label="Client record">
        <div>
          <h2>Client record</h2>
          <p className="muted small">
            Archive hides the client from the list and keeps every visit. Delete removes the client, every visit and analysis, and the
            video files no other client uses.
          </p>
          {archiveError && <ErrorNotice error={archiveError} />}
        </div>
        <div className="danger-actions">
          {!c.archivedAt && (
            <button type="button" className="button-secondary" onClick={() => setArchived(true)}>
              Archive client
            </button>
          )}
          <button type="button" className="button-danger-outline" onClick={() => setDeleting(true)} disabled={!visitList}>
            Delete client…
          </button>
        </div>
      </section>
      {deleting && visitList && (
        <DeleteClientDialog
          client={c}
          visits={visitList.length}
          videos={visitList.reduce((n, v) => n + v.videos.length, 0)}
          onCancel={() => setDeleting(false)}
          onDeleted={() => navigate({ screen: 'clients' })}
        />
      )}
    </section>
  );
}

/** A visit whose red flags are not reviewed (or referred) says so in the list. */
function RedFlagTag({ visit }: { visit: Visit }) {
  if (!visit.intake) return null;
  const status = redFlagStatus(visit.intake);
  if (status === 'unreviewed') {
    const urgent = positiveRedFlags(visit.intake).some((f) => f.urgency === 'urgent');
    return (
      <span className="intake-tag intake-urgent" data-testid="visit-red-flag">
        {urgent ? 'Urgent red flag: not reviewed' : 'Red flag: not reviewed'}
      </span>
    );
  }
  if (status === 'referred') {
    return (
      <span className="intake-tag intake-referred" data-testid="visit-red-flag">
        Referred to a doctor
      </span>
    );
  }
  return null;
}
