// The emulator's own icons as inline SVG: emoji depend on the fonts of the machine (headless CI has none).
import type { ReactNode } from 'react';

function Icon({ children, size = 20, label }: { children: ReactNode; size?: number; label?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      role={label ? 'img' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    >
      {children}
    </svg>
  );
}

export const AttachIcon = () => (
  <Icon>
    <path d="M21 11.5 12.5 20a5 5 0 0 1-7-7l8.5-8.5a3.3 3.3 0 0 1 4.7 4.7l-8.5 8.5a1.7 1.7 0 0 1-2.4-2.4l7.8-7.8" />
  </Icon>
);

export const SendIcon = () => (
  <Icon>
    <path d="M4 12 20 4l-4 16-4-7-8-1Z" />
  </Icon>
);

export const KeyboardIcon = () => (
  <Icon>
    <rect x="2" y="6" width="20" height="12" rx="2" />
    <path d="M6 10h.01M10 10h.01M14 10h.01M18 10h.01M7 14h10" />
  </Icon>
);

export const BackIcon = () => (
  <Icon>
    <path d="M19 12H5M11 6l-6 6 6 6" />
  </Icon>
);

export const CloseIcon = () => (
  <Icon>
    <path d="M6 6l12 12M18 6 6 18" />
  </Icon>
);

export const MoreIcon = () => (
  <Icon>
    <path d="M12 5h.01M12 12h.01M12 19h.01" />
  </Icon>
);

export const MoonIcon = () => (
  <Icon>
    <path d="M20 14.5A8 8 0 1 1 9.5 4a6.5 6.5 0 0 0 10.5 10.5Z" />
  </Icon>
);

export const SunIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="4" />
    <path d="M12 2v2M12 20v2M4.9 4.9l1.4 1.4M17.7 17.7l1.4 1.4M2 12h2M20 12h2M4.9 19.1l1.4-1.4M17.7 6.3l1.4-1.4" />
  </Icon>
);

export const ReplyIcon = () => (
  <Icon size={16}>
    <path d="M9 14 4 9l5-5M4 9h10a6 6 0 0 1 6 6v4" />
  </Icon>
);

export const LinkArrowIcon = () => (
  <Icon size={11}>
    <path d="M7 17 17 7M8 7h9v9" />
  </Icon>
);

export const AppIcon = () => (
  <Icon size={11}>
    <rect x="4" y="4" width="16" height="16" rx="3" />
    <path d="M4 9h16" />
  </Icon>
);

export const FileIcon = () => (
  <Icon size={22}>
    <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8Z" />
    <path d="M14 3v5h5" />
  </Icon>
);

/** Telegram's gold Stars mark. */
export const StarIcon = ({ size = 16 }: { size?: number }) => (
  <svg viewBox="0 0 24 24" width={size} height={size} role="img" aria-label="Stars" className="star-icon">
    <path fill="#ffb400" d="M12 2.5l2.9 6.1 6.6.8-4.9 4.6 1.3 6.6L12 17.3l-5.9 3.3 1.3-6.6-4.9-4.6 6.6-.8Z" />
  </svg>
);
