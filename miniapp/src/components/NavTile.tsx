import type { ReactNode } from 'react';

type TNavTileProps = {
  icon: ReactNode;
  title: string;
  hint: string;
  onOpen: () => void;
  testId: string;
};

/** One section of the app on the home screen: a full-width button, big enough for a thumb. */
export function NavTile({ icon, title, hint, onOpen, testId }: TNavTileProps) {
  return (
    <li>
      <button type="button" className="tile" onClick={onOpen} data-testid={testId}>
        <span className="tile__icon" aria-hidden="true">
          {icon}
        </span>
        <span className="tile__text">
          <span className="tile__title">{title}</span>
          <span className="tile__hint">{hint}</span>
        </span>
        <span className="tile__chevron" aria-hidden="true">
          ›
        </span>
      </button>
    </li>
  );
}
