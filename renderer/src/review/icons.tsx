/** Transport icons as inline SVG: the system fonts here lack some media symbols (they drew as empty boxes). */

const paths = {
  first: 'M5 4h2v16H5zM19 4v16L8 12z',
  last: 'M17 4h2v16h-2zM5 4v16l11-8z',
  back10: 'M11 5v14L3 12zM21 5v14l-8-7z',
  forward10: 'M13 5v14l8-7zM3 5v14l8-7z',
  back1: 'M16 5v14L6 12z',
  forward1: 'M8 5v14l10-7z',
  play: 'M7 4v16l13-8z',
  pause: 'M6 4h4v16H6zM14 4h4v16h-4z',
  prevEvent: 'M4 4h2v16H4zM20 5v14l-11-7z',
  nextEvent: 'M18 4h2v16h-2zM4 5v14l11-7z',
} as const;

export type IconName = keyof typeof paths;

export function Icon({ name }: { name: IconName }) {
  return (
    <svg viewBox="0 0 24 24" width="14" height="14" aria-hidden focusable="false" className="icon">
      <path d={paths[name]} fill="currentColor" />
    </svg>
  );
}
