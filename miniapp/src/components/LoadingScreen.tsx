import { useT } from '../i18n.ts';

/** Placeholder shapes in the layout of a page, so the content does not jump when it arrives. */
export function LoadingScreen() {
  const t = useT();
  return (
    <main className="page" aria-busy="true" data-testid="loading">
      <span className="visually-hidden" role="status">
        {t('miniapp-loading')}
      </span>
      <div className="skeleton skeleton--title" aria-hidden="true" />
      <div className="skeleton skeleton--line" aria-hidden="true" />
      <div className="skeleton skeleton--card" aria-hidden="true" />
    </main>
  );
}
