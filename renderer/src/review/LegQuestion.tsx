/**
 * Which leg is which, asked once per side-view video when the image cues do not settle it
 * (shared/gait/near-far.ts): the leg the analysis calls right is drawn wide on the video, and one
 * click confirms it or exchanges left and right for the whole clip (a correction: saved with the
 * video, undone and redone like the others). Once answered, a line says so and lets the clinician
 * ask again; where the picture settled it, a line says so and lets the clinician confirm or swap.
 * Where the shanks' crossings were read from the pixels, both say how many showed which leg in front.
 */
import type { AnalysisOptions, GaitAnalysis } from '../../../shared/gait/types.ts';
import { AUTO_EXCHANGE_CONFIDENCE } from '../../../shared/gait/analyse.ts';
import { setLegsConfirmed } from './corrections.ts';

interface Props {
  analysis: GaitAnalysis;
  options: AnalysisOptions;
  apply: (options: AnalysisOptions) => void;
}

export function LegQuestion({ analysis, options, apply }: Props) {
  const { view, identity } = analysis;
  if (view.kind !== 'sagittal' || !identity.nearFar) return null;
  const exchanged = identity.nearFar.exchanged;
  const occlusion = identity.nearFar.cues.find((c) => c.id === 'occlusion');
  const crossings = occlusion?.crossings && occlusion.crossings.read > 0 ? occlusion.crossings : null;
  if (identity.sides === 'confirmed') {
    return (
      <p className="leg-answer small muted" data-testid="leg-answer">
        Left and right confirmed by you ({exchanged ? 'exchanged from the model’s labels' : 'as the model labelled them'}).{' '}
        <button type="button" className="button-link" onClick={() => apply(setLegsConfirmed(options, null))}>
          Ask again
        </button>
      </p>
    );
  }
  if (identity.sides === 'automatic') {
    return (
      <p className="leg-answer small muted" data-testid="leg-answer">
        Left and right decided from the picture (confidence {identity.nearFar.confidence.toFixed(2)}
        {exchanged ? ', the model’s labels exchanged' : ''}
        {crossings && occlusion?.near && occlusion.strength > 0
          ? `; the near leg drawn over the far one at ${crossings[occlusion.near]} of ${crossings.read} crossings of the shanks`
          : ''}
        ).{' '}
        <button type="button" className="button-link" onClick={() => apply(setLegsConfirmed(options, exchanged))}>
          Confirm
        </button>{' '}
        ·{' '}
        <button type="button" className="button-link" onClick={() => apply(setLegsConfirmed(options, !exchanged))}>
          Swap left and right
        </button>
      </p>
    );
  }
  // unanswered and not firm: the labels are the model's (after the automatic swap fix), so the highlighted leg is the one labelled right
  const near = view.side === 'left' ? 'left' : 'right';
  return (
    <div className="leg-question card" role="group" aria-label="Which leg is which" data-testid="leg-question">
      <p>
        <strong>Is the highlighted leg the client’s right leg?</strong> It is drawn wide in orange on the video. The runner’s {near} side faces the
        camera, but the picture does not settle which leg the model has called which (the image cues agree only weakly: confidence{' '}
        {identity.nearFar.confidence.toFixed(2)}, {AUTO_EXCHANGE_CONFIDENCE} needed).
        {crossings && ` Where the shanks cross, the highlighted leg is drawn in front at ${crossings.right} of ${crossings.read} crossings read.`}{' '}
        Every left and right value and finding depends on it.
      </p>
      <div className="button-row">
        <button type="button" onClick={() => apply(setLegsConfirmed(options, exchanged))}>
          Yes, it is the right leg
        </button>
        <button type="button" className="button-secondary" onClick={() => apply(setLegsConfirmed(options, !exchanged))}>
          No, swap left and right
        </button>
      </div>
    </div>
  );
}
