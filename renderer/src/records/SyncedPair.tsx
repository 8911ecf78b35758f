/**
 * Two analysed videos played in step (compare-sync.ts): each with its own player (the review's
 * player: frame-accurate seeks inside the analysed window) and its skeleton overlay (the review's
 * drawing), and one set of controls that moves both. While playing, each video runs on its own
 * clock; on pause (or when one reaches the end of its window) both are put back on the same
 * time from the contact, read from the video with the coarser frames.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Side } from '../../../shared/gait/types.ts';
import { useHost } from '../app/host-context.tsx';
import type { LoadedAnalysis } from '../app/load-analysis.ts';
import { sideName } from '../review/format.ts';
import { frameClock, type FrameClock } from '../review/frame-time.ts';
import { Icon, type IconName } from '../review/icons.tsx';
import { usePlayerKeys, useStageSize } from '../review/use-stage.ts';
import { legSwapMask } from '../../../shared/gait/identity.ts';
import { drawSkeleton, skeletonAt } from '../review/overlay.ts';
import { createPlayer, type Player } from '../review/player.ts';
import { SpeedSelect } from '../review/SpeedSelect.tsx';
import { createPlayhead, type Playhead } from '../review/playhead.ts';
import { containBox } from '../review/stage-geometry.ts';
import { usePlayheadIndex, usePlaying } from '../review/use-playhead.ts';
import { viewText } from '../review/MetricsPanel.tsx';
import { alignClip, clampTo, commonSpan, indexAt, playbackRates, stepMs, timeOf, type AlignedClip } from './compare-sync.ts';

interface Part {
  clip: LoadedAnalysis;
  clock: FrameClock;
  playhead: Playhead;
  player: Player;
  aligned: AlignedClip;
}

interface Sync {
  span: { startMs: number; endMs: number };
  stepMs: number;
  /** The part whose frame sets the common time (the coarser frames). */
  reference: number;
  seek(fromContactMs: number): void;
  step(steps: number): void;
  play(): void;
  pause(): void;
  toggle(): void;
  setSpeed(speed: number): void;
  /** Pauses both when either stops on its own (the end of its window); returns the unsubscribe. */
  watch(): () => void;
}

function createSync(parts: readonly Part[]): Sync {
  const aligned = parts.map((p) => p.aligned);
  const span = commonSpan(aligned);
  const step = stepMs(aligned);
  const reference = aligned[0]!.intervalMs >= aligned[1]!.intervalMs ? 0 : 1;
  let cursor = 0;
  let playing = false;
  let speed = 1;

  const seek = (t: number) => {
    cursor = clampTo(span, t);
    parts.forEach((p) => p.player.seek(indexAt(p.aligned, cursor)));
  };
  const pause = () => {
    if (!playing) return;
    const ref = parts[reference]!;
    const t = timeOf(ref.aligned, ref.playhead.get().index);
    playing = false;
    parts.forEach((p) => p.player.pause());
    seek(t);
  };
  const play = () => {
    if (playing) return;
    if (cursor >= span.endMs - step / 2) seek(span.startMs);
    const rates = playbackRates(parts.map((p) => ({ captureFps: p.clip.analysis.input.captureFps, fileFps: p.clip.analysis.input.fileFps })), speed);
    parts.forEach((p, i) => p.player.setSpeed(rates[i]!));
    playing = true;
    parts.forEach((p) => p.player.play());
  };
  return {
    span,
    stepMs: step,
    reference,
    seek,
    step(steps) {
      pause();
      seek(cursor + steps * step);
    },
    play,
    pause,
    toggle: () => (playing ? pause() : play()),
    setSpeed(next) {
      speed = next;
    },
    watch() {
      const was = parts.map((p) => p.playhead.get().playing);
      const stops = parts.map((p, i) =>
        p.playhead.subscribe(() => {
          const now = p.playhead.get().playing;
          if (was[i] && !now && playing) pause();
          was[i] = now;
        }),
      );
      return () => stops.forEach((stop) => stop());
    },
  };
}

interface Props {
  clips: readonly [LoadedAnalysis, LoadedAnalysis];
  titles: readonly [string, string];
  foot: Side;
}

export function SyncedPair({ clips, titles, foot }: Props) {
  const players = useMemo(
    () =>
      clips.map((clip) => {
        const clock = frameClock(clip.track);
        const playhead = createPlayhead();
        return { clip, clock, playhead, player: createPlayer(clock, playhead) };
      }),
    [clips],
  );
  const parts = useMemo(() => players.map((p) => ({ ...p, aligned: alignClip(p.clip.analysis, foot) })), [players, foot]);
  const sync = useMemo(() => createSync(parts), [parts]);
  const [speed, setSpeed] = useState(1);

  // children attach their players first (their effects run before this one): then align on the contact
  useEffect(() => {
    sync.setSpeed(speed);
    sync.seek(0);
    return sync.watch();
    // speed is left out of the dependencies: its own handler applies a change; a new alignment starts at the contact
  }, [sync]);

  const onKey = useCallback(
    (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      const keys: Record<string, () => void> = {
        ' ': () => !e.repeat && sync.toggle(),
        ArrowLeft: () => sync.step(e.shiftKey ? -10 : -1),
        ArrowRight: () => sync.step(e.shiftKey ? 10 : 1),
        Home: () => sync.seek(sync.span.startMs),
        End: () => sync.seek(sync.span.endMs),
      };
      const run = keys[e.key];
      if (!run) return;
      e.preventDefault();
      run();
    },
    [sync],
  );
  usePlayerKeys(onKey);

  return (
    <div className="synced-pair">
      <div className="synced-stages">
        {parts.map((part, i) => (
          <SyncedStage key={part.clip.video.id} part={part} title={titles[i]!} foot={foot} />
        ))}
      </div>
      <SyncedTransport
        sync={sync}
        parts={parts}
        speed={speed}
        onSpeed={(s) => {
          setSpeed(s);
          sync.setSpeed(s);
        }}
        foot={foot}
      />
    </div>
  );
}

function SyncedStage({ part, title, foot }: { part: Part; title: string; foot: Side }) {
  const host = useHost();
  const { clip, playhead, player, aligned } = part;
  const { track, analysis, video } = clip;
  const stageRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const videoRef = useRef<HTMLVideoElement>(null);
  const size = useStageSize(stageRef, canvasRef);
  const swapped = useMemo(() => legSwapMask(analysis), [analysis]);
  const box = useMemo(() => containBox(size.width, size.height, track.video.width, track.video.height), [size, track]);

  const draw = useRef(() => {});
  draw.current = () => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const k = playhead.get().index;
    const skeleton = skeletonAt(track, analysis, swapped, k);
    if (!skeleton || box.width === 0) {
      delete canvas.dataset.frame;
      return;
    }
    const unit = Math.max(0.8, Math.min(1.4, box.height / 700));
    drawSkeleton(ctx, { toCanvas: (x, y) => ({ x: box.x + x * box.width, y: box.y + y * box.height }), unit }, skeleton);
    canvas.dataset.frame = String(analysis.frames.frame[k]);
  };
  useEffect(() => playhead.subscribe(() => draw.current()), [playhead]);
  useEffect(() => draw.current(), [box, swapped]);

  useEffect(() => {
    player.attach(videoRef.current);
    return () => player.attach(null);
  }, [player]);


  return (
    <figure className="synced-stage" aria-label={`${title}: ${video.originalName}`} data-testid="compare-stage">
      <div ref={stageRef} className="synced-picture">
        <video ref={videoRef} src={host.mediaUrl(video.mediaId)} muted playsInline preload="auto" disablePictureInPicture />
        <canvas ref={canvasRef} className="stage-overlay" aria-hidden data-testid="compare-overlay" />
        <StageReadout title={title} part={part} />
      </div>
      <figcaption className="small">
        <span className="file-name">{video.originalName}</span> · {viewText(analysis.view)}
        {!aligned.anchorIsContact && (
          <span className="notice-inline">
            {' '}
            · no {sideName(foot).toLowerCase()} initial contact found: aligned on its first analysed frame
          </span>
        )}
      </figcaption>
    </figure>
  );
}

function StageReadout({ title, part }: { title: string; part: Part }) {
  const k = usePlayheadIndex(part.playhead);
  const frame = part.clip.analysis.frames.frame[k];
  const t = timeOf(part.aligned, k);
  return (
    <div className="frame-readout" aria-live="off">
      <strong>{title}</strong>
      <span>
        Frame <strong data-testid="compare-frame">{frame ?? '—'}</strong>
      </span>
      <span>{formatOffset(t)}</span>
    </div>
  );
}

const formatOffset = (ms: number): string => `${ms < 0 ? '−' : '+'}${(Math.abs(ms) / 1000).toFixed(3)} s`;

function SyncedTransport(props: { sync: Sync; parts: readonly Part[]; speed: number; onSpeed: (speed: number) => void; foot: Side }) {
  const { sync, parts, speed, onSpeed, foot } = props;
  const playingA = usePlaying(parts[0]!.playhead);
  const playingB = usePlaying(parts[1]!.playhead);
  const playing = playingA || playingB;
  const ref = parts[sync.reference]!;
  const k = usePlayheadIndex(ref.playhead);
  const button = (icon: IconName, label: string, key: string, onClick: () => void) => (
    <button type="button" className="button-secondary icon-button" onClick={onClick} title={`${label}, both videos (${key})`} aria-label={label}>
      <Icon name={icon} />
    </button>
  );
  return (
    <div className="transport synced-transport" role="toolbar" aria-label="Playback of both videos">
      {button('first', 'Start', 'Home', () => sync.seek(sync.span.startMs))}
      {button('back10', 'Back 10 frames', 'Shift+←', () => sync.step(-10))}
      {button('back1', 'Back 1 frame', '←', () => sync.step(-1))}
      <button type="button" className="button-primary play-button" onClick={() => sync.toggle()} title="Play or pause both (Space)" aria-label={playing ? 'Pause' : 'Play'}>
        <Icon name={playing ? 'pause' : 'play'} />
      </button>
      {button('forward1', 'Forward 1 frame', '→', () => sync.step(1))}
      {button('forward10', 'Forward 10 frames', 'Shift+→', () => sync.step(10))}
      {button('last', 'End', 'End', () => sync.seek(sync.span.endMs))}
      <button type="button" className="button-secondary" onClick={() => sync.seek(0)} title={`Both videos on the ${foot} foot's first initial contact`}>
        {sideName(foot)} contact
      </button>
      <SpeedSelect speed={speed} onChange={onSpeed} />
      <span className="synced-time small muted" data-testid="compare-time">
        {formatOffset(timeOf(ref.aligned, k))} from the {foot} contact · a frame step is {(sync.stepMs / 1000).toFixed(3)} s
      </span>
    </div>
  );
}
