import { useState } from 'react';
import { ClientForm } from '../components/ClientForm.tsx';
import { ErrorNotice, Loading, PageHeader } from '../components/ui.tsx';
import { VisitForm } from '../components/VisitForm.tsx';
import type { AttachOutcome } from '../components/video-attach.ts';
import type { Visit } from '../../../shared/contract/entities.ts';
import { ageYears, formatDate } from '../app/format.ts';
import { useHost } from '../app/host-context.tsx';
import { href, navigate } from '../app/routes.ts';
import { useResult } from '../app/use-result.ts';

export function ClientScreen({ clientId }: { clientId: string }) {
  const { api } = useHost();
  const client = useResult(() => api['clients.get']({ id: clientId }), clientId);
  const visits = useResult(() => api['visits.list']({ clientId }), clientId);
  const [editing, setEditing] = useState(false);
  const [addingVisit, setAddingVisit] = useState(false);
  const [partial, setPartial] = useState<{ visit: Visit; failures: AttachOutcome[] } | null>(null);

  if (client.status === 'loading') return <Loading what="client" />;
  if (client.status === 'error') return <ErrorNotice error={client.error} />;
  const c = client.value;
  const age = ageYears(c.dateOfBirth);

  return (
    <section className="screen" aria-label="Client">
      <PageHeader
        crumbs={<a href={href({ screen: 'clients' })}>Clients</a>}
        title={c.name}
        actions={
          <>
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
        <dl className="card facts" aria-label="Profile">
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
                  <span className="visit-reason">{visit.reason || <span className="muted">No reason recorded</span>}</span>
                  <span className="muted">
                    {visit.videos.length} video{visit.videos.length === 1 ? '' : 's'}
                  </span>
                </a>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
