import { hideBackButton, onBackButtonClick, showBackButton } from '@telegram-apps/sdk-react';
import { type ReactNode, useEffect, useRef } from 'react';
import { useRouter } from '../router.tsx';

type TPageProps = {
  /** Show Telegram's BackButton; false on the home page, which has nowhere to go back to. */
  back: boolean;
  title: string;
  children: ReactNode;
  /** What the BackButton does instead of leaving the page (a step back inside a multi-step page). */
  onBack?: () => void;
};

/** Owns Telegram's BackButton for the page on screen, so no two pages fight over it. */
export function Page({ back, title, children, onBack }: TPageProps) {
  const { back: leave } = useRouter();
  const goBack = useRef(onBack ?? leave);
  // The latest handler without re-subscribing: a new step must not hide and re-show the button.
  useEffect(() => {
    goBack.current = onBack ?? leave;
  }, [onBack, leave]);

  useEffect(() => {
    if (!back) {
      if (hideBackButton.isAvailable()) hideBackButton();
      return;
    }
    if (showBackButton.isAvailable()) showBackButton();
    const offClick = onBackButtonClick.isAvailable() ? onBackButtonClick(() => goBack.current()) : undefined;
    return () => {
      offClick?.();
      if (hideBackButton.isAvailable()) hideBackButton();
    };
  }, [back]);

  return (
    <main className="page">
      <h1 className="page__title" data-testid="page-title">
        {title}
      </h1>
      {children}
    </main>
  );
}
