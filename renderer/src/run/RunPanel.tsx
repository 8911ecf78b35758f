/**
 * A video's part in an endurance run (issue 27), on its card: where it starts in the client's
 * run (for short clips filmed during one run), and for a long clip the windows analysed on their
 * own (default: the first and the last minute and one every few minutes between), each analysed
 * in turn with the video's capture rate and the chosen pose model. The pose pass runs on the
 * windows only.
 */
import { useEffect, useRef, useState } from 'react';
import type { VisitVideo } from '../../../shared/contract/entities.ts';
import { clock, parseClock, proposeWindows, type WindowSpan } from '../../../shared/endurance/windows.ts';
import { heavyRetryText } from '../../../shared/gait/foot-tracking.ts';
import { AnalysisError, probeVideo } from '../analysis/index.ts';
import { analyseAndSave } from '../app/analyse-and-save.ts';
import { useHost } from '../app/host-context.tsx';
import { href, RUN_TAB } from '../app/routes.ts';
import { ModelField } from '../components/AnalysePanel.tsx';
import { ErrorNotice, Field } from '../components/ui.tsx';
import type { PoseModel } from '../../../shared/pose/track.ts';

interface Row {
  from: string;
  to: string;
}

const rowsOf = (spans: readonly WindowSpan[]): Row[] => spans.map((w) => ({ from: clock(w.startS), to: clock(w.endS) }));
const sameRows = (a: readonly Row[], b: readonly Row[]) => a.length === b.length && a.every((r, k) => parseClock(r.from) === parseClock(b[k]!.from) && parseClock(r.to) === parseClock(b[k]!.to));

/** The rows as windows, or what is wrong with them. */
function parseRows(rows: readonly Row[], durationS: number | null): WindowSpan[] | string {
  const spans: WindowSpan[] = [];
  for (const [k, r] of rows.entries()) {
    const startS = parseClock(r.from);
    const endS = parseClock(r.to);
    if (startS === null || endS === null) return `Window ${k + 1}: write times as minutes:seconds (e.g. 12:30) or seconds.`;
    if (endS <= startS) return `Window ${k + 1} ends before it starts.`;
    if (durationS !== null && startS >= durationS) return `Window ${k + 1} starts after the video ends (${clock(durationS)}).`;
    spans.push({ startS, endS: durationS === null ? endS : Math.min(endS, durationS) });
  }
  return spans;
}

type Progress = { window: number; of: number; framesDone: number; framesTotal: number };

export function RunPanel({ video, onSaved }: { video: VisitVideo; onSaved: () => void }) {
  const host = useHost();
  const url = host.mediaUrl(video.mediaId);
  const [durationS, setDurationS] = useState<number | null>(null);
  const [lengthUnknown, setLengthUnknown] = useState(false);
  const [runStart, setRunStart] = useState(video.runStartS === null ? '' : clock(video.runStartS));
  const [lengthS, setLengthS] = useState('60');
  const [everyMin, setEveryMin] = useState('5');
  const [model, setModel] = useState<PoseModel>('full');
  const saved = rowsOf(video.runWindows);
  const [rows, setRows] = useState<Row[]>(saved);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [progress, setProgress] = useState<Progress | null>(null);
  const abort = useRef<AbortController | null>(null);
  const inRun = video.runStartS !== null || video.runWindows.length > 0;
  const [open, setOpen] = useState(inRun);

  // the video's length (for the proposed windows) is read when the panel is first opened
  useEffect(() => {
    if (!open || durationS !== null) return;
    let current = true;
    probeVideo(url).then(
      (p) => current && setDurationS(p.durationS),
      () => current && setLengthUnknown(true),
    );
    return () => {
      current = false;
    };
  }, [url, open, durationS]);
  useEffect(() => () => abort.current?.abort(), []);

  const saveRunStart = async () => {
    setError(null);
    const value = runStart.trim() === '' ? null : parseClock(runStart);
    if (runStart.trim() !== '' && value === null) return setError('Write the time into the run as minutes:seconds (e.g. 12:00) or seconds.');
    const result = await host.api['videos.setRunStart']({ visitVideoId: video.id, runStartS: value });
    if (!result.ok) return setError(result.error.message);
    onSaved();
  };

  const saveWindows = async (next: readonly Row[]) => {
    setError(null);
    const spans = parseRows(next, durationS);
    if (typeof spans === 'string') return setError(spans);
    const result = await host.api['videos.setRunWindows']({ visitVideoId: video.id, windows: spans });
    if (!result.ok) return setError(result.error.message);
    setRows(rowsOf(result.value.runWindows));
    onSaved();
  };

  const propose = () => {
    const length = Number(lengthS);
    const every = Number(everyMin);
    if (durationS === null) return setError('The video could not be read, so its length is unknown: add the windows by hand.');
    if (!(length > 0) || !(every > 0)) return setError('The window length and the spacing must be positive numbers.');
    setError(null);
    setRows(rowsOf(proposeWindows(durationS, length, every)));
  };

  const analyseWindows = async () => {
    setError(null);
    setNotice(null);
    const todo = video.runWindows.filter((w) => w.analysis === null);
    const retries: string[] = [];
    const controller = new AbortController();
    abort.current = controller;
    try {
      for (const [k, w] of todo.entries()) {
        setProgress({ window: k + 1, of: todo.length, framesDone: 0, framesTotal: 0 });
        const outcome = await analyseAndSave(host.api, {
          visitVideoId: video.id,
          url,
          model,
          captureFps: video.captureFps,
          startS: w.startS,
          endS: w.endS,
          runWindowId: w.id,
          signal: controller.signal,
          onProgress: (p) => setProgress({ window: k + 1, of: todo.length, framesDone: p.framesDone, framesTotal: p.framesTotal }),
          onRetry: () => setProgress({ window: k + 1, of: todo.length, framesDone: 0, framesTotal: 0 }),
        });
        if (outcome.status === 'no-pose') {
          setError(`No person was found in the window ${clock(w.startS)}-${clock(w.endS)}: move it to where the runner is in view. The other windows are kept.`);
          continue;
        }
        if (outcome.status === 'not-saved') return setError(outcome.message);
        if (outcome.retry) {
          retries.push(`Window ${clock(w.startS)}-${clock(w.endS)}: ${heavyRetryText(outcome.retry)}`);
          setNotice(retries.join(' '));
        }
        onSaved();
      }
    } catch (e) {
      if (e instanceof AnalysisError && e.code === 'cancelled') setNotice([...retries, 'Analysis cancelled. The windows analysed before it are kept.'].join(' '));
      else setError(e instanceof Error ? e.message : String(e));
    } finally {
      abort.current = null;
      setProgress(null);
      onSaved();
    }
  };

  const todo = video.runWindows.filter((w) => w.analysis === null).length;
  const edited = !sameRows(rows, saved);
  return (
    <details className="run-panel" open={open} onToggle={(e) => setOpen(e.currentTarget.open)} aria-label={`Endurance run: ${video.originalName}`}>
      <summary>
        Endurance run
        {video.runWindows.length > 0
          ? `: ${video.runWindows.length} window${video.runWindows.length === 1 ? '' : 's'}`
          : video.runStartS !== null
            ? `: starts ${clock(video.runStartS)} into the run`
            : ''}
      </summary>
      <p className="field-hint">
        To compare form early and late in one run: give a short clip its time into the run, or mark windows in a long clip (each is analysed like
        a clip of its own). The comparison is on the Review screen, tab "Form late in the run".
      </p>
      {error && <ErrorNotice error={error} />}
      {notice && (
        <div className="notice notice-warning" role="status">
          {notice}
        </div>
      )}
      <div className="run-start">
        <Field label="Starts in the run at (m:ss)">
          <input name="runStart" value={runStart} placeholder="e.g. 12:00" onChange={(e) => setRunStart(e.target.value)} disabled={progress !== null} />
        </Field>
        <button type="button" className="button-secondary" onClick={saveRunStart} disabled={progress !== null}>
          Save
        </button>
      </div>
      <h4>Windows of this video</h4>
      <div className="run-propose">
        <Field label="Window length (s)">
          <input name="windowLength" type="number" min={5} step={1} value={lengthS} onChange={(e) => setLengthS(e.target.value)} disabled={progress !== null} />
        </Field>
        <Field label="One every (min)">
          <input name="windowEvery" type="number" min={0.5} step={0.5} value={everyMin} onChange={(e) => setEveryMin(e.target.value)} disabled={progress !== null} />
        </Field>
        <button type="button" className="button-secondary" onClick={propose} disabled={progress !== null || (durationS === null && !lengthUnknown)}>
          {durationS === null && !lengthUnknown ? 'Reading the video…' : 'Propose first, last and between'}
        </button>
      </div>
      {rows.length > 0 && (
        <table className="table run-window-table">
          <thead>
            <tr>
              <th>From</th>
              <th>To</th>
              <th>Analysis</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((r, k) => {
              const stored = edited ? undefined : video.runWindows[k];
              return (
                <tr key={k} data-window={k}>
                  <td>
                    <input aria-label={`Window ${k + 1} from`} value={r.from} onChange={(e) => setRows(rows.map((x, j) => (j === k ? { ...x, from: e.target.value } : x)))} disabled={progress !== null} />
                  </td>
                  <td>
                    <input aria-label={`Window ${k + 1} to`} value={r.to} onChange={(e) => setRows(rows.map((x, j) => (j === k ? { ...x, to: e.target.value } : x)))} disabled={progress !== null} />
                  </td>
                  <td className="small" data-testid="window-status">
                    {stored?.analysis
                      ? `Analysed, ${stored.analysis.model} model: pose in ${stored.analysis.framesWithPose} of ${stored.analysis.frames} frames`
                      : stored
                        ? 'Not analysed yet'
                        : 'Not saved yet'}
                  </td>
                  <td>
                    <button type="button" className="button-link" onClick={() => setRows(rows.filter((_, j) => j !== k))} disabled={progress !== null}>
                      Remove
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <div className="run-actions">
        <button type="button" className="button-secondary" onClick={() => setRows([...rows, { from: '', to: '' }])} disabled={progress !== null}>
          Add a window
        </button>
        {edited && (
          <button type="button" className="button-primary" onClick={() => saveWindows(rows)} disabled={progress !== null}>
            Save windows
          </button>
        )}
        {!edited && todo > 0 && progress === null && (
          <>
            <ModelField value={model} onChange={setModel} name="windowModel" />
            <button type="button" className="button-primary" onClick={analyseWindows}>
              Analyse {todo} window{todo === 1 ? '' : 's'}
            </button>
          </>
        )}
      </div>
      {video.runWindows.some((w) => w.analysis !== null) && progress === null && (
        <a className="button-secondary run-review-link" href={href({ screen: 'review', visitId: video.visitId, videoId: RUN_TAB })}>
          Form late in the run
        </a>
      )}
      {progress && (
        <div className="progress-block" role="status" aria-label="Window analysis progress">
          <progress max={1} value={progress.framesTotal > 0 ? progress.framesDone / progress.framesTotal : 0} />
          <span data-testid="window-progress">
            Window {progress.window} of {progress.of}: {progress.framesTotal > 0 ? `frame ${progress.framesDone} of ${progress.framesTotal}` : 'loading the model'}
          </span>
          <button type="button" className="button-secondary" onClick={() => abort.current?.abort()}>
            Cancel
          </button>
        </div>
      )}
    </details>
  );
}
