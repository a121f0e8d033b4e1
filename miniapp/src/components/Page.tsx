import { hideBackButton, onBackButtonClick, showBackButton } from '@telegram-apps/sdk-react';
import { type ReactNode, useEffect } from 'react';
import { useRouter } from '../router.tsx';

type TPageProps = {
  /** Show Telegram's BackButton; false on the home page, which has nowhere to go back to. */
  back: boolean;
  title: string;
  children: ReactNode;
};

/** Owns Telegram's BackButton for the page on screen, so no two pages fight over it. */
export function Page({ back, title, children }: TPageProps) {
  const { back: goBack } = useRouter();

  useEffect(() => {
    if (!back) {
      if (hideBackButton.isAvailable()) hideBackButton();
      return;
    }
    if (showBackButton.isAvailable()) showBackButton();
    const offClick = onBackButtonClick.isAvailable() ? onBackButtonClick(goBack) : undefined;
    return () => {
      offClick?.();
      if (hideBackButton.isAvailable()) hideBackButton();
    };
  }, [back, goBack]);

  return (
    <main className="page">
      <h1 className="page__title" data-testid="page-title">
        {title}
      </h1>
      {children}
    </main>
  );
}
