/**
 * The visit's measures combined from all its analysed videos (shared/gait/visit-summary.ts):
 * each value with the video it comes from, symmetry from the chosen left and right values, and
 * the findings of each video.
 */
import type { Visit } from '../../../shared/contract/entities.ts';
import { MEASURES, SIDE_MEASURES } from '../../../shared/gait/measures.ts';
import { OVERALL_MEASURES, type CombinedValue, type ValueSource } from '../../../shared/gait/visit-summary.ts';
import { useHost } from '../app/host-context.tsx';
import { loadVisitAnalyses } from '../app/load-analysis.ts';
import { useResult } from '../app/use-result.ts';
import { byReason } from './format.ts';
import { ErrorNotice, Loading } from '../components/ui.tsx';
import { Confidence, FindingCard, MeasureName, Symmetry, Value } from './MetricsPanel.tsx';
import { legNames } from '../../../shared/gait/findings.ts';
import { namesOf } from '../report/model.ts';

const viewName = (s: ValueSource) => (s.view === 'frontal' ? (s.viewSide === 'front' ? 'front view' : 'rear view') : `${s.viewSide} side view`);

/** Videos named by letter in the tables (A, B, ...), in the visit's order, so a long file name is written once. */
const letterOf = (videos: readonly ValueSource[], id: string) => String.fromCharCode(65 + videos.findIndex((v) => v.videoId === id));

export function VisitSummaryPanel({ visit }: { visit: Visit }) {
  const host = useHost();
  const loaded = useResult(() => loadVisitAnalyses(host, visit), `${visit.id}:${visit.videos.map((v) => v.analysis?.id).join()}`);
  if (loaded.status === 'loading') return <Loading what="the visit's analyses" />;
  if (loaded.status === 'error') return <ErrorNotice error={loaded.error} />;
  const summary = loaded.value.summary;
  if (!summary) return <p className="muted">No analysed video in this visit.</p>;
  const rows = SIDE_MEASURES.filter((id) => summary.perSide.left[id].from || summary.perSide.right[id].from);
  const namesFor = (videoId: string) => {
    const analysed = loaded.value.analyses.find((a) => a.video.id === videoId);
    return analysed ? namesOf(analysed.analysis) : legNames(null, true);
  };
  const missing = SIDE_MEASURES.filter((id) => !rows.includes(id));
  return (
    <div className="card visit-summary" data-testid="visit-summary">
      <h2>Visit summary</h2>
      <p className="muted small">
        Sagittal measures come from the side views (each side from the video in which it faces the camera), frontal measures (pelvic drop, hip
        adduction, knee FPPA, step width, crossover) from the rear or front view.
      </p>
      <ul className="summary-videos small">
        {summary.videos.map((v) => (
          <li key={v.videoId}>
            <strong className="video-letter">{letterOf(summary.videos, v.videoId)}</strong> {v.videoName} · {viewName(v)}
          </li>
        ))}
      </ul>
      <table className="table metrics-table">
        <thead>
          <tr>
            <th>Whole visit</th>
            <th>Mean ± SD (n)</th>
            <th>From</th>
          </tr>
        </thead>
        <tbody>
          {OVERALL_MEASURES.map((id) => (
            <tr key={id} data-measure={id}>
              <MeasureName id={id} note={null} />
              <td>
                <Value summary={summary.overall[id].summary} />
                <Confidence summary={summary.overall[id].summary} />
              </td>
              <td className="small">
                <From value={summary.overall[id]} videos={summary.videos} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="table metrics-table">
        <thead>
          <tr>
            <th>Per side</th>
            <th className="th-left">Left</th>
            <th className="th-right">Right</th>
            <th>Symmetry</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((id) => (
            <tr key={id} data-measure={id}>
              <MeasureName id={id} note={null} />
              {(['left', 'right'] as const).map((side) => (
                <td key={side}>
                  <Value summary={summary.perSide[side][id].summary} />
                  <Confidence summary={summary.perSide[side][id].summary} />
                  <span className="block small">
                    <From value={summary.perSide[side][id]} videos={summary.videos} />
                  </span>
                </td>
              ))}
              <td>
                <Symmetry entry={summary.symmetry[id]} unit={MEASURES[id].unit} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {missing.length > 0 && (
        <div className="metrics-missing small">
          <strong>Not measured in this visit</strong>
          <ul className="plain-list">
            {byReason(missing.map((id) => ({ label: MEASURES[id].label.toLowerCase(), reason: summary.perSide.left[id].summary.reasonIfAbsent ?? '' }))).map(([reason, labels]) => (
              <li key={reason}>
                {reason} <span className="muted">{labels.join(', ')}.</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      <h3 className="subhead">Findings</h3>
      {summary.findings.length === 0 ? (
        <p className="muted">No finding in this visit.</p>
      ) : (
        <ul className="findings">
          {summary.findings.map(({ finding, from }, k) => (
            <FindingCard key={`${finding.id}${finding.side ?? ''}${k}`} finding={finding} names={namesFor(from.videoId)} from={`${letterOf(summary.videos, from.videoId)} (${viewName(from)})`} />
          ))}
        </ul>
      )}
    </div>
  );
}

function From({ value, videos }: { value: CombinedValue; videos: readonly ValueSource[] }) {
  if (!value.from) return null;
  const others = value.otherSources.map((o) => letterOf(videos, o.videoId));
  return (
    <span className="muted from-video" title={others.length ? `Also measured in ${others.join(', ')}` : undefined}>
      from {letterOf(videos, value.from.videoId)}
    </span>
  );
}
