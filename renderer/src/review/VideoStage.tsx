/**
 * The video with the skeleton drawn over the exact frame shown, zoom and pan, and the transport
 * (play, pause, speed, frame steps, neighbouring events). The overlay is a canvas over the whole
 * stage, not inside the zoomed picture, so lines and labels stay sharp at any zoom; it is drawn
 * in the video's content box (object-fit: contain) from the track's displayed width and height.
 */
import { useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { GaitAnalysis, ImagePoint } from '../../../shared/gait/types.ts';
import type { LandmarkTrack } from '../../../shared/pose/track.ts';
import { formatSeconds } from './format.ts';
import type { FrameClock } from './frame-time.ts';
import { legSwapMask } from '../../../shared/gait/identity.ts';
import { drawMeasureLine, drawSkeleton, skeletonAt } from './overlay.ts';
import type { Player } from './player.ts';
import { SpeedSelect } from './SpeedSelect.tsx';
import type { Playhead } from './playhead.ts';
import { useStageSize } from './use-stage.ts';
import { clampPan, containBox, imageToScreen, MAX_ZOOM, NO_ZOOM, screenToImage, zoomAt, type ZoomPan } from './stage-geometry.ts';
import { Icon, type IconName } from './icons.tsx';
import { usePlayheadIndex, usePlaying } from './use-playhead.ts';

export interface MeasureLine {
  a: ImagePoint;
  b: ImagePoint;
  label: string | null;
}

interface Props {
  src: string;
  track: LandmarkTrack;
  clock: FrameClock;
  analysis: GaitAnalysis;
  playhead: Playhead;
  player: Player;
  /** Drawing a known length: pointer drags draw a line instead of panning. */
  measuring: boolean;
  onMeasured: (a: ImagePoint, b: ImagePoint) => void;
  /** A line to show (the drawn calibration length). */
  measureLine: MeasureLine | null;
  onEventStep: (direction: 1 | -1) => void;
}

type Drag = { kind: 'pan'; x: number; y: number; from: ZoomPan } | { kind: 'measure'; a: ImagePoint; b: ImagePoint };

export function VideoStage(props: Props) {
  const { src, track, clock, analysis, playhead, player, measuring, onMeasured, measureLine, onEventStep } = props;
  const stageRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const size = useStageSize(stageRef, canvasRef);
  const [view, setView] = useState<ZoomPan>(NO_ZOOM);
  const [drag, setDrag] = useState<Drag | null>(null);

  const box = useMemo(() => containBox(size.width, size.height, track.video.width, track.video.height), [size, track]);
  const swapped = useMemo(() => legSwapMask(analysis), [analysis]);

  // everything the drawing needs, read at draw time so the playhead can redraw without React
  const drawState = useRef({ box, view, analysis, swapped, drag, measureLine });
  drawState.current = { box, view, analysis, swapped, drag, measureLine };

  const draw = useRef(() => {});
  draw.current = () => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const s = drawState.current;
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const toCanvas = (x: number, y: number) => imageToScreen(s.box, s.view, x, y);
    const unit = Math.max(0.8, Math.min(1.6, Math.sqrt(s.view.zoom) * (s.box.height / 700)));
    // while left and right are unconfirmed, the leg called right is drawn wide for the question above the video
    const skeleton = skeletonAt(track, s.analysis, s.swapped, playhead.get().index, s.analysis.identity.sides === 'unconfirmed' ? 'right' : null);
    if (skeleton) drawSkeleton(ctx, { toCanvas, unit }, skeleton);
    const line = s.drag?.kind === 'measure' ? { a: s.drag.a, b: s.drag.b, label: null } : s.measureLine;
    if (line) drawMeasureLine(ctx, toCanvas(line.a.x, line.a.y), toCanvas(line.b.x, line.b.y), unit, line.label);
  };

  useEffect(() => playhead.subscribe(() => draw.current()), [playhead]);
  // the button that starts drawing sits below the video: bring the video into view
  useEffect(() => {
    if (measuring) stageRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [measuring]);
  useEffect(() => draw.current(), [box, view, analysis, swapped, drag, measureLine]);

  useEffect(() => {
    player.attach(videoRef.current);
    return () => player.attach(null);
  }, [player]);

  useEffect(() => setView((v) => clampPan(v, size.width, size.height)), [size]);

  // wheel zoom needs a non-passive listener to keep the page from scrolling
  useEffect(() => {
    const stage = stageRef.current;
    if (!stage) return;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const r = stage.getBoundingClientRect();
      setView((v) => zoomAt(v, Math.exp(-e.deltaY * 0.0015), e.clientX - r.left, e.clientY - r.top, r.width, r.height));
    };
    stage.addEventListener('wheel', onWheel, { passive: false });
    return () => stage.removeEventListener('wheel', onWheel);
  }, []);

  const local = (e: ReactPointerEvent) => {
    const r = stageRef.current!.getBoundingClientRect();
    return { x: e.clientX - r.left, y: e.clientY - r.top };
  };
  const onPointerDown = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    const p = local(e);
    if (measuring) {
      const a = screenToImage(box, view, p.x, p.y);
      setDrag({ kind: 'measure', a, b: a });
    } else if (view.zoom > 1) {
      setDrag({ kind: 'pan', x: p.x, y: p.y, from: view });
    } else return;
    e.currentTarget.setPointerCapture(e.pointerId);
  };
  const onPointerMove = (e: ReactPointerEvent<HTMLDivElement>) => {
    if (!drag) return;
    const p = local(e);
    if (drag.kind === 'measure') setDrag({ ...drag, b: screenToImage(box, view, p.x, p.y) });
    else setView(clampPan({ zoom: drag.from.zoom, panX: drag.from.panX + p.x - drag.x, panY: drag.from.panY + p.y - drag.y }, size.width, size.height));
  };
  const onPointerUp = () => {
    if (drag?.kind === 'measure') {
      const px = Math.hypot((drag.b.x - drag.a.x) * box.width, (drag.b.y - drag.a.y) * box.height) * view.zoom;
      if (px > 8) onMeasured(drag.a, drag.b);
    }
    setDrag(null);
  };
  const zoomBy = (factor: number) => setView((v) => zoomAt(v, factor, size.width / 2, size.height / 2, size.width, size.height));

  return (
    <div className="stage-block">
      <div
        ref={stageRef}
        className={`stage${measuring ? ' stage-measuring' : view.zoom > 1 ? ' stage-pannable' : ''}`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={() => setDrag(null)}
        data-testid="video-stage"
      >
        <div className="stage-picture" style={{ transform: `translate(${view.panX}px, ${view.panY}px) scale(${view.zoom})` }}>
          <video ref={videoRef} src={src} muted playsInline preload="auto" disablePictureInPicture />
        </div>
        <canvas ref={canvasRef} className="stage-overlay" aria-hidden data-testid="overlay" />
        <FrameReadout playhead={playhead} analysis={analysis} />
        {measuring && (
          <p className="stage-hint" role="status">
            Drag along a length you know, in the runner's plane (e.g. marks on the floor or the treadmill). Esc cancels.
          </p>
        )}
        <div className="stage-legend" aria-hidden>
          <span className="legend-left">Left</span> <span className="legend-right">Right</span>
          <span className="stage-legend-note">{analysis.view.kind === 'frontal' ? '° knee FPPA, hip adduction' : '° knee, hip flexion'}</span>
        </div>
        <div className="stage-zoom" onPointerDown={(e) => e.stopPropagation()}>
          {view.zoom > 1 && <span>{view.zoom.toFixed(1)}×</span>}
          <button type="button" onClick={() => zoomBy(1 / 1.5)} disabled={view.zoom <= 1} aria-label="Zoom out" title="Zoom out (or the mouse wheel)">
            −
          </button>
          <button type="button" onClick={() => zoomBy(1.5)} disabled={view.zoom >= MAX_ZOOM} aria-label="Zoom in" title="Zoom in (or the mouse wheel); drag to pan">
            +
          </button>
          <button type="button" onClick={() => setView(NO_ZOOM)} disabled={view.zoom <= 1} title="Show the whole picture">
            Fit
          </button>
        </div>
      </div>
      <Transport player={player} playhead={playhead} onEventStep={onEventStep} lastIndex={clock.frame.length - 1} />
    </div>
  );
}

function FrameReadout({ playhead, analysis }: { playhead: Playhead; analysis: GaitAnalysis }) {
  const k = usePlayheadIndex(playhead);
  const frame = analysis.frames.frame[k];
  const tMs = analysis.frames.tMs[k];
  return (
    <div className="frame-readout" data-testid="frame-readout" aria-live="off">
      <span>
        Frame <strong data-testid="frame-number">{frame ?? '—'}</strong>
      </span>
      <span>{tMs !== undefined ? formatSeconds(tMs) : '—'}</span>
    </div>
  );
}

interface TransportProps {
  player: Player;
  playhead: Playhead;
  onEventStep: (direction: 1 | -1) => void;
  lastIndex: number;
}

function Transport({ player, playhead, onEventStep, lastIndex }: TransportProps) {
  const playing = usePlaying(playhead);
  const [speed, setSpeed] = useState(player.speed());
  const button = (icon: IconName, label: string, key: string, onClick: () => void) => (
    <button type="button" className="button-secondary icon-button" onClick={onClick} title={`${label} (${key})`} aria-label={label}>
      <Icon name={icon} />
    </button>
  );
  return (
    <div className="transport" role="toolbar" aria-label="Playback">
      {button('first', 'First frame', 'Home', () => player.seek(0))}
      {button('prevEvent', 'Previous event', ',', () => onEventStep(-1))}
      {button('back10', 'Back 10 frames', 'Shift+←', () => player.step(-10))}
      {button('back1', 'Back 1 frame', '←', () => player.step(-1))}
      <button type="button" className="button-primary play-button" onClick={() => player.toggle()} title="Play or pause (Space)" aria-label={playing ? 'Pause' : 'Play'}>
        <Icon name={playing ? 'pause' : 'play'} />
      </button>
      {button('forward1', 'Forward 1 frame', '→', () => player.step(1))}
      {button('forward10', 'Forward 10 frames', 'Shift+→', () => player.step(10))}
      {button('nextEvent', 'Next event', '.', () => onEventStep(1))}
      {button('last', 'Last frame', 'End', () => player.seek(lastIndex))}
      <SpeedSelect
        speed={speed}
        onChange={(next) => {
          player.setSpeed(next);
          setSpeed(next);
        }}
      />
    </div>
  );
}
