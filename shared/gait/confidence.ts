/**
 * Confidence of a summarised value, 0..1, as the product of four factors:
 *   visibility  mean landmark visibility over the frames used, mapped from 0.3 (0) to 0.9 (1);
 *               samples filled across a gap count at the cleaning threshold (0.3).
 *   occlusion   0.8 for the far leg in a side view (the least accurate: Young 2023), lower for a
 *               measure taken where the near leg hides the far one (MeasureDefinition.farLegFactor),
 *               else 1.
 *   strides     sqrt(min(1, n / 8)): eight or more strides give full weight.
 *   spread      1 / (1 + (SD / scale)^2): the measure's stride-to-stride SD against the spread
 *               at which confidence halves (MeasureDefinition.spreadScale).
 * Levels: high >= 0.7, moderate >= 0.4, low below. A value with fewer than MIN_STRIDES strides
 * is absent, with the reason; a low-confidence value is still shown, with its level.
 */
import { clamp } from './series.ts';
import type { Confidence, ConfidenceLevel } from './types.ts';

export const MIN_STRIDES = 2;
export const FULL_STRIDES = 8;
export const FAR_LEG_FACTOR = 0.8;

export function levelOf(score: number): ConfidenceLevel {
  return score >= 0.7 ? 'high' : score >= 0.4 ? 'moderate' : 'low';
}

export interface ConfidenceInput {
  meanVisibility: number;
  farLeg: boolean;
  /** Replaces FAR_LEG_FACTOR for this measure. */
  farLegFactor?: number;
  n: number;
  sd: number;
  spreadScale: number;
}

export function confidenceOf(input: ConfidenceInput): Confidence {
  const visibility = Number.isFinite(input.meanVisibility) ? clamp((input.meanVisibility - 0.3) / 0.6, 0, 1) : 0;
  const occlusion = input.farLeg ? (input.farLegFactor ?? FAR_LEG_FACTOR) : 1;
  const strides = Math.sqrt(clamp(input.n / FULL_STRIDES, 0, 1));
  const spread = Number.isFinite(input.sd) ? 1 / (1 + (input.sd / input.spreadScale) ** 2) : 0.5;
  const score = visibility * occlusion * strides * spread;
  return { score, level: levelOf(score), factors: { visibility, occlusion, strides, spread } };
}
