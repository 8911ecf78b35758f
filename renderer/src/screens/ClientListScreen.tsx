import { useEffect, useMemo, useState } from 'react';
import { ClientForm } from '../components/ClientForm.tsx';
import { ErrorNotice, Loading, PageHeader } from '../components/ui.tsx';
import type { ClientSummary } from '../../../shared/contract/entities.ts';
import { ageYears, formatDate } from '../app/format.ts';
import { useHost } from '../app/host-context.tsx';
import { href, navigate } from '../app/routes.ts';
import { useResult } from '../app/use-result.ts';
import { DeletionReport } from '../records/DeleteClientDialog.tsx';
import { clearDeletionReport, pendingDeletionReport } from '../records/deletion-report.ts';

type SortBy = 'lastVisit' | 'name';

const byName = (a: ClientSummary, b: ClientSummary) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

export function ClientListScreen() {
  const { api } = useHost();
  const [query, setQuery] = useState('');
  const [sortBy, setSortBy] = useState<SortBy>('lastVisit');
  const [includeArchived, setIncludeArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  // shown once, on the list the clinician comes back to after deleting a client
  const [deleted, setDeleted] = useState(pendingDeletionReport);
  useEffect(() => clearDeletionReport(), []);
  const clients = useResult(() => api['clients.list']({ query, includeArchived }), `${includeArchived}|${query}`);
  // the host lists the most recently seen first (no visit last); the name order is the clinician's other choice
  const rows = useMemo(
    () => (clients.status !== 'ready' ? [] : sortBy === 'name' ? [...clients.value].sort(byName) : clients.value),
    [clients, sortBy],
  );

  return (
    <section className="screen" aria-label="Clients">
      <PageHeader
        title="Clients"
        actions={
          !creating && (
            <button className="button-primary" onClick={() => setCreating(true)}>
              New client
            </button>
          )
        }
      />
      {deleted && <DeletionReport report={deleted} onDismiss={() => setDeleted(null)} />}
      {creating && (
        <ClientForm
          onCancel={() => setCreating(false)}
          onSaved={(client) => navigate({ screen: 'client', clientId: client.id })}
        />
      )}
      <div className="toolbar records-toolbar">
        <input
          type="search"
          className="search"
          placeholder="Search by name or notes"
          aria-label="Search clients"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label className="inline-field">
          <span>Sort by</span>
          <select value={sortBy} onChange={(e) => setSortBy(e.target.value as SortBy)} aria-label="Sort clients by">
            <option value="lastVisit">Last visit</option>
            <option value="name">Name</option>
          </select>
        </label>
        <label className="inline-check">
          <input type="checkbox" checked={includeArchived} onChange={(e) => setIncludeArchived(e.target.checked)} />
          <span>Show archived</span>
        </label>
      </div>
      {clients.status === 'loading' && <Loading what="clients" />}
      {clients.status === 'error' && <ErrorNotice error={clients.error} />}
      {clients.status === 'ready' &&
        (rows.length === 0 ? (
          <EmptyList query={query} includeArchived={includeArchived} />
        ) : (
          <table className="table client-table" aria-label="Client list">
            <thead>
              <tr>
                <th>Name</th>
                <th>Age</th>
                <th>Height</th>
                <th className="num">Visits</th>
                <th>Last visit</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((client) => (
                <tr
                  key={client.id}
                  className={client.archivedAt ? 'row-archived' : undefined}
                  onClick={() => navigate({ screen: 'client', clientId: client.id })}
                >
                  <td>
                    <a href={href({ screen: 'client', clientId: client.id })}>{client.name}</a>
                    {client.archivedAt && <span className="badge badge-muted">Archived</span>}
                  </td>
                  <td>{ageYears(client.dateOfBirth) ?? '—'}</td>
                  <td>{client.heightCm != null ? `${client.heightCm} cm` : '—'}</td>
                  <td className="num">{client.visitCount}</td>
                  <td>{client.lastVisitDate ? formatDate(client.lastVisitDate) : <span className="muted">No visit yet</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}

/** An empty list says why: no client at all, none matching, or only archived ones. */
function EmptyList({ query, includeArchived }: { query: string; includeArchived: boolean }) {
  const { api } = useHost();
  const archived = useResult(() => api['clients.list']({ query, includeArchived: true }), `${query}|archived`);
  const hidden = !includeArchived && archived.status === 'ready' ? archived.value.length : 0;
  const hiddenText = hidden > 0 && (
    <p>
      {hidden} archived client{hidden === 1 ? '' : 's'} {query ? (hidden === 1 ? 'matches' : 'match') : hidden === 1 ? 'is hidden' : 'are hidden'}:
      tick “Show archived” to see {hidden === 1 ? 'it' : 'them'}.
    </p>
  );
  if (query) {
    return (
      <div className="empty">
        <p>No client matches “{query}”.</p>
        {hiddenText}
      </div>
    );
  }
  return (
    <div className="empty">
      {hidden > 0 ? (
        <p className="empty-title">No active clients</p>
      ) : (
        <>
          <p className="empty-title">No clients yet</p>
          <p>Add your first client, then start a visit and attach the running videos.</p>
        </>
      )}
      {hiddenText}
    </div>
  );
}
