/**
 * The analysed window as a strip under the video: each foot's initial contacts (tall marks) and
 * toe-offs (short marks) in the side's colour, edited events hollow, the clinician's swapped
 * stretches and excluded strides shaded, and the playhead. Clicking a mark goes to that frame
 * and selects the event (for moving or deleting it); clicking the strip goes to that frame.
 */
import { useEffect, useRef, type MouseEvent as ReactMouseEvent } from 'react';
import type { GaitAnalysis, GaitEvent } from '../../../shared/gait/types.ts';
import { indexOfFrame, type FrameClock } from './frame-time.ts';
import { sideName } from './format.ts';
import type { Playhead } from './playhead.ts';

interface Props {
  analysis: GaitAnalysis;
  clock: FrameClock;
  playhead: Playhead;
  selected: GaitEvent | null;
  onSeek: (index: number) => void;
  onSelectEvent: (event: GaitEvent) => void;
}

export const eventName = (e: Pick<GaitEvent, 'side' | 'type'>): string =>
  `${sideName(e.side)} ${e.type === 'IC' ? 'initial contact' : 'toe-off'}`;

export function Timeline({ analysis, clock, playhead, selected, onSeek, onSelectEvent }: Props) {
  const last = Math.max(1, clock.frame.length - 1);
  const pct = (index: number) => `${(index / last) * 100}%`;
  const cursorRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const move = () => {
      if (cursorRef.current) cursorRef.current.style.left = pct(playhead.get().index);
    };
    move();
    return playhead.subscribe(move);
  }, [playhead, last]);

  const onStripClick = (e: ReactMouseEvent<HTMLDivElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    onSeek(Math.round(((e.clientX - r.left) / r.width) * last));
  };
  const span = (startFrame: number, endFrame: number) => {
    const a = Math.max(0, indexOfFrame(clock, Math.max(startFrame, clock.frame[0]!)));
    const b = indexOfFrame(clock, Math.min(endFrame, clock.frame[last]!));
    return { left: pct(a), width: `${(Math.max(0, b - a) / last) * 100}%` };
  };

  return (
    <div className="timeline" aria-label="Gait events">
      <div className="timeline-strip" onClick={onStripClick} data-testid="timeline">
        {analysis.identity.manualStretches.map((s, k) => (
          <div key={`m${k}`} className="timeline-swap" style={span(s.startFrame, s.endFrame)} title={`Left/right swapped by hand, frames ${s.startFrame}–${s.endFrame}`} />
        ))}
        {analysis.strides
          .filter((s) => s.excluded)
          .map((s) => (
            <div
              key={`x${s.side}${s.icFrame}`}
              className={`timeline-excluded timeline-row-${s.side}`}
              style={span(s.icFrame, s.nextIcFrame)}
              title={`${sideName(s.side)} stride from frame ${s.icFrame} excluded`}
            />
          ))}
        <span className="timeline-label timeline-row-left">L</span>
        <span className="timeline-label timeline-row-right">R</span>
        {analysis.events.map((e) => {
          const k = indexOfFrame(clock, e.frame);
          if (k < 0) return null;
          const isSelected = selected !== null && selected.side === e.side && selected.type === e.type && selected.frame === e.frame;
          return (
            <button
              type="button"
              key={`${e.side}${e.type}${e.frame}`}
              className={`timeline-mark mark-${e.side} mark-${e.type}${e.origin === 'edited' ? ' mark-edited' : ''}${isSelected ? ' mark-selected' : ''}`}
              style={{ left: pct(k) }}
              aria-label={`${eventName(e)}, frame ${e.frame}${e.origin === 'edited' ? ' (edited)' : ''}`}
              aria-pressed={isSelected}
              title={`${eventName(e)} · frame ${e.frame}${e.origin === 'edited' ? ' · edited' : ''}`}
              onClick={(ev) => {
                ev.stopPropagation();
                onSelectEvent(e);
              }}
            />
          );
        })}
        <div ref={cursorRef} className="timeline-cursor" aria-hidden />
      </div>
      <div className="timeline-scale muted small">
        <span>frame {clock.frame[0]}</span>
        <span className="timeline-key">
          <span className="key-mark key-ic" /> initial contact <span className="key-mark key-to" /> toe-off
          <span className="key-mark key-edited" /> edited
        </span>
        <span>frame {clock.frame[last]}</span>
      </div>
    </div>
  );
}
