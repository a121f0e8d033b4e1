/** The video tasks' tile on the home screen: a clapperboard, drawn like the other tile icons. */
export function FilmIcon() {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        d="M4 9h16v9a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2zm.3-4.7 12.6-2.3a1 1 0 0 1 1.2.8l.4 2.1-14.8 2.7-.4-2.1a1 1 0 0 1 .8-1.2zM8 12.5v4.8l4.2-2.4z"
        fill="currentColor"
      />
    </svg>
  );
}
