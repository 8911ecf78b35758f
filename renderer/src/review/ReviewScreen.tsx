/**
 * The assessment review of a visit: one tab per analysed video (the video with its skeleton,
 * the event timeline, the angle charts, the measures, the corrections and the key frames), and
 * a visit summary that combines the videos (sagittal measures from the side views, frontal ones
 * from the rear view), and the form late in the run when windows of a run are analysed.
 */
import { VisitCrumbs } from '../components/Crumbs.tsx';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Visit, VisitVideo } from '../../../shared/contract/entities.ts';
import { analyseTrack } from '../../../shared/gait/analyse.ts';
import type { ClientBody, EventRef, GaitAnalysis, ImagePoint } from '../../../shared/gait/types.ts';
import { decodeTrack } from '../../../shared/pose/track-codec.ts';
import type { LandmarkTrack } from '../../../shared/pose/track.ts';
import { useHost } from '../app/host-context.tsx';
import { href, RUN_TAB } from '../app/routes.ts';
import { useResult } from '../app/use-result.ts';
import { ErrorNotice, Loading, PageHeader } from '../components/ui.tsx';
import { AngleCharts } from './AngleCharts.tsx';
import { CorrectionsPanel } from './CorrectionsPanel.tsx';
import { FeetLostNotice } from './FeetLostNotice.tsx';
import { LegQuestion } from './LegQuestion.tsx';
import { EventBar } from './EventBar.tsx';
import { adjacentEventFrame, frameClock, indexOfFrame } from './frame-time.ts';
import { KeyFrames } from './KeyFrames.tsx';
import { MetricsPanel, viewText, type IncludeValue } from './MetricsPanel.tsx';
import { setValueIncluded } from './corrections.ts';
import { createPlayer } from './player.ts';
import { createPlayhead } from './playhead.ts';
import { Timeline } from './Timeline.tsx';
import { useCorrections, type Corrections } from './use-corrections.ts';
import { usePlayerKeys } from './use-stage.ts';
import { VideoStage } from './VideoStage.tsx';
import { VisitSummaryPanel } from './VisitSummaryPanel.tsx';
import { clock, runWindowsOf } from '../../../shared/endurance/windows.ts';
import { RunDriftPanel } from '../run/RunDriftPanel.tsx';

/** What the review opens: a video with its own analysis, or a window of a run (its video, with the window's analysis). */
interface Reviewable {
  /** The video's id, or the window's. */
  key: string;
  label: string;
  video: VisitVideo;
}

/**
 * Each analysed video, then each analysed window of a run. A window is reviewed as its video:
 * the corrections (view, calibration, leg answer, event edits by frame) and key frames are the
 * video's, shared by its windows.
 */
function reviewablesOf(visit: Visit): Reviewable[] {
  return [
    ...visit.videos.filter((x) => x.analysis).map((x) => ({ key: x.id, label: x.originalName, video: x })),
    ...visit.videos.flatMap((x) =>
      x.runWindows.filter((w) => w.analysis).map((w) => ({ key: w.id, label: `${x.originalName} · ${clock(w.startS)}-${clock(w.endS)}`, video: { ...x, analysis: w.analysis } })),
    ),
  ];
}

export function ReviewScreen({ visitId, videoId }: { visitId: string; videoId?: string }) {
  const { api } = useHost();
  const visit = useResult(() => api['visits.get']({ id: visitId }), visitId);
  const [showSummary, setShowSummary] = useState(false);
  if (visit.status === 'loading') return <Loading what="visit" />;
  if (visit.status === 'error') return <ErrorNotice error={visit.error} />;
  const v = visit.value;
  const analysed = reviewablesOf(v);
  const current = analysed.find((x) => x.key === videoId) ?? analysed[0];
  const hasRun = runWindowsOf(v).length > 0;
  const showRun = hasRun && videoId === RUN_TAB;
  const header = (
    <PageHeader
      crumbs={<VisitCrumbs visit={v} withVisit />}
      title="Review"
    />
  );
  if (!current && !showRun) {
    return (
      <section className="screen" aria-label="Review">
        {header}
        <div className="empty">
          <p className="empty-title">No analysed video in this visit.</p>
          <p>
            Analyse a video on the <a href={href({ screen: 'visit', visitId: v.id })}>visit screen</a> first.
          </p>
        </div>
      </section>
    );
  }
  return (
    <section className="screen review-screen" aria-label="Review">
      {header}
      <nav className="review-tabs" aria-label="Videos of this visit">
        {analysed.map((x) => (
          <a
            key={x.key}
            href={href({ screen: 'review', visitId: v.id, videoId: x.key })}
            className={!showSummary && !showRun && x.key === current?.key ? 'review-tab active' : 'review-tab'}
            aria-current={!showSummary && !showRun && x.key === current?.key ? 'page' : undefined}
            title={x.label}
            onClick={() => setShowSummary(false)}
          >
            {x.label}
          </a>
        ))}
        {analysed.filter((x) => x.key === x.video.id).length > 1 && (
          <button type="button" className={showSummary ? 'review-tab active' : 'review-tab'} aria-pressed={showSummary} onClick={() => setShowSummary(true)}>
            Visit summary
          </button>
        )}
        {hasRun && (
          <a
            href={href({ screen: 'review', visitId: v.id, videoId: RUN_TAB })}
            className={showRun && !showSummary ? 'review-tab active' : 'review-tab'}
            aria-current={showRun && !showSummary ? 'page' : undefined}
            onClick={() => setShowSummary(false)}
          >
            Form late in the run
          </a>
        )}
      </nav>
      {showSummary ? <VisitSummaryPanel visit={v} /> : showRun || !current ? <RunDriftPanel visit={v} /> : <VideoReview key={current.key} visit={v} video={current.video} />}
    </section>
  );
}


function VideoReview({ visit, video }: { visit: Visit; video: VisitVideo }) {
  const { api } = useHost();
  const analysisId = video.analysis!.id;
  const bytes = useResult(() => api['analyses.track']({ analysisId }), analysisId);
  const client = useResult(() => api['clients.get']({ id: visit.clientId }), visit.clientId);
  const corrections = useCorrections(video.id);
  const heightCm = client.status === 'ready' ? client.value.heightCm : null;
  const legLengthCm = client.status === 'ready' ? client.value.legLengthCm : null;
  const body = useMemo((): ClientBody => ({ heightCm, legLengthCm }), [heightCm, legLengthCm]);
  const decoded = useMemo((): { track: LandmarkTrack } | { error: string } | null => {
    if (bytes.status !== 'ready') return null;
    try {
      return { track: decodeTrack(bytes.value) };
    } catch (e) {
      return { error: `The landmarks of "${video.originalName}" cannot be read: ${(e as Error).message}` };
    }
  }, [bytes, video.originalName]);

  if (bytes.status === 'error') return <ErrorNotice error={bytes.error} />;
  if (decoded && 'error' in decoded) return <ErrorNotice error={decoded.error} />;
  if (!corrections.state && corrections.error) return <ErrorNotice error={corrections.error} />;
  if (client.status === 'error') return <ErrorNotice error={client.error} />;
  if (!decoded || !corrections.state || client.status !== 'ready') return <Loading what="analysis" />;
  return (
    <ReviewBody
      visit={visit}
      video={video}
      track={decoded.track}
      corrections={corrections}
      client={body}
    />
  );
}

interface BodyProps {
  visit: Visit;
  video: VisitVideo;
  track: LandmarkTrack;
  corrections: Corrections;
  /** The client's height and leg length on file: they calibrate the video unless the clinician sets a calibration. */
  client: ClientBody;
}

function ReviewBody({ visit, video, track, corrections, client }: BodyProps) {
  const host = useHost();
  const state = corrections.state!;
  const options = state.options;
  const apply = corrections.apply;
  const includeValue = useCallback<IncludeValue>((id, side, included) => apply(setValueIncluded(options, id, side, included)), [apply, options]);
  const analysis: GaitAnalysis = useMemo(() => analyseTrack(track, options, client), [track, options, client]);
  const clock = useMemo(() => frameClock(track), [track]);
  const playhead = useMemo(() => createPlayhead(), []);
  const player = useMemo(() => createPlayer(clock, playhead), [clock, playhead]);
  const [selectedRef, setSelectedRef] = useState<EventRef | null>(null);
  const [measuring, setMeasuring] = useState(false);
  const [drawnLine, setDrawnLine] = useState<{ a: ImagePoint; b: ImagePoint } | null>(null);
  const [fpsError, setFpsError] = useState<string | null>(null);

  const selected = selectedRef
    ? (analysis.events.find((e) => e.side === selectedRef.side && e.type === selectedRef.type && e.frame === selectedRef.frame) ?? null)
    : null;

  const stepEvent = useCallback(
    (direction: 1 | -1) => {
      const frame = analysis.frames.frame[playhead.get().index]!;
      const target = adjacentEventFrame(
        analysis.events.map((e) => e.frame),
        frame,
        direction,
      );
      if (target === null) return;
      player.seek(indexOfFrame(clock, target));
      // the event jumped to is selected, so it can be moved or deleted at once
      const event = analysis.events.find((e) => e.frame === target);
      if (event) setSelectedRef({ side: event.side, type: event.type, frame: event.frame });
    },
    [analysis, clock, player, playhead],
  );

  const { undo, redo } = corrections;
  const onKey = useCallback(
    (e: KeyboardEvent) => {
      const mod = e.ctrlKey || e.metaKey;
      let handled = true;
      if (mod && (e.key === 'z' || e.key === 'Z')) {
        if (e.shiftKey) redo();
        else undo();
      } else if (mod && (e.key === 'y' || e.key === 'Y')) redo();
      else if (mod || e.altKey) handled = false;
      else if (e.key === 'ArrowRight') player.step(e.shiftKey ? 10 : 1);
      else if (e.key === 'ArrowLeft') player.step(e.shiftKey ? -10 : -1);
      else if (e.key === ' ') {
        if (!e.repeat) player.toggle();
      } else if (e.key === 'Home') player.seek(0);
      else if (e.key === 'End') player.seek(clock.frame.length - 1);
      else if (e.key === '.' || e.key === ']') stepEvent(1);
      else if (e.key === ',' || e.key === '[') stepEvent(-1);
      else if (e.key === 'Escape') setMeasuring(false);
      else handled = false;
      if (handled) e.preventDefault();
    },
    [player, clock, stepEvent, undo, redo],
  );
  usePlayerKeys(onKey);

  const calibration = options.calibration;
  const measureLine = drawnLine
    ? { ...drawnLine, label: null }
    : calibration?.kind === 'knownLength'
      ? { a: calibration.a, b: calibration.b, label: `${calibration.lengthCm} cm` }
      : null;

  // the video keeps the capture rate in use (a correction, its undo or redo), so a new analysis of it uses that rate
  const captureFps = options.captureFps ?? (track.video.captureFps !== track.video.fileFps ? track.video.captureFps : null);
  const savedCaptureFps = useRef(captureFps);
  useEffect(() => {
    if (captureFps === savedCaptureFps.current) return;
    savedCaptureFps.current = captureFps;
    void host.api['videos.setCaptureFps']({ visitVideoId: video.id, captureFps }).then((r) => setFpsError(r.ok ? null : r.error.message));
  }, [captureFps, host, video.id]);

  const selectEvent = useCallback(
    (e: EventRef) => {
      setSelectedRef({ side: e.side, type: e.type, frame: e.frame });
      player.seek(indexOfFrame(clock, e.frame));
    },
    [player, clock],
  );

  return (
    <div className="review" data-testid="review">
      <div className="review-bar">
        <span className="muted small">
          {viewText(analysis.view)} · frames {clock.frame[0]}–{clock.frame[clock.frame.length - 1]} · {track.model} model
        </span>
        <span className="review-undo">
          <span className="muted small" data-testid="corrections-revision">
            {state.revision === 0 ? 'No corrections' : `Corrections saved (revision ${state.revision}${state.latestRevision > state.revision ? ` of ${state.latestRevision}` : ''})`}
          </span>
          <button type="button" className="button-secondary" onClick={undo} disabled={!state.canUndo} title="Undo the last correction (Ctrl+Z)">
            Undo
          </button>
          <button type="button" className="button-secondary" onClick={redo} disabled={!state.canRedo} title="Redo (Ctrl+Shift+Z)">
            Redo
          </button>
        </span>
      </div>
      {corrections.error && <ErrorNotice title="The correction was not saved:" error={corrections.error} />}
      {fpsError && <ErrorNotice title="The capture rate was not saved for a re-analysis:" error={fpsError} />}
      <FeetLostNotice analysis={analysis} model={track.model} />
      <LegQuestion analysis={analysis} options={options} apply={corrections.apply} />
      <div className="review-top">
        <VideoStage
          src={host.mediaUrl(video.mediaId)}
          track={track}
          clock={clock}
          analysis={analysis}
          playhead={playhead}
          player={player}
          measuring={measuring}
          onMeasured={(a, b) => {
            setDrawnLine({ a, b });
            setMeasuring(false);
          }}
          measureLine={measureLine}
          onEventStep={stepEvent}
        />
        <AngleCharts analysis={analysis} playhead={playhead} onSeek={player.seek} />
      </div>
      <Timeline analysis={analysis} clock={clock} playhead={playhead} selected={selected} onSeek={player.seek} onSelectEvent={selectEvent} />
      <EventBar analysis={analysis} options={options} apply={corrections.apply} playhead={playhead} selected={selected} onSelect={setSelectedRef} />
      <p className="shortcut-hint small" data-testid="shortcut-hint">
        <kbd>←</kbd>
        <kbd>→</kbd> 1 frame · <kbd>Shift</kbd>+<kbd>←</kbd>
        <kbd>→</kbd> 10 frames · <kbd>Space</kbd> play/pause · <kbd>Home</kbd>
        <kbd>End</kbd> first/last frame · <kbd>,</kbd>
        <kbd>.</kbd> previous/next event · <kbd>Ctrl</kbd>+<kbd>Z</kbd> undo · <kbd>Ctrl</kbd>+<kbd>Shift</kbd>+<kbd>Z</kbd> redo · mouse wheel
        zooms, drag pans
      </p>
      <div className="review-bottom">
        <div className="card">
          <h2>Measures</h2>
          <MetricsPanel analysis={analysis} onInclude={includeValue} />
        </div>
        <div className="card">
          <h2>Corrections</h2>
          <CorrectionsPanel
            analysis={analysis}
            options={options}
            apply={corrections.apply}
            playhead={playhead}
            measuring={measuring}
            onMeasuring={(on) => {
              setMeasuring(on);
              if (on) setDrawnLine(null);
            }}
            drawnLine={drawnLine}
            onDiscardLine={() => setDrawnLine(null)}
            client={client}
            fileFps={track.video.fileFps}
            trackCaptureFps={track.video.captureFps}
          />
        </div>
      </div>
      <div className="card">
        <h2>Key frames</h2>
        <KeyFrames visitId={visit.id} video={video} videos={visit.videos} track={track} analysis={analysis} player={player} playhead={playhead} />
      </div>
    </div>
  );
}
