import { useState } from 'react';
import { containerNeedsConversion } from '../../../shared/contract/containers.ts';
import type { VisitVideo } from '../../../shared/contract/entities.ts';
import { useHost } from '../app/host-context.tsx';

/**
 * The visit card's player. A file this browser cannot play (HEVC here, AVI or MPEG-TS anywhere) gets a
 * plain box saying so instead of an empty player; the conversion beside it makes a playable copy
 * (a new media id, so the player starts afresh).
 */
export function VideoPreview({ video }: { video: VisitVideo }) {
  const host = useHost();
  const [unplayable, setUnplayable] = useState(containerNeedsConversion(video.container) !== null);
  if (unplayable) {
    return (
      <div className="video-unplayable" role="img" aria-label={`${video.originalName} cannot be played here`}>
        This browser cannot play this file as it is: see the conversion beside it.
      </div>
    );
  }
  return <video src={host.mediaUrl(video.mediaId)} controls preload="metadata" muted playsInline onError={() => setUnplayable(true)} />;
}
