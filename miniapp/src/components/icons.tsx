// Inline SVG rather than emoji: the glyphs look the same on every client and need no emoji font.

export function PersonIcon() {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <circle cx="12" cy="8" r="4" fill="currentColor" />
      <path d="M4 20c0-4 3.6-6 8-6s8 2 8 6z" fill="currentColor" />
    </svg>
  );
}

export function PaperPlaneIcon() {
  return (
    <svg viewBox="0 0 24 24" width="56" height="56" aria-hidden="true" focusable="false">
      <path
        d="M21.5 3.5 2.8 10.7c-1 .4-1 1.8 0 2.1l4.7 1.5 1.8 5.6c.3.9 1.4 1.1 2 .4l2.6-2.6 4.8 3.5c.8.6 1.9.1 2.1-.8L23 4.9c.2-1-.6-1.8-1.5-1.4zM9.6 14.6l8.6-7.8-6.6 9.3-.3 2.6z"
        fill="currentColor"
      />
    </svg>
  );
}
