/**
 * On the visit screen: the plan's state, and the way to the plan editor, the report and its PDF.
 * One main button: drafting the plan once a video is analysed, exporting the PDF once there is a plan.
 */
import type { Visit } from '../../../shared/contract/entities.ts';
import { useHost } from '../app/host-context.tsx';
import { href } from '../app/routes.ts';
import { useResult } from '../app/use-result.ts';
import { ExportPdfButton } from './ExportPdfButton.tsx';
import { plural } from './format.ts';
import { isMeasured } from '../../../shared/endurance/windows.ts';

export function VisitReportCard({ visit }: { visit: Visit }) {
  const { api } = useHost();
  const client = useResult(() => api['clients.get']({ id: visit.clientId }), visit.clientId);
  const plan = visit.plan;
  const analysed = isMeasured(visit);
  return (
    <section className="card report-card" aria-label="Plan and report">
      <div>
        <h2>Plan and report</h2>
        <p className="muted">
          {plan
            ? `Plan saved: ${plural(plan.items.length, 'exercise')}, ${plural(plan.cues.length, 'gait cue')}${plan.hold ? ', on hold' : ''}.`
            : 'No plan yet: draft one from the findings, the cadence and the intake.'}
        </p>
      </div>
      <div className="page-actions">
        <a className={`${analysed && !plan ? 'button-primary' : 'button-secondary'} link-button`} href={href({ screen: 'plan', visitId: visit.id })}>
          {plan ? 'Edit plan' : 'Draft plan'}
        </a>
        <a className="button-secondary link-button" href={href({ screen: 'report', visitId: visit.id })}>
          Open report
        </a>
        {client.status === 'ready' && <ExportPdfButton visitId={visit.id} clientName={client.value.name} visitDate={visit.visitDate} primary={visit.plan !== null} />}
      </div>
    </section>
  );
}
