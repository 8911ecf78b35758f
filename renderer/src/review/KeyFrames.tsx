/**
 * Key frames for the report: the frame on screen captured with its skeleton at the video's own
 * size, labelled, saved with the visit; listed with thumbnails and removable.
 */
import { useEffect, useState } from 'react';
import type { KeyFrame, VisitVideo } from '../../../shared/contract/entities.ts';
import type { GaitAnalysis } from '../../../shared/gait/types.ts';
import type { LandmarkTrack } from '../../../shared/pose/track.ts';
import { useHost } from '../app/host-context.tsx';
import { ErrorNotice } from '../components/ui.tsx';
import { formatSeconds } from './format.ts';
import { captureFrame } from './overlay.ts';
import type { Player } from './player.ts';
import type { Playhead } from './playhead.ts';
import { eventName } from './Timeline.tsx';
import { usePlayheadIndex } from './use-playhead.ts';

interface Props {
  visitId: string;
  video: VisitVideo;
  videos: readonly VisitVideo[];
  track: LandmarkTrack;
  analysis: GaitAnalysis;
  player: Player;
  playhead: Playhead;
}

export function KeyFrames({ visitId, video, videos, track, analysis, player, playhead }: Props) {
  const { api } = useHost();
  const [list, setList] = useState<KeyFrame[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let current = true;
    void api['keyFrames.list']({ visitId }).then((r) => {
      if (!current) return;
      if (r.ok) setList(r.value);
      else setError(r.error.message);
    });
    return () => {
      current = false;
    };
  }, [api, visitId]);

  /** Captures the frame on screen; true when it was saved. */
  const mark = async (label: string): Promise<boolean> => {
    const element = player.video();
    if (!element) return false;
    setBusy(true);
    setError(null);
    try {
      player.pause();
      const k = playhead.get().index;
      const image = await captureFrame(element, track, analysis, k);
      const r = await api['keyFrames.add']({
        visitVideoId: video.id,
        frame: analysis.frames.frame[k]!,
        tMs: analysis.frames.tMs[k]!,
        label,
        imageType: 'image/png',
        image: image.png,
      });
      if (!r.ok) {
        setError(r.error.message);
        return false;
      }
      setList((l) => [...(l ?? []), r.value]);
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: string) => {
    const r = await api['keyFrames.remove']({ id });
    if (r.ok) setList((l) => (l ?? []).filter((k) => k.id !== id));
    else setError(r.error.message);
  };

  const nameOf = (visitVideoId: string) => videos.find((v) => v.id === visitVideoId)?.originalName ?? 'another video';
  return (
    <section className="key-frames" aria-label="Key frames">
      <p className="field-hint">Frames for the report, saved with the skeleton as you see it (e.g. an initial contact of each side).</p>
      <MarkForm analysis={analysis} playhead={playhead} busy={busy} onMark={mark} />
      {error && <ErrorNotice error={error} />}
      {list && list.length === 0 && <p className="muted small">No key frame yet.</p>}
      {list && list.length > 0 && (
        <ul className="key-frame-list" data-testid="key-frames">
          {list.map((k) => (
            <li key={k.id} className="key-frame">
              <KeyFrameThumb id={k.id} label={k.label} imageType={k.imageType} />
              <div className="key-frame-text">
                <strong>{k.label}</strong>
                <span className="muted small">
                  frame {k.frame} · {formatSeconds(k.tMs)}
                  {k.visitVideoId !== video.id && ` · ${nameOf(k.visitVideoId)}`}
                </span>
                <span className="button-row">
                  {k.visitVideoId === video.id && (
                    <button type="button" className="button-link" onClick={() => player.seek(analysis.frames.frame.indexOf(k.frame))}>
                      Show
                    </button>
                  )}
                  <button type="button" className="button-link danger" onClick={() => void remove(k.id)} aria-label={`Remove key frame ${k.label}`}>
                    Remove
                  </button>
                </span>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The label field and button: the only part that follows the frame on screen. */
function MarkForm({ analysis, playhead, busy, onMark }: { analysis: GaitAnalysis; playhead: Playhead; busy: boolean; onMark: (label: string) => Promise<boolean> }) {
  const [label, setLabel] = useState('');
  const frame = analysis.frames.frame[usePlayheadIndex(playhead)]!;
  const event = analysis.events.find((e) => e.frame === frame);
  const suggested = event ? eventName(event) : `Frame ${frame}`;
  return (
    <div className="inline-form">
      <input value={label} onChange={(e) => setLabel(e.target.value)} placeholder={suggested} aria-label="Key frame label" maxLength={200} name="keyFrameLabel" />
      <button
        type="button"
        className="button-secondary"
        disabled={busy}
        onClick={() => void onMark(label.trim() || suggested).then((saved) => saved && setLabel(''))}
      >
        {busy ? 'Saving…' : `Mark frame ${frame}`}
      </button>
    </div>
  );
}

function KeyFrameThumb({ id, label, imageType }: { id: string; label: string; imageType: KeyFrame['imageType'] }) {
  const { api } = useHost();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let current = true;
    let made: string | null = null;
    void api['keyFrames.image']({ id }).then((r) => {
      if (!current || !r.ok) return;
      made = URL.createObjectURL(new Blob([r.value as Uint8Array<ArrayBuffer>], { type: imageType }));
      setUrl(made);
    });
    return () => {
      current = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [api, id, imageType]);
  return url ? <img src={url} alt={label} className="key-frame-thumb" /> : <span className="key-frame-thumb placeholder" aria-hidden />;
}
