/**
 * Event corrections, under the timeline so the video stays in view: the selected event (click
 * its mark) moved to the frame on screen or deleted, and a new event added at the frame on
 * screen. Each change is saved as a new revision and the measures are recomputed at once.
 */
import { useState } from 'react';
import type { AnalysisOptions, EventRef, EventType, GaitAnalysis, GaitEvent, Side } from '../../../shared/gait/types.ts';
import { addEvent, deleteEvent, moveEvent } from './corrections.ts';
import type { Playhead } from './playhead.ts';
import { eventName } from './Timeline.tsx';
import { usePlayheadIndex } from './use-playhead.ts';

interface Props {
  analysis: GaitAnalysis;
  options: AnalysisOptions;
  apply: (options: AnalysisOptions) => void;
  playhead: Playhead;
  selected: GaitEvent | null;
  onSelect: (event: EventRef | null) => void;
}

export function EventBar({ analysis, options, apply, playhead, selected, onSelect }: Props) {
  const [side, setSide] = useState<Side>('left');
  const [type, setType] = useState<EventType>('IC');
  const k = usePlayheadIndex(playhead);
  const frame = analysis.frames.frame[k]!;
  return (
    <div className="event-bar" aria-label="Event corrections" role="group">
      {selected ? (
        <span className="event-bar-selected" data-testid="selected-event">
          <span className={`dot dot-${selected.side}`} aria-hidden />
          <strong>{eventName(selected)}</strong> · frame {selected.frame} ({selected.origin === 'edited' ? 'edited' : 'detected'})
          <button
            type="button"
            className="button-secondary"
            disabled={frame === selected.frame}
            onClick={() => {
              apply(moveEvent(options, selected, frame));
              onSelect({ side: selected.side, type: selected.type, frame });
            }}
          >
            Move to frame {frame}
          </button>
          <button
            type="button"
            className="button-secondary danger"
            onClick={() => {
              apply(deleteEvent(options, selected));
              onSelect(null);
            }}
          >
            Delete
          </button>
        </span>
      ) : (
        <span className="muted">Click a mark on the timeline to move or delete that event.</span>
      )}
      <span className="event-bar-add">
        <select value={side} onChange={(e) => setSide(e.target.value as Side)} aria-label="Side of the new event">
          <option value="left">Left</option>
          <option value="right">Right</option>
        </select>
        <select value={type} onChange={(e) => setType(e.target.value as EventType)} aria-label="Kind of the new event">
          <option value="IC">initial contact</option>
          <option value="TO">toe-off</option>
        </select>
        <button
          type="button"
          className="button-secondary"
          onClick={() => {
            apply(addEvent(options, { side, type, frame }));
            onSelect({ side, type, frame });
          }}
        >
          Add at frame {frame}
        </button>
      </span>
    </div>
  );
}
