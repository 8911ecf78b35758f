/** Above the review: the pose model lost the runner's feet, so the values timed from them are marked (shared/gait/foot-tracking.ts). */
import { FOOT_TRACKING_SOURCES, feetLostAdvice } from '../../../shared/gait/foot-tracking.ts';
import type { GaitAnalysis } from '../../../shared/gait/types.ts';
import type { PoseModel } from '../../../shared/pose/track.ts';
import { Sources } from './MetricsPanel.tsx';

export function FeetLostNotice({ analysis, model }: { analysis: GaitAnalysis; model: PoseModel }) {
  const feet = analysis.footTracking;
  if (!feet.lost) return null;
  return (
    <div className="notice notice-warning" role="status" data-testid="feet-lost">
      <strong>The pose model lost the runner’s feet in this clip.</strong> {feet.offPathPct}% of the foot landmarks’ readings leave their path
      (by more than a quarter of a leg length within 1/30 s, further than a running foot turns), so the foot strikes, the toe-offs and every
      value timed from them are marked not reliable and left out of the findings and the report; trunk lean is kept. {feetLostAdvice(model)}{' '}
      <Sources ids={FOOT_TRACKING_SOURCES} />
    </div>
  );
}
