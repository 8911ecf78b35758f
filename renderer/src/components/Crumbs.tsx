/** Breadcrumbs down to a visit: Clients / the client's name / the visit (on the screens inside it). */
import type { Visit } from '../../../shared/contract/entities.ts';
import { formatDate } from '../app/format.ts';
import { useHost } from '../app/host-context.tsx';
import { href } from '../app/routes.ts';
import { useResult } from '../app/use-result.ts';

function ClientCrumb({ clientId }: { clientId: string }) {
  const { api } = useHost();
  const client = useResult(() => api['clients.get']({ id: clientId }), clientId);
  return <a href={href({ screen: 'client', clientId })}>{client.status === 'ready' ? client.value.name : 'Client'}</a>;
}

/** With `withVisit`, the visit's own crumb too (for the review, plan and other screens of a visit). */
export function VisitCrumbs({ visit, withVisit }: { visit: Pick<Visit, 'id' | 'clientId' | 'visitDate'>; withVisit: boolean }) {
  return (
    <>
      <a href={href({ screen: 'clients' })}>Clients</a>
      <span aria-hidden> / </span>
      <ClientCrumb clientId={visit.clientId} />
      {withVisit && (
        <>
          <span aria-hidden> / </span>
          <a href={href({ screen: 'visit', visitId: visit.id })}>Visit of {formatDate(visit.visitDate)}</a>
        </>
      )}
    </>
  );
}
