/**
 * Which leg is which, asked once per side-view video when the image cues do not settle it
 * (shared/gait/near-far.ts): the leg the analysis calls right is drawn wide on the video, and one
 * click confirms it or exchanges left and right for the whole clip (a correction: saved with the
 * video, undone and redone like the others). Once answered, a line says so and lets the clinician
 * ask again; where the picture settled it, a line says so and lets the clinician confirm or swap.
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
        {exchanged ? ', the model’s labels exchanged' : ''}).{' '}
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
  const near = view.side === 'left' ? 'left' : 'right';
  return (
    <div className="leg-question card" role="group" aria-label="Which leg is which" data-testid="leg-question">
      <p>
        <strong>Is the highlighted leg the client’s right leg?</strong> It is drawn wide in orange on the video. The runner’s {near} side faces the
        camera, but the picture does not settle which leg the model has called which (the image cues agree only weakly: confidence{' '}
        {identity.nearFar.confidence.toFixed(2)}, {AUTO_EXCHANGE_CONFIDENCE} needed). Every left and right value and finding depends on it.
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
