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

/** A circle struck through: the ban screen. */
export function BlockedIcon() {
  return (
    <svg viewBox="0 0 24 24" width="56" height="56" aria-hidden="true" focusable="false">
      <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2" />
      <path d="m5.6 5.6 12.8 12.8" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  );
}

export function WalletIcon() {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        d="M4 6.5A2.5 2.5 0 0 1 6.5 4H18a1 1 0 0 1 0 2H6.5a.5.5 0 0 0 0 1H19a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H6a3 3 0 0 1-3-3V7.2c0-.25.03-.48.1-.7zM16.5 12a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3z"
        fill="currentColor"
      />
    </svg>
  );
}

export function CartIcon() {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        d="M2 3.5a1 1 0 0 1 1-1h1.6a1.5 1.5 0 0 1 1.46 1.15L6.4 5H20a1 1 0 0 1 .97 1.24l-1.6 6.5A1.5 1.5 0 0 1 17.9 14H8.1l.35 1.5H18a1 1 0 0 1 0 2H8.05a1.5 1.5 0 0 1-1.46-1.16L4.2 4.5H3a1 1 0 0 1-1-1zM9 21a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3zm8 0a1.5 1.5 0 1 0 0-3 1.5 1.5 0 0 0 0 3z"
        fill="currentColor"
      />
    </svg>
  );
}

export function GiftIcon() {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        d="M8.5 2.5c1.4 0 2.7.8 3.5 2 .8-1.2 2.1-2 3.5-2a3 3 0 0 1 2.6 4.5H20a1 1 0 0 1 1 1V11a1 1 0 0 1-1 1h-7V7h-2v5H4a1 1 0 0 1-1-1V8a1 1 0 0 1 1-1h1.9A3 3 0 0 1 8.5 2.5zm0 2a1 1 0 0 0 0 2H11c-.4-1.2-1.4-2-2.5-2zm7 0c-1.1 0-2.1.8-2.5 2h2.5a1 1 0 1 0 0-2zM4 14h7v7H6a2 2 0 0 1-2-2zm9 0h7v5a2 2 0 0 1-2 2h-5z"
        fill="currentColor"
      />
    </svg>
  );
}

export function SparkleIcon() {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        d="M10 2.5l1.9 5.6 5.6 1.9-5.6 1.9L10 17.5l-1.9-5.6L2.5 10l5.6-1.9zM18 14l.95 2.55L21.5 17.5l-2.55.95L18 21l-.95-2.55-2.55-.95 2.55-.95z"
        fill="currentColor"
      />
    </svg>
  );
}

export function CoinsIcon() {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        d="M12 3c4.4 0 8 1.3 8 3s-3.6 3-8 3-8-1.3-8-3 3.6-3 8-3zM4 8.6C5.6 9.7 8.7 10.2 12 10.2s6.4-.5 8-1.6V11c0 1.7-3.6 3-8 3s-8-1.3-8-3zm0 5C5.6 14.7 8.7 15.2 12 15.2s6.4-.5 8-1.6V16c0 1.7-3.6 3-8 3s-8-1.3-8-3z"
        fill="currentColor"
      />
    </svg>
  );
}

export function FilmIcon() {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
      <path
        fillRule="evenodd"
        d="M4 4h16a1 1 0 0 1 1 1v14a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1V5a1 1 0 0 1 1-1zm1 2v2h2V6zm12 0v2h2V6zM5 11v2h2v-2zm12 0v2h2v-2zM5 16v2h2v-2zm12 0v2h2v-2zM9 6v12h6V6z"
        fill="currentColor"
      />
    </svg>
  );
}
