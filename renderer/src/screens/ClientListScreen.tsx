import { useState } from 'react';
import { ClientForm } from '../components/ClientForm.tsx';
import { ErrorNotice, Loading, PageHeader } from '../components/ui.tsx';
import { ageYears, formatDate } from '../app/format.ts';
import { useHost } from '../app/host-context.tsx';
import { href, navigate } from '../app/routes.ts';
import { useResult } from '../app/use-result.ts';

export function ClientListScreen() {
  const { api } = useHost();
  const [query, setQuery] = useState('');
  const [creating, setCreating] = useState(false);
  const clients = useResult(() => api['clients.list']({ query }), query);

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
      {creating && (
        <ClientForm
          onCancel={() => setCreating(false)}
          onSaved={(client) => navigate({ screen: 'client', clientId: client.id })}
        />
      )}
      <div className="toolbar">
        <input
          type="search"
          className="search"
          placeholder="Search by name or notes"
          aria-label="Search clients"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {clients.status === 'loading' && <Loading what="clients" />}
      {clients.status === 'error' && <ErrorNotice error={clients.error} />}
      {clients.status === 'ready' &&
        (clients.value.length === 0 ? (
          <div className="empty">
            {query ? (
              <p>No client matches “{query}”.</p>
            ) : (
              <>
                <p className="empty-title">No clients yet</p>
                <p>Add your first client, then start a visit and attach the running videos.</p>
              </>
            )}
          </div>
        ) : (
          <table className="table" aria-label="Client list">
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
              {clients.value.map((client) => (
                <tr key={client.id} onClick={() => navigate({ screen: 'client', clientId: client.id })}>
                  <td>
                    <a href={href({ screen: 'client', clientId: client.id })}>{client.name}</a>
                  </td>
                  <td>{ageYears(client.dateOfBirth) ?? '—'}</td>
                  <td>{client.heightCm != null ? `${client.heightCm} cm` : '—'}</td>
                  <td className="num">{client.visitCount}</td>
                  <td>{formatDate(client.lastVisitDate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ))}
    </section>
  );
}
