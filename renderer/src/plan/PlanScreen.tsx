/**
 * The plan editor (#/visits/<id>/plan): drafts the plan from the visit's findings (its analysed
 * videos with their saved corrections), the measured cadence and the intake, then lets the
 * clinician change everything before saving it with the visit.
 */
import { useState } from 'react';
import type { Visit } from '../../../shared/contract/entities.ts';
import { draftPlan } from '../../../shared/plan/generate.ts';
import { emptyIntake, runningAdviceHeld } from '../../../shared/plan/intake.ts';
import type { Plan } from '../../../shared/plan/types.ts';
import { useHost } from '../app/host-context.tsx';
import { loadVisitAnalyses, type LoadedVisit } from '../app/load-analysis.ts';
import { loadRun, type LoadedRun } from '../app/load-run.ts';
import type { Result } from '../../../shared/contract/result.ts';
import { href } from '../app/routes.ts';
import { useResult } from '../app/use-result.ts';
import { ErrorNotice, Loading, PageHeader } from '../components/ui.tsx';
import { RedFlagBanner } from '../intake/RedFlagBanner.tsx';
import { VisitCrumbs } from '../components/Crumbs.tsx';
import { PlanEditor } from './PlanEditor.tsx';

export function PlanScreen({ visitId }: { visitId: string }) {
  const host = useHost();
  const loaded = useResult(async (): Promise<Result<Basis>> => {
    const visit = await host.api['visits.get']({ id: visitId });
    if (!visit.ok) return visit;
    const [analyses, run] = await Promise.all([loadVisitAnalyses(host, visit.value), loadRun(host, visit.value)]);
    if (!analyses.ok) return analyses;
    if (!run.ok) return run;
    return { ok: true, value: { ...analyses.value, run: run.value } };
  }, visitId);
  if (loaded.status === 'loading') return <Loading what="plan" />;
  if (loaded.status === 'error') return <ErrorNotice error={loaded.error} />;
  return <PlanWorkspace key={loaded.value.visit.id} loaded={loaded.value} />;
}

/** What the draft is made from: the visit's analysed videos and the windows of its run. */
type Basis = LoadedVisit & { run: LoadedRun | null };

/** The findings of the videos, then those of the run (form late in the run). */
const findingsOf = ({ summary, run }: Basis) => [...(summary?.findings.map((f) => f.finding) ?? []), ...(run?.drift.findings ?? [])];

/** The measured cadence: the visit's, else that of the run's first window (the fresh runner). */
function cadenceOf({ summary, run }: Basis): number | null {
  const first = run?.windows[0]?.analysis.metrics.cadenceSpm;
  return summary?.overall.cadenceSpm.summary.mean ?? (first && first.level !== 'low' ? first.mean : null);
}

function draftFrom(basis: Basis): Plan {
  return draftPlan({ findings: findingsOf(basis), cadenceSpm: cadenceOf(basis), intake: basis.visit.intake ?? emptyIntake() });
}

function PlanWorkspace({ loaded }: { loaded: Basis }) {
  const { api } = useHost();
  const [visit, setVisit] = useState<Visit>(loaded.visit);
  const [draft, setDraft] = useState<Plan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const plan = draft ?? visit.plan;
  const { summary } = loaded;
  const cadence = cadenceOf(loaded);
  const held = visit.intake !== null && runningAdviceHeld(visit.intake);

  const save = async (next: Plan | null) => {
    // saving in the editor is the clinician's review of a draft made by the headless command
    const reviewed = next && (({ unreviewedDraft: _, ...rest }: Plan): Plan => rest)(next);
    const result = await api['visits.setPlan']({ visitId: visit.id, plan: reviewed });
    if (!result.ok) {
      setError(result.error.message);
      return false;
    }
    setError(null);
    setVisit(result.value);
    setDraft(null);
    setSaved(next !== null);
    return true;
  };

  return (
    <section className="screen" aria-label="Plan">
      <PageHeader
        crumbs={<VisitCrumbs visit={visit} withVisit />}
        title="Plan"
        actions={
          <a className="button-secondary link-button" href={href({ screen: 'report', visitId: visit.id })}>
            Open report
          </a>
        }
      />
      <RedFlagBanner intake={visit.intake} />
      <div className="card plan-basis" aria-label="What the draft uses">
        <p>
          The draft uses{' '}
          {summary
            ? `${summary.findings.length} finding${summary.findings.length === 1 ? '' : 's'} from ${loaded.analyses.length} analysed video${loaded.analyses.length === 1 ? '' : 's'} (with your corrections)`
            : 'no findings from a video: no video of this visit is analysed on its own yet'}
          {loaded.run ? `, ${loaded.run.drift.findings.length} from the ${loaded.run.windows.length} windows of the run` : ''},{' '}
          {cadence !== null ? `a measured cadence of ${Math.round(cadence)} steps/min` : 'no measured cadence'}{' '}
          and {visit.intake ? 'the intake' : 'no intake (fill it in on the visit screen for the long-run day, lateral hip pain and the red flags)'}.
        </p>
        {!plan && (
          <button className="button-primary" onClick={() => setDraft(draftFrom({ ...loaded, visit }))}>
            Draft plan
          </button>
        )}
      </div>
      {error && <ErrorNotice title="Not saved." error={error} />}
      {plan?.unreviewedDraft && (
        <div className="notice" role="status">
          This plan was drafted by the headless command (<code>--plan</code>) and the report marks it as a draft not yet reviewed. Saving it here
          marks it reviewed.
        </div>
      )}
      {plan?.hold && !held && (
        <div className="notice notice-warning" role="status">
          This plan was drafted while the red flags were not reviewed, so it holds no exercises. You have reviewed them since: discard it and draft
          it again.
        </div>
      )}
      {plan && !plan.hold && held && (
        <div className="notice notice-warning" role="status">
          Red flags are positive and not reviewed: the report holds this plan’s exercises and running advice until you review them in the intake.
        </div>
      )}
      {plan && (
        <PlanEditor
          key={draft ? 'draft' : `saved-${visit.plan === null ? 0 : 1}`}
          initial={plan}
          unsavedDraft={draft !== null}
          saved={saved}
          onChange={() => setSaved(false)}
          onSave={save}
          onDiscard={async () => {
            if (draft) setDraft(null);
            else await save(null);
          }}
        />
      )}
    </section>
  );
}
