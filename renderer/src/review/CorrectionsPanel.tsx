/**
 * The clinician's corrections besides the events (EventBar.tsx): swap left and right for a
 * stretch of frames; leave a stride out; confirm or change the view; set the capture frame
 * rate; set the calibration (client height or a length drawn on the video). Each one is saved
 * as a new revision and the measures are recomputed at once.
 */
import { useState, type ReactNode } from 'react';
import { describeCalibration } from '../../../shared/gait/calibration.ts';
import type { AnalysisOptions, ClientBody, GaitAnalysis, ImagePoint, ViewSide } from '../../../shared/gait/types.ts';
import { addSwapStretch, removeSwapStretch, setCalibration, setCaptureFps, setStrideExcluded, setView } from './corrections.ts';
import { sideName } from './format.ts';
import type { Playhead } from './playhead.ts';
import { viewText } from './MetricsPanel.tsx';

interface Props {
  analysis: GaitAnalysis;
  options: AnalysisOptions;
  apply: (options: AnalysisOptions) => void;
  playhead: Playhead;
  measuring: boolean;
  onMeasuring: (on: boolean) => void;
  drawnLine: { a: ImagePoint; b: ImagePoint } | null;
  onDiscardLine: () => void;
  /** The client's height and leg length on file. */
  client: ClientBody;
  fileFps: number;
  trackCaptureFps: number;
}

export function CorrectionsPanel(props: Props) {
  return (
    <section className="corrections" aria-label="Corrections">
      <SwapSection {...props} />
      <StrideSection {...props} />
      {/* keyed on their own option, so an undo or redo shows the value it brings back */}
      <ViewSection key={JSON.stringify(props.options.view ?? null)} {...props} />
      <CaptureSection key={String(props.options.captureFps ?? '')} {...props} />
      <CalibrationSection key={JSON.stringify(props.options.calibration ?? null)} {...props} />
    </section>
  );
}

function Group({ title, children, hint }: { title: string; children: ReactNode; hint?: string }) {
  return (
    <div className="correction-group">
      <h3 className="subhead">{title}</h3>
      {hint && <p className="field-hint">{hint}</p>}
      {children}
    </div>
  );
}

const fpsText = (fps: number) => fps.toFixed(fps % 1 ? 2 : 0);

const currentFrame = (playhead: Playhead, analysis: GaitAnalysis) => analysis.frames.frame[playhead.get().index]!;

function SwapSection({ analysis, options, apply, playhead }: Props) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const first = analysis.frames.frame[0]!;
  const last = analysis.frames.frame[analysis.frames.frame.length - 1]!;
  const a = Number(from);
  const b = Number(to);
  const valid = from !== '' && to !== '' && Number.isInteger(a) && Number.isInteger(b) && Math.min(a, b) >= first && Math.max(a, b) <= last;
  const auto = analysis.identity;
  return (
    <Group
      title="Left / right"
      hint={`Where the skeleton's colours are on the wrong legs, swap them for those frames. The automatic fix exchanged ${auto.framesChangedAuto} frame${auto.framesChangedAuto === 1 ? '' : 's'}.`}
    >
      <div className="swap-form">
        <label htmlFor="swap-from">From frame</label>
        <input id="swap-from" type="number" value={from} min={first} max={last} onChange={(e) => setFrom(e.target.value)} name="swapFrom" />
        <button type="button" className="button-link" onClick={() => setFrom(String(currentFrame(playhead, analysis)))}>
          the frame on screen
        </button>
        <label htmlFor="swap-to">to frame</label>
        <input id="swap-to" type="number" value={to} min={first} max={last} onChange={(e) => setTo(e.target.value)} name="swapTo" />
        <button type="button" className="button-link" onClick={() => setTo(String(currentFrame(playhead, analysis)))}>
          the frame on screen
        </button>
      </div>
      <div className="inline-form">
        <button
          type="button"
          className="button-secondary"
          disabled={!valid}
          onClick={() => {
            apply(addSwapStretch(options, { startFrame: a, endFrame: b }));
            setFrom('');
            setTo('');
          }}
        >
          Swap left/right
        </button>
        <span className="muted small">
          frames {first}–{last}
        </span>
      </div>
      {auto.manualStretches.length > 0 && (
        <ul className="plain-list" aria-label="Swapped stretches">
          {auto.manualStretches.map((s, k) => (
            <li key={`${s.startFrame}-${s.endFrame}-${k}`}>
              Frames {s.startFrame}–{s.endFrame} swapped
              <button type="button" className="button-link" onClick={() => apply(removeSwapStretch(options, k))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
    </Group>
  );
}

function StrideSection({ analysis, options, apply }: Props) {
  if (analysis.strides.length === 0) {
    return (
      <Group title="Strides">
        <p className="muted small">No complete stride (initial contact, toe-off, next initial contact) in this clip.</p>
      </Group>
    );
  }
  const ms = (a: number, b: number) => {
    const i = analysis.frames.frame.indexOf(a);
    const j = analysis.frames.frame.indexOf(b);
    return i >= 0 && j >= 0 ? Math.round(analysis.frames.tMs[j]! - analysis.frames.tMs[i]!) : null;
  };
  return (
    <Group title="Strides" hint="Untick a stride to leave it out of every measure (a stumble, a turn, a bad detection).">
      <div className="stride-list">
        {analysis.strides.map((s) => (
          <label key={`${s.side}${s.icFrame}`} className={`stride-row stride-${s.side}`}>
            <input
              type="checkbox"
              checked={!s.excluded}
              onChange={(e) => apply(setStrideExcluded(options, s.side, s.icFrame, !e.target.checked))}
              aria-label={`Include the ${s.side} stride from frame ${s.icFrame}`}
            />
            <span className="stride-side">{sideName(s.side)}</span>
            <span>
              frames {s.icFrame}–{s.nextIcFrame}
            </span>
            <span className="muted">{ms(s.icFrame, s.nextIcFrame)} ms</span>
          </label>
        ))}
      </div>
    </Group>
  );
}

type ViewChoice = 'sagittal-left' | 'sagittal-right' | 'rear' | 'front';
const VIEW_CHOICES: { value: ViewChoice; label: string }[] = [
  { value: 'sagittal-left', label: 'Side view, left side toward camera' },
  { value: 'sagittal-right', label: 'Side view, right side toward camera' },
  { value: 'rear', label: 'Rear view' },
  { value: 'front', label: 'Front view' },
];

function choiceOf(kind: 'sagittal' | 'frontal', side: ViewSide): ViewChoice {
  return kind === 'frontal' ? (side === 'front' ? 'front' : 'rear') : side === 'right' ? 'sagittal-right' : 'sagittal-left';
}

function ViewSection({ analysis, options, apply }: Props) {
  const [choice, setChoice] = useState<ViewChoice>(choiceOf(analysis.view.kind, analysis.view.side));
  const detected = analysis.view.detected;
  const overridden = analysis.view.origin === 'override';
  const toOptions = (c: ViewChoice): AnalysisOptions['view'] =>
    c === 'rear' || c === 'front'
      ? { kind: 'frontal', side: c }
      : // a side view keeps the detected running direction: it does not depend on which side faces the camera
        { kind: 'sagittal', side: c === 'sagittal-left' ? 'left' : 'right', direction: detected.direction };
  return (
    <Group title="View">
      <p className="small">
        Detected: {viewText({ ...analysis.view, ...detected })} (confidence {detected.confidence.toFixed(2)}).{' '}
        {overridden ? <strong>Set by you: {viewText(analysis.view)}.</strong> : 'Not yet confirmed.'}
      </p>
      <div className="inline-form">
        <select value={choice} onChange={(e) => setChoice(e.target.value as ViewChoice)} aria-label="View">
          {VIEW_CHOICES.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
        <button type="button" className="button-secondary" onClick={() => apply(setView(options, toOptions(choice)))}>
          {choice === choiceOf(detected.kind, detected.side) && !overridden ? 'Confirm' : 'Use this view'}
        </button>
        {overridden && (
          <button
            type="button"
            className="button-quiet"
            onClick={() => {
              setChoice(choiceOf(detected.kind, detected.side));
              apply(setView(options, null));
            }}
          >
            Back to detected
          </button>
        )}
      </div>
    </Group>
  );
}

function CaptureSection({ analysis, options, apply, fileFps, trackCaptureFps }: Props) {
  const [fps, setFps] = useState(options.captureFps ? String(options.captureFps) : '');
  const value = Number(fps);
  const valid = fps === '' || (value >= 1 && value <= 2000);
  return (
    <Group
      title="Capture frame rate"
      hint={`The rate the camera filmed at. Slow-motion clips play at ${fpsText(fileFps)} fps but were filmed faster (e.g. 120 or 240); every time is rescaled. Empty: ${fpsText(trackCaptureFps)} fps, as analysed.`}
    >
      <div className="inline-form">
        <label className="compact-field">
          <span>Filmed at (fps)</span>
          <input type="number" min={1} max={2000} step="any" value={fps} placeholder={fpsText(trackCaptureFps)} onChange={(e) => setFps(e.target.value)} name="reviewCaptureFps" />
        </label>
        <button
          type="button"
          className="button-secondary"
          disabled={!valid || (fps === '' ? options.captureFps === undefined : value === options.captureFps)}
          onClick={() => {
            apply(setCaptureFps(options, fps === '' ? null : value));
          }}
        >
          Apply
        </button>
        <span className="muted small">now {fpsText(analysis.input.captureFps)} fps</span>
      </div>
    </Group>
  );
}

function CalibrationSection({ analysis, options, apply, measuring, onMeasuring, drawnLine, onDiscardLine, client }: Props) {
  const current = options.calibration;
  const [height, setHeight] = useState(current?.kind === 'height' ? String(current.heightCm) : client.heightCm ? String(client.heightCm) : '');
  const [length, setLength] = useState(current?.kind === 'knownLength' ? String(current.lengthCm) : '');
  const h = Number(height);
  const l = Number(length);
  const cal = analysis.calibration;
  return (
    <Group title="Calibration" hint="Gives distances in cm (foot ahead of hip, vertical oscillation, step width). A length drawn in the runner's plane is more exact than the height.">
      <p className="small" data-testid="calibration-state">
        {cal.pxPerCm === null
          ? 'None: distances are in % of leg length. Add the client\'s height to the client record, enter it here, or draw a known length.'
          : `From ${describeCalibration(cal)}: ${cal.pxPerCm.toFixed(2)} px/cm${cal.legLengthCm ? `, leg length ${cal.legLengthCm.toFixed(0)} cm` : ''}.${cal.origin === 'clientRecord' ? ' Enter another height or draw a known length to replace it.' : ''}`}
      </p>
      <div className="inline-form">
        <label className="compact-field">
          <span>Client height (cm)</span>
          <input type="number" min={50} max={250} value={height} onChange={(e) => setHeight(e.target.value)} name="calibrationHeight" />
        </label>
        <button type="button" className="button-secondary" disabled={!(h >= 50 && h <= 250)} onClick={() => apply(setCalibration(options, { kind: 'height', heightCm: h }))}>
          Use height
        </button>
      </div>
      {drawnLine ? (
        <div className="inline-form">
          <label className="compact-field">
            <span>The drawn line is (cm)</span>
            <input type="number" min={1} max={1000} value={length} onChange={(e) => setLength(e.target.value)} name="calibrationLength" autoFocus />
          </label>
          <button
            type="button"
            className="button-secondary"
            disabled={!(l > 0 && l <= 1000)}
            onClick={() => {
              apply(setCalibration(options, { kind: 'knownLength', lengthCm: l, a: drawnLine.a, b: drawnLine.b }));
              onDiscardLine();
            }}
          >
            Use this length
          </button>
          <button type="button" className="button-quiet" onClick={onDiscardLine}>
            Cancel
          </button>
        </div>
      ) : (
        <div className="inline-form">
          <button type="button" className={measuring ? 'button-primary' : 'button-secondary'} onClick={() => onMeasuring(!measuring)} aria-pressed={measuring}>
            {measuring ? 'Drawing: drag along a known length on the video' : 'Draw a known length'}
          </button>
          {current && (
            <button type="button" className="button-quiet" onClick={() => apply(setCalibration(options, null))}>
              {client.heightCm || client.legLengthCm ? 'Use the client record instead' : 'Remove calibration'}
            </button>
          )}
        </div>
      )}
    </Group>
  );
}
