import { useEffect, useRef, useState } from 'react';
import { containerNeedsConversion } from '../../../shared/contract/containers.ts';
import type { AnalysisSummary, VisitVideo } from '../../../shared/contract/entities.ts';
import type { PoseModel } from '../../../shared/pose/track.ts';
import { heavyRetryText, MODEL_NAMES, type FootTracking } from '../../../shared/gait/foot-tracking.ts';
import { AnalysisError, probeVideo, type VideoProbe } from '../analysis/index.ts';
import type { DelegateChoice } from '../analysis/delegate.ts';
import { codecName } from '../analysis/errors.ts';
import { framesShare, progressText, saving, startProgress, withFrames, type ProgressTracker } from '../analysis/progress-estimate.ts';
import { analyseAndSave } from '../app/analyse-and-save.ts';
import { formatDate } from '../app/format.ts';
import { useHost } from '../app/host-context.tsx';
import { ConvertPanel } from './ConvertPanel.tsx';
import { clock } from '../../../shared/endurance/windows.ts';
import { ErrorNotice, Field } from './ui.tsx';

/** The pose models a clinician chooses from (docs/models.md). */
const MODELS: { value: PoseModel; label: string }[] = [
  { value: 'lite', label: 'Lite (quick preview)' },
  { value: 'full', label: 'Full (recommended)' },
  { value: 'heavy', label: 'Heavy (most accurate, slow)' },
];

/** A window longer than this (s) gets the hint that windows of a run are quicker to analyse. */
const LONG_WINDOW_S = 180;

/** Below this share of frames with a pose the clinician is warned that the runner was often not found. */
const LOW_POSE_SHARE = 0.8;

type State =
  | { status: 'probing' }
  | { status: 'unreadable'; message: string }
  /** This computer cannot decode it: it is converted to H.264 (`what` names what could not be decoded). */
  | { status: 'convert'; what: string }
  | { status: 'idle'; probe: VideoProbe }
  /** delegate: where the pose model runs and why (analysis/delegate.ts), once the engine has chosen. */
  | {
      status: 'running';
      probe: VideoProbe;
      progress: ProgressTracker;
      startedAt: number;
      delegate: DelegateChoice | null;
      /** The first model lost the feet and the heavy model is on the same window (renderer/src/app/analyse-and-save.ts). */
      retrying: { model: PoseModel; feet: FootTracking } | null;
    };

/** Seconds since `start` (performance.now() ms). */
const since = (start: number) => (performance.now() - start) / 1000;

/** Pose analysis of one attached video: capture rate, model and window, then progress and cancel. */
export function AnalysePanel({ video, onSaved }: { video: VisitVideo; onSaved: () => void }) {
  const host = useHost();
  const url = host.mediaUrl(video.mediaId);
  const [state, setState] = useState<State>({ status: 'probing' });
  const [model, setModel] = useState<PoseModel>('full');
  const [captureFps, setCaptureFps] = useState(video.captureFps !== null ? String(video.captureFps) : '');
  const [startS, setStartS] = useState('0');
  const [endS, setEndS] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);

  const convertible = video.original === null;
  useEffect(() => {
    let current = true;
    // no browser reads AVI or MPEG-TS: they go straight to conversion
    const container = containerNeedsConversion(video.container);
    if (convertible && container !== null) {
      setState({ status: 'convert', what: container });
      return;
    }
    setState({ status: 'probing' });
    probeVideo(url).then(
      (probe) => {
        if (!current) return;
        setState({ status: 'idle', probe });
        setEndS(probe.durationS.toFixed(2));
        const proposed = probe.captureRate;
        if (video.captureFps === null && proposed && proposed.fps !== probe.fileFps) setCaptureFps(String(proposed.fps));
      },
      (e: unknown) => {
        if (!current) return;
        if (convertible && e instanceof AnalysisError && e.code === 'unsupported-codec') setState({ status: 'convert', what: e.codec ?? "this video's codec" });
        else setState({ status: 'unreadable', message: e instanceof Error ? e.message : String(e) });
      },
    );
    return () => {
      current = false;
      abort.current?.abort();
    };
    // probed once per file: a saved capture rate or analysis does not probe again
  }, [url, convertible, video.container]);

  const label = `Analysis of ${video.originalName}`;
  if (state.status === 'convert') return <ConvertPanel video={video} what={state.what} onConverted={onSaved} />;
  if (state.status === 'probing') {
    return (
      <div className="analyse-panel muted" aria-label={label}>
        Reading the video…
      </div>
    );
  }
  if (state.status === 'unreadable') {
    return (
      <div className="analyse-panel" aria-label={label}>
        <ErrorNotice title="This video cannot be analysed." error={state.message} />
      </div>
    );
  }
  const { probe } = state;
  const busy = state.status === 'running';

  const run = async () => {
    setError(null);
    setNotice(null);
    const capture = captureFps.trim() === '' ? null : Number(captureFps);
    const start = Number(startS);
    const end = Number(endS);
    if (capture !== (video.captureFps ?? null)) {
      const saved = await host.api['videos.setCaptureFps']({ visitVideoId: video.id, captureFps: capture });
      if (!saved.ok) return setError(saved.error.message);
    }
    const controller = new AbortController();
    abort.current = controller;
    const startedAt = performance.now();
    const update = (next: (p: ProgressTracker) => ProgressTracker) =>
      setState((s) => (s.status === 'running' ? { ...s, progress: next(s.progress) } : s));
    setState({ status: 'running', probe, progress: startProgress(), startedAt, delegate: null, retrying: null });
    let passStartedAt = startedAt;
    try {
      const outcome = await analyseAndSave(host.api, {
        visitVideoId: video.id,
        url,
        model,
        captureFps: capture,
        startS: start,
        endS: end,
        signal: controller.signal,
        onProgress: (p) => update((tracker) => withFrames(tracker, since(passStartedAt), p.framesDone, p.framesTotal, p.parts)),
        onDelegate: (delegate) => setState((s) => (s.status === 'running' ? { ...s, delegate } : s)),
        onRetry: (first) => {
          passStartedAt = performance.now();
          setState((s) => (s.status === 'running' ? { ...s, retrying: first, progress: startProgress(), startedAt: passStartedAt } : s));
        },
        onSaving: () => update((tracker) => saving(tracker, since(passStartedAt))),
      });
      setState({ status: 'idle', probe });
      if (outcome.status === 'no-pose') {
        return setError(
          'No person was found in any frame of this window. Check that the runner is fully in view (head to feet) and well lit, then analyse again. Nothing was saved.',
        );
      }
      if (outcome.status === 'not-saved') return setError(outcome.message);
      const { framesWithPose, frames } = outcome.summary;
      const notes = [
        ...(outcome.retry ? [heavyRetryText(outcome.retry)] : []),
        ...(framesWithPose / frames < LOW_POSE_SHARE ? [`The runner was found in only ${framesWithPose} of ${frames} frames. Measures from the missing stretches will be less certain.`] : []),
      ];
      if (notes.length > 0) setNotice(notes.join(' '));
      onSaved();
    } catch (e) {
      setState({ status: 'idle', probe });
      if (e instanceof AnalysisError && e.code === 'cancelled') setNotice('Analysis cancelled. Nothing was saved.');
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      abort.current = null;
    }
  };

  return (
    <div className="analyse-panel" aria-label={label}>
      <p className="probe muted">
        {probe.width}×{probe.height}
        {probe.rotation ? ` (rotated ${probe.rotation}°)` : ''} · {codecName(probe.codec)} · {probe.frames} frames ·{' '}
        {probe.fileFps.toFixed(probe.fileFps % 1 ? 2 : 0)} fps{probe.variableFrameRate ? ' (variable)' : ''} ·{' '}
        {probe.durationS.toFixed(1)} s
      </p>
      {video.analysis && <AnalysisSummaryLine analysis={video.analysis} />}
      {Number(endS) - Number(startS) > LONG_WINDOW_S && (
        <p className="field-hint long-video-hint" data-testid="long-video-hint">
          This window is {clock(Number(endS) - Number(startS))} long: analysing all of it takes longer than it plays on most computers. For form
          late in a run, analyse windows of it instead (Endurance run, below).
        </p>
      )}
      {error && <ErrorNotice error={error} />}
      {notice && (
        <div className="notice notice-warning" role="status">
          {notice}
        </div>
      )}
      {state.status === 'running' ? (
        <div className="progress-block" role="status" aria-label="Analysis progress">
          <progress max={1} value={framesShare(state.progress)} />
          <ProgressLine tracker={state.progress} startedAt={state.startedAt} />
          {state.delegate && (
            <p className="small muted" data-testid="pose-delegate">
              {state.delegate.reason}
            </p>
          )}
          {state.retrying && (
            <p className="small" data-testid="pose-retry">
              The {MODEL_NAMES[state.retrying.model]} pose model lost the runner’s feet ({state.retrying.feet.offPathPct}% of their readings off
              their path): analysing the window again with the Heavy model, which takes longer.
            </p>
          )}
          <button type="button" className="button-secondary" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        </div>
      ) : (
        <div className="analyse-options">
          <Field label="Filmed at (fps)">
            <input
              type="number"
              min={1}
              max={2000}
              step="any"
              placeholder={probe.fileFps.toFixed(probe.fileFps % 1 ? 2 : 0)}
              value={captureFps}
              onChange={(e) => setCaptureFps(e.target.value)}
              disabled={busy}
              name="captureFps"
            />
          </Field>
          <ModelField value={model} onChange={setModel} disabled={busy} name="model" />
          <Field label="From (s)">
            <input type="number" min={0} step={0.1} value={startS} onChange={(e) => setStartS(e.target.value)} disabled={busy} name="startS" />
          </Field>
          <Field label="To (s)">
            <input type="number" min={0} step={0.1} value={endS} onChange={(e) => setEndS(e.target.value)} disabled={busy} name="endS" />
          </Field>
          <div className="analyse-actions">
            <button type="button" className="button-primary" onClick={run} disabled={busy}>
              {video.analysis ? 'Analyse again' : 'Analyse'}
            </button>
            {probe.captureRate && (
              <p className="field-hint capture-rate-proposal" data-testid="capture-rate-proposal">
                <strong>Read from the file:</strong> {probe.captureRate.description}.{' '}
                {proposalAdvice(probe, video.captureFps)}
              </p>
            )}
            <p className="field-hint">
              Filmed at: leave empty if the camera filmed at the file's {probe.fileFps.toFixed(0)} fps; for slow motion
              enter the camera's rate (e.g. 120 or 240). GaitLens follows one person, the one the pose model sees most
              clearly (usually the nearest): with others in view, analyse a window when the runner is alone.
            </p>
          </div>
        </div>
      )}
    </div>
  );
}

/** The pose model to analyse with, as a form field. */
export function ModelField({ value, onChange, disabled = false, name }: { value: PoseModel; onChange: (model: PoseModel) => void; disabled?: boolean; name: string }) {
  return (
    <Field label="Pose model">
      <select value={value} onChange={(e) => onChange(e.target.value as PoseModel)} disabled={disabled} name={name}>
        {MODELS.map((m) => (
          <option key={m.value} value={m.value}>
            {m.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** What to do with the capture rate the file states, given the rate saved with the video (if any). */
function proposalAdvice(probe: VideoProbe, saved: number | null): string {
  const proposed = probe.captureRate!.fps;
  if (proposed === probe.fileFps) return 'Times are exact at that rate: leave "Filmed at" empty.';
  if (saved === null) return `"Filmed at" is set to ${proposed} fps: check it, then analyse (the rate is saved with the video).`;
  return saved === proposed ? '' : `"Filmed at" keeps the ${saved} fps saved with this video.`;
}

function AnalysisSummaryLine({ analysis }: { analysis: AnalysisSummary }) {
  const share = analysis.framesWithPose / Math.max(1, analysis.frames);
  return (
    <p className="analysis-summary" data-testid="analysis-summary">
      <strong>Analysed</strong> {formatDate(analysis.createdAt.slice(0, 10))} with the {analysis.model} model: pose found in{' '}
      {analysis.framesWithPose} of {analysis.frames} frames ({Math.round(share * 100)}%) · {analysis.analysedS.toFixed(1)} s of
      running at {analysis.captureFps.toFixed(analysis.captureFps % 1 ? 2 : 0)} fps
      {analysis.captureFps !== analysis.fileFps ? ` (file plays at ${analysis.fileFps.toFixed(0)} fps)` : ''}
    </p>
  );
}

/** The progress text, redrawn every second so the time keeps moving while no frame arrives. */
function ProgressLine({ tracker, startedAt }: { tracker: ProgressTracker; startedAt: number }) {
  const [, tick] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  return <span data-testid="analysis-progress">{progressText(tracker, since(startedAt))}</span>;
}
