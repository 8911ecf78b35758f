import { SPEEDS } from './player.ts';

/** The playback speed picker of the review and the comparison (0.1x to 2x). */
export function SpeedSelect({ speed, onChange }: { speed: number; onChange: (speed: number) => void }) {
  return (
    <label className="transport-speed">
      <span>Speed</span>
      <select
        value={speed}
        onChange={(e) => {
          onChange(Number(e.target.value));
          // the arrow keys step frames again, not speeds
          e.target.blur();
        }}
        aria-label="Playback speed"
      >
        {SPEEDS.map((s) => (
          <option key={s} value={s}>
            {s}×
          </option>
        ))}
      </select>
    </label>
  );
}
