/**
 * Whether the pose model kept hold of the feet (docs/validation.md, experiment 15). Every gait
 * event, and so every value timed or read at one, comes from the feet's landmarks; where the model
 * loses them (a small or blurred runner: the landmark of one foot jumping to the other foot or off
 * the body for a frame or a few), the events are wrong whatever rule times them, and the clip's
 * timing values cannot be trusted.
 *
 * A reading (the ankle, heel or toe of one leg, relative to the hips' midpoint) is off its path
 * when it lies more than a quarter of a leg length from the midpoint of the same landmark 1/30 s
 * before and after. A running foot's path bends far less in 1/30 s: at its sharpest turn,
 * landing, the foot goes from swinging forward to being carried back under the hips at the
 * running speed (Novacheck 1998), which at 4-6 m/s puts it about 0.1 leg length from that
 * midpoint. Over a longer span (a frame rate under 30 fps) the bend grows with the square of the
 * span, and so does the limit.
 */
import type { BodySeries } from './body.ts';
import type { PoseModel } from '../pose/track.ts';
import type { SourceId } from './references.ts';

/** The span the path is read over (s). */
const SPAN_S = 1 / 30;
/** A reading this far (leg lengths, over SPAN_S) from its neighbours' midpoint is off its path. */
export const OFF_PATH_LEG = 0.25;
/**
 * Above this share of readings off their path, the feet count as lost: 0-6% on the validation
 * clips whose events match the annotations (either model), 19-26% where they do not (the full
 * model on the slow-motion clip at every rate; both models on the small overground runner).
 */
export const FEET_LOST_SHARE = 0.12;
/** Fewer readings than this (about a second at 30 fps) cannot tell. */
const MIN_READINGS = 150;

const FOOT_JOINTS = ['ankle', 'heel', 'toe'] as const;

export interface FootTracking {
  /** Foot readings with both neighbours known. */
  readings: number;
  /** Share of them off their path (%, one decimal). */
  offPathPct: number;
  /** More than FEET_LOST_SHARE off their path, over enough readings to tell. */
  lost: boolean;
}

export const FOOT_TRACKING_SOURCES: SourceId[] = ['novacheck1998', 'gaitlensFootTracking'];

/** How well the pose model followed the feet; `body` carries the leg labels as fixed, `legLengthPx` the leg's length. */
export function footTracking(body: BodySeries, legLengthPx: number, sampleRateHz: number): FootTracking {
  const m = Math.max(1, Math.round(sampleRateHz * SPAN_S));
  const spanS = m / sampleRateHz;
  const limitPx = OFF_PATH_LEG * legLengthPx * Math.max(1, (spanS / SPAN_S) ** 2);
  const hipX = (k: number) => (body.left.hip.x[k]! + body.right.hip.x[k]!) / 2;
  const hipY = (k: number) => (body.left.hip.y[k]! + body.right.hip.y[k]!) / 2;
  let readings = 0;
  let off = 0;
  if (legLengthPx > 0) {
    for (const side of ['left', 'right'] as const) {
      for (const joint of FOOT_JOINTS) {
        const p = body[side][joint];
        const rx = (k: number) => p.x[k]! - hipX(k);
        const ry = (k: number) => p.y[k]! - hipY(k);
        for (let k = m; k + m < body.n; k++) {
          const bendX = rx(k + m) - 2 * rx(k) + rx(k - m);
          const bendY = ry(k + m) - 2 * ry(k) + ry(k - m);
          if (!Number.isFinite(bendX) || !Number.isFinite(bendY)) continue;
          readings++;
          // the bend is twice the distance from the neighbours' midpoint
          if (Math.hypot(bendX, bendY) > 2 * limitPx) off++;
        }
      }
    }
  }
  const share = readings > 0 ? off / readings : 0;
  return { readings, offPathPct: Math.round(share * 1000) / 10, lost: readings >= MIN_READINGS && share > FEET_LOST_SHARE };
}

/** Why the clip's timing values are not reliable when the feet were lost. */
export function feetLostWhy(tracking: FootTracking): string {
  return `The pose model lost the feet in ${tracking.offPathPct}% of their readings in this clip (a foot landmark off its path by more than a quarter of a leg length), so the foot strikes and toe-offs cannot be trusted, nor any value timed from them.`;
}

/** Why running or walking is not told where the feet were lost. */
export const FEET_LOST_GAIT_REASON = 'The pose model lost the feet: the duty factor that tells running from walking cannot be trusted.';

/** What to do about a clip whose feet were lost, given the pose model it was analysed with. */
export function feetLostAdvice(model: PoseModel): string {
  const film = 'film again with the runner larger in the frame and the feet in clear view, in good light';
  return model === 'heavy'
    ? `To measure this runner, ${film}.`
    : `Where the Heavy pose model has not been tried on this video, analyse it again with it (on the slow-motion validation clip it kept the feet the Full model lost); where it did no better, ${film}.`;
}

/** The heavy model's second pass over a window whose feet the first model lost (renderer/src/app/analyse-and-save.ts). */
export interface HeavyRetry {
  first: { model: PoseModel; feet: FootTracking };
  /** How the heavy model followed the feet; null when its pass was cancelled or found no pose. */
  heavy: FootTracking | null;
  /** The model whose analysis was saved: the heavy one where fewer of its foot readings left their path. */
  kept: PoseModel;
}

/** Whether the heavy model's pass is kept over the first one: it kept more of the foot readings on their path. */
export function heavyKeptBetter(first: FootTracking, heavy: FootTracking | null): boolean {
  return heavy !== null && heavy.offPathPct < first.offPathPct;
}

/** How the text names each pose model. */
export const MODEL_NAMES: Record<PoseModel, string> = { lite: 'Lite', full: 'Full', heavy: 'Heavy' };

/** What the second pass did, in a sentence for the clinician. */
export function heavyRetryText(retry: HeavyRetry): string {
  const first = `The ${MODEL_NAMES[retry.first.model]} pose model lost the runner's feet (${retry.first.feet.offPathPct}% of their readings off their path)`;
  if (retry.heavy === null) return `${first}; analysing it again with the Heavy model did not finish, so the ${MODEL_NAMES[retry.first.model]} model's analysis is saved, with its timing values marked not reliable.`;
  if (retry.kept === 'heavy') {
    const still = retry.heavy.lost ? ' It lost them too, so the timing values are still marked not reliable.' : '';
    return `${first}, so the video was analysed again with the Heavy model, which kept them better (${retry.heavy.offPathPct}% off): its analysis is saved.${still}`;
  }
  return `${first}. Analysed again with the Heavy model it did no better (${retry.heavy.offPathPct}% off), so the ${MODEL_NAMES[retry.first.model]} model's analysis is saved, with its timing values marked not reliable.`;
}
