/**
 * On the visit screen, under an analysed video: its key numbers (cadence, contact time and knee
 * flexion at initial contact per leg) and how many findings it raised, as the review computes them
 * (stored track, saved corrections, the client's height on file). Values not reliable in the clip
 * are left out here as in the report, and a video whose feet the pose model lost says so.
 */
import type { VisitVideo } from '../../../shared/contract/entities.ts';
import { trusted } from '../../../shared/gait/plausibility.ts';
import type { MetricSummary, Side } from '../../../shared/gait/types.ts';
import { useHost } from '../app/host-context.tsx';
import { loadAnalysis } from '../app/load-analysis.ts';
import { useResult } from '../app/use-result.ts';
import { namesOf } from '../report/model.ts';
import { formatValue, withUnit } from '../review/format.ts';

const shown = (s: MetricSummary): string => {
  const t = trusted(s);
  return t.mean === null ? '—' : withUnit(formatValue(t.mean, t.unit), t.unit);
};

export function VideoKeyNumbers({ clientId, video }: { clientId: string; video: VisitVideo }) {
  const host = useHost();
  const loaded = useResult(async () => {
    const client = await host.api['clients.get']({ id: clientId });
    if (!client.ok) return client;
    return loadAnalysis(host, video, { heightCm: client.value.heightCm, legLengthCm: client.value.legLengthCm });
  }, `${video.analysis?.id}`);
  if (loaded.status !== 'ready' || !loaded.value) return null;
  const { analysis } = loaded.value;
  const names = namesOf(analysis);
  const perLeg = (id: 'contactTimeMs' | 'kneeFlexionAtIcDeg') =>
    (['left', 'right'] as Side[]).map((side) => `${names[side].adjective} ${shown(analysis.metrics.perSide[side][id])}`).join(', ');
  const confident = analysis.findings.filter((f) => f.level !== 'low').length;
  const findings = analysis.findings.length;
  return (
    <p className="key-numbers small" data-testid="video-key-numbers">
      <span>Cadence {shown(analysis.metrics.cadenceSpm)}</span> · <span>contact time {perLeg('contactTimeMs')}</span> ·{' '}
      <span>knee at initial contact {perLeg('kneeFlexionAtIcDeg')}</span> ·{' '}
      <strong>
        {findings === 0 ? 'no findings' : `${findings} finding${findings === 1 ? '' : 's'}`}
        {findings > 0 && ` (${confident} of moderate or high confidence)`}
      </strong>
      {analysis.footTracking.lost && (
        <span className="block" data-testid="key-numbers-feet-lost">
          The pose model lost the runner’s feet in this analysis ({analysis.footTracking.offPathPct}% of their readings off their path): its
          timing values are withheld; the review says what to do.
        </span>
      )}
    </p>
  );
}
