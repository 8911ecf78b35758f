/**
 * Two visits side by side: a video of each, with its skeleton overlay, played in step and aligned
 * on the first initial contact of the chosen foot; one set of controls moves both. Beside them
 * the change of every measure between the two visits, judged against its measurement error.
 */
import { useMemo, useState } from 'react';
import type { Visit } from '../../../shared/contract/entities.ts';
import { MEASURES } from '../../../shared/gait/measures.ts';
import type { Side } from '../../../shared/gait/types.ts';
import { DAMSTED_BETWEEN_DAY_DEG } from '../../../shared/progress/change-rules.ts';
import { compareVisits, visitPoint, type VisitInput } from '../../../shared/progress/change.ts';
import { formatDate } from '../app/format.ts';
import { useHost } from '../app/host-context.tsx';
import type { LoadedAnalysis, LoadedVisit } from '../app/load-analysis.ts';
import { href, navigate } from '../app/routes.ts';
import { useResult } from '../app/use-result.ts';
import { ErrorNotice, Loading, PageHeader } from '../components/ui.tsx';
import { sideName } from '../review/format.ts';
import { viewText } from '../review/MetricsPanel.tsx';
import { ChangeVerdict, PointValue } from './change-view.tsx';
import { loadClientRecords, oldestFirst, visitLabels, type ClientRecords } from './load-records.ts';
import { SyncedPair } from './SyncedPair.tsx';

interface Props {
  clientId: string;
  visitA?: string;
  visitB?: string;
}

export function CompareScreen({ clientId, visitA, visitB }: Props) {
  const host = useHost();
  const records = useResult(() => loadClientRecords(host, clientId), clientId);
  if (records.status === 'loading') return <Loading what="the client's visits and analyses" />;
  if (records.status === 'error') return <ErrorNotice error={records.error} />;
  return <Compare records={records.value} visitA={visitA} visitB={visitB} />;
}

function Compare({ records, visitA, visitB }: { records: ClientRecords; visitA?: string; visitB?: string }) {
  const { client, analysed } = records;
  const labels = useMemo(() => visitLabels(analysed.map((l) => l.visit), formatDate), [analysed]);
  const find = (id: string | undefined) => analysed.find((l) => l.visit.id === id);
  // by default the two newest analysed visits, the earlier one first
  const a = find(visitA) ?? analysed[analysed.length - 2];
  const b = find(visitB) ?? analysed[analysed.length - 1];
  const [foot, setFoot] = useState<Side>('left');

  const header = (
    <PageHeader
      crumbs={
        <>
          <a href={href({ screen: 'clients' })}>Clients</a>
          <span aria-hidden> / </span>
          <a href={href({ screen: 'client', clientId: client.id })}>{client.name}</a>
        </>
      }
      title="Compare two visits"
      actions={
        <a className="button-secondary" href={href({ screen: 'progress', clientId: client.id })}>
          Progress over all visits
        </a>
      }
    />
  );
  if (!a || !b || a === b) {
    return (
      <section className="screen" aria-label="Compare visits">
        {header}
        <div className="empty">
          <p className="empty-title">Two analysed visits are needed</p>
          <p>
            {analysed.length} visit{analysed.length === 1 ? ' is' : 's are'} analysed. Analyse a video of another visit, then compare.
          </p>
        </div>
      </section>
    );
  }
  const choose = (which: 'a' | 'b', id: string) =>
    navigate({ screen: 'compare', clientId: client.id, visitA: which === 'a' ? id : a.visit.id, visitB: which === 'b' ? id : b.visit.id });

  return (
    <section className="screen" aria-label="Compare visits">
      {header}
      <div className="card compare-choices">
        <VisitSelect label="Visit A" value={a.visit.id} visits={analysed} labels={labels} onChange={(id) => choose('a', id)} />
        <VisitSelect label="Visit B" value={b.visit.id} visits={analysed} labels={labels} onChange={(id) => choose('b', id)} />
        <fieldset className="foot-choice">
          <legend>Align on the first initial contact of the</legend>
          {(['left', 'right'] as const).map((side) => (
            <label key={side} className={`inline-check side-${side}`}>
              <input type="radio" name="foot" value={side} checked={foot === side} onChange={() => setFoot(side)} />
              <span>{sideName(side)} foot</span>
            </label>
          ))}
        </fieldset>
      </div>
      <div className="compare-layout">
        <ComparedVideos key={`${a.visit.id}|${b.visit.id}`} a={a} b={b} labels={labels} foot={foot} />
        <Deltas records={records} a={a.visit} b={b.visit} labels={labels} />
      </div>
    </section>
  );
}

function VisitSelect(props: { label: string; value: string; visits: LoadedVisit[]; labels: Map<string, string>; onChange: (id: string) => void }) {
  return (
    <label className="field">
      <span className="field-label">{props.label}</span>
      <select value={props.value} onChange={(e) => props.onChange(e.target.value)}>
        {props.visits.map((l) => (
          <option key={l.visit.id} value={l.visit.id}>
            {props.labels.get(l.visit.id)}
            {l.visit.reason ? ` · ${l.visit.reason}` : ''}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The video shown by default: a side view with the aligned foot toward the camera, else a side view, else the first. */
function defaultVideo(visit: LoadedVisit, foot: Side): LoadedAnalysis {
  const side = visit.analyses.filter((x) => x.analysis.view.kind === 'sagittal');
  return side.find((x) => x.analysis.view.side === foot) ?? side[0] ?? visit.analyses[0]!;
}

function ComparedVideos({ a, b, labels, foot }: { a: LoadedVisit; b: LoadedVisit; labels: Map<string, string>; foot: Side }) {
  const [chosen, setChosen] = useState<{ a: string | null; b: string | null }>({ a: null, b: null });
  const pick = (visit: LoadedVisit, id: string | null) => visit.analyses.find((x) => x.video.id === id) ?? defaultVideo(visit, foot);
  const clipA = pick(a, chosen.a);
  const clipB = pick(b, chosen.b);
  return (
    <div className="compare-videos">
      <div className="compare-pickers">
        {([['a', a, clipA], ['b', b, clipB]] as const).map(([which, visit, clip]) => (
          <label key={which} className="field">
            <span className="field-label">
              {which === 'a' ? 'Visit A' : 'Visit B'}, {labels.get(visit.visit.id)}: video
            </span>
            <select value={clip.video.id} onChange={(e) => setChosen((c) => ({ ...c, [which]: e.target.value }))}>
              {visit.analyses.map((x) => (
                <option key={x.video.id} value={x.video.id}>
                  {x.video.originalName} · {viewText(x.analysis.view)}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <SyncedPair key={`${clipA.video.id}|${clipB.video.id}`} clips={[clipA, clipB]} titles={['Visit A', 'Visit B']} foot={foot} />
    </div>
  );
}

function Deltas({ records, a, b, labels }: { records: ClientRecords; a: Visit; b: Visit; labels: Map<string, string> }) {
  const inputOf = (v: Visit): VisitInput => records.inputs.find((i) => i.id === v.id)!;
  const changes = useMemo(() => compareVisits(records.inputs, a.id, b.id), [records, a, b]);
  // compareVisits puts the earlier visit first, whatever the order chosen
  const [from, to] = oldestFirst(a, b) <= 0 ? [a, b] : [b, a];
  const names = useMemo(() => {
    const m = new Map<string, string>();
    for (const l of records.analysed) for (const x of l.analyses) m.set(x.video.id, x.video.originalName);
    return m;
  }, [records]);
  const videoName = (id: string) => names.get(id) ?? 'a video of this visit';
  const rows = changes
    .map((change) => ({
      change,
      before: visitPoint(inputOf(from), change.measureId, change.side),
      after: visitPoint(inputOf(to), change.measureId, change.side),
    }))
    .filter((r) => r.before.mean !== null || r.after.mean !== null);
  return (
    <section className="card compare-deltas" aria-label="Changes between the two visits">
      <h2>
        {labels.get(from.id)} → {labels.get(to.id)}
      </h2>
      <p className="muted small">
        A change within the measurement error (knee and hip angles at foot strike: {DAMSTED_BETWEEN_DAY_DEG}° between days) is no real change.
        Each value comes from the visit's best video for the measure, which may not be the one shown.
      </p>
      <ul className="delta-list" data-testid="compare-deltas">
        {rows.map(({ change, before, after }) => {
          const unit = MEASURES[change.measureId].unit;
          return (
            <li key={`${change.measureId}-${change.side ?? ''}`} data-measure={change.measureId} data-side={change.side ?? ''}>
              <div className="delta-head">
                <strong>{MEASURES[change.measureId].label}</strong>
                {change.side && <span className={`side-${change.side}`}> · {sideName(change.side)}</span>}
              </div>
              <div className="delta-values">
                <PointValue point={before} unit={unit} videoName={videoName} />
                <span aria-hidden>→</span>
                <PointValue point={after} unit={unit} videoName={videoName} />
              </div>
              <ChangeVerdict change={change} unit={unit} />
            </li>
          );
        })}
      </ul>
    </section>
  );
}
