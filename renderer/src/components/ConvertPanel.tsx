import { useEffect, useState } from 'react';
import type { VideoConversion, VisitVideo } from '../../../shared/contract/entities.ts';
import { useHost } from '../app/host-context.tsx';
import { ErrorNotice } from './ui.tsx';

/** How often a running conversion is asked for its progress. */
const POLL_MS = 500;
/** The time left is shown once this share of the frames is done (before, the rate is a guess). */
const ESTIMATE_FROM = 0.05;

/**
 * A video this computer cannot decode, converted to H.264 by the host: started when first shown
 * (not again after the clinician cancelled), with progress, the time left and a cancel button.
 * `what` names what could not be decoded ("HEVC (H.265)", "an AVI file").
 */
export function ConvertPanel({ video, what, onConverted }: { video: VisitVideo; what: string; onConverted: () => void }) {
  const host = useHost();
  const [conversion, setConversion] = useState<VideoConversion | null>(null);
  const [error, setError] = useState<string | null>(null);

  const start = async () => {
    setError(null);
    const started = await host.api['videos.convert']({ visitVideoId: video.id });
    if (started.ok) setConversion(started.value);
    else setError(started.error.message);
  };

  useEffect(() => {
    let current = true;
    void host.api['videos.conversion']({ visitVideoId: video.id }).then(async (status) => {
      if (!current) return;
      if (!status.ok) return setError(status.error.message);
      if (status.value.state === 'idle') await start();
      else setConversion(status.value);
      // converted meanwhile (another window): show the copy
      if (status.value.state === 'done') onConverted();
    });
    return () => {
      current = false;
    };
    // once per video: a cancelled or failed conversion waits for the clinician
  }, [video.id]);

  const running = conversion?.state === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      void host.api['videos.conversion']({ visitVideoId: video.id }).then((status) => {
        if (!status.ok) return setError(status.error.message);
        setConversion(status.value);
        if (status.value.state === 'done') onConverted();
      });
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, host, video.id, onConverted]);

  const cancel = async () => {
    const stopped = await host.api['videos.cancelConversion']({ visitVideoId: video.id });
    if (stopped.ok) setConversion(stopped.value);
    else setError(stopped.error.message);
  };

  const explanation = `This computer cannot decode ${what}, so GaitLens converts the video to H.264 once (near lossless, every frame kept at its time). The file as attached is kept unchanged; the copy leaves out the sound.`;
  return (
    <div className="analyse-panel convert-panel" aria-label={`Conversion of ${video.originalName}`}>
      <p className="muted small">{explanation}</p>
      {error && <ErrorNotice title="The video was not converted:" error={error} />}
      {conversion?.state === 'running' && (
        <div className="progress-block" role="status" aria-label="Conversion progress">
          <progress max={1} value={conversion.framesTotal ? conversion.framesDone / conversion.framesTotal : undefined} />
          <span className="muted small">{progressText(conversion)}</span>
          <button type="button" className="button-secondary" onClick={cancel}>
            Cancel
          </button>
        </div>
      )}
      {conversion?.state === 'failed' && <ErrorNotice title="The video was not converted:" error={conversion.message} />}
      {conversion?.state === 'cancelled' && (
        <p className="notice notice-warning" role="status">
          Conversion cancelled. This video cannot be played or analysed on this computer until it is converted.
        </p>
      )}
      {(conversion?.state === 'failed' || conversion?.state === 'cancelled' || (error !== null && conversion === null)) && (
        <button type="button" className="button-primary" onClick={start}>
          Convert to H.264
        </button>
      )}
      {conversion?.state === 'done' && <p className="muted small">Converted: {conversion.frames} frames.</p>}
    </div>
  );
}

function progressText(c: Extract<VideoConversion, { state: 'running' }>): string {
  if (c.framesTotal === null) return 'Reading the video…';
  const share = c.framesDone / c.framesTotal;
  const left = share >= ESTIMATE_FROM ? ` · about ${Math.max(1, Math.round((c.elapsedS * (1 - share)) / share))} s left` : '';
  return `Converting: frame ${c.framesDone} of ${c.framesTotal}${left}`;
}
