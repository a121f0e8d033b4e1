import { useT } from '../i18n.ts';

/** A card-shaped placeholder while a section loads, so the page does not jump when it arrives. */
export function CardSkeleton({ lines = 2 }: { lines?: number }) {
  const t = useT();
  return (
    <div className="card" aria-busy="true">
      <span className="visually-hidden" role="status">
        {t('miniapp-loading')}
      </span>
      {Array.from({ length: lines }, (_, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed placeholder rows that never reorder
        <div key={i} className="skeleton skeleton--line" aria-hidden="true" />
      ))}
    </div>
  );
}
