import { VisitCrumbs } from '../components/Crumbs.tsx';
import { useState } from 'react';
import { ErrorNotice, Loading, PageHeader } from '../components/ui.tsx';
import { attachVideos, type AttachOutcome, type PendingVideo } from '../components/video-attach.ts';
import { VideoPicker } from '../components/VideoPicker.tsx';
import { AnalysePanel } from '../components/AnalysePanel.tsx';
import { VideoKeyNumbers } from '../components/VideoKeyNumbers.tsx';
import { VideoPreview } from '../components/VideoPreview.tsx';
import { VisitDetails } from '../components/VisitDetails.tsx';
import { VideoExports } from '../records/VideoExports.tsx';
import { formatBytes, formatDate } from '../app/format.ts';
import { useHost } from '../app/host-context.tsx';
import { href } from '../app/routes.ts';
import { useResult } from '../app/use-result.ts';
import { IntakeSection } from '../intake/IntakeSection.tsx';
import { RedFlagBanner } from '../intake/RedFlagBanner.tsx';
import { VisitReportCard } from '../report/VisitReportCard.tsx';
import { RunPanel } from '../run/RunPanel.tsx';

export function VisitScreen({ visitId }: { visitId: string }) {
  const host = useHost();
  const visit = useResult(() => host.api['visits.get']({ id: visitId }), visitId);
  const [pending, setPending] = useState<PendingVideo[]>([]);
  const [progress, setProgress] = useState<Record<string, number>>({});
  const [failures, setFailures] = useState<AttachOutcome[]>([]);
  const [attaching, setAttaching] = useState(false);

  if (visit.status === 'loading') return <Loading what="visit" />;
  if (visit.status === 'error') return <ErrorNotice error={visit.error} />;
  const v = visit.value;

  const attach = async () => {
    setAttaching(true);
    const outcomes = await attachVideos(host, v.id, pending, (name, f) => setProgress((p) => ({ ...p, [name]: f })));
    setFailures(outcomes.filter((o) => !o.result.ok));
    setPending([]);
    setProgress({});
    setAttaching(false);
    visit.reload();
  };

  return (
    <section className="screen" aria-label="Visit">
      <PageHeader
        crumbs={<VisitCrumbs visit={v} withVisit={false} />}
        title={`Visit of ${formatDate(v.visitDate)}`}
      />
      <RedFlagBanner intake={v.intake} />
      <VisitDetails visit={v} onSaved={visit.reload} />
      <IntakeSection visit={v} onSaved={visit.reload} />
      <VisitReportCard visit={v} />
      <h2 className="section-title">Videos</h2>
      {failures.map((f) => (
        <ErrorNotice key={f.name} title={`${f.name} was not attached:`} error={f.result.ok ? '' : f.result.error} />
      ))}
      {v.videos.length === 0 ? (
        <div className="empty">
          <p>No video attached yet.</p>
        </div>
      ) : (
        <ul className="video-grid" aria-label="Attached videos">
          {v.videos.map((video) => (
            <li key={video.id} className="card video-card">
              <VideoPreview key={video.mediaId} video={video} />
              <div className="video-body">
                <div className="video-meta">
                  <span className="file-name">{video.originalName}</span>
                  <span className="muted">{formatBytes(video.sizeBytes)}</span>
                </div>
                {video.original && (
                  <p className="muted small converted-note">
                    Converted to H.264 to play and analyse here; the file as attached ({video.original.container.toUpperCase()},{' '}
                    {formatBytes(video.original.sizeBytes)}) is kept unchanged.
                  </p>
                )}
                <AnalysePanel video={video} onSaved={visit.reload} />
                <RunPanel video={video} onSaved={visit.reload} />
                {video.analysis && <VideoKeyNumbers clientId={v.clientId} video={video} />}
                {video.analysis && (
                  <a className="button-primary review-link" href={href({ screen: 'review', visitId: v.id, videoId: video.id })}>
                    Review
                  </a>
                )}
                {video.analysis && <VideoExports visit={v} video={video} />}
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="card attach-more">
        <VideoPicker videos={pending} onChange={setPending} progress={progress} />
        {pending.length > 0 && (
          <button className="button-primary" onClick={attach} disabled={attaching}>
            {attaching ? 'Attaching…' : `Attach ${pending.length} video${pending.length === 1 ? '' : 's'}`}
          </button>
        )}
      </div>
    </section>
  );
}

