import { useState } from 'react';
import {
  type TGalleryItem,
  type TResultKind,
  ZResultKindSchema,
} from '../../../../../server/contracts/studio.ts';
import { CardSkeleton } from '../../../components/CardSkeleton.tsx';
import { InlineError } from '../../../components/InlineError.tsx';
import { Page } from '../../../components/Page.tsx';
import { formatDateTime } from '../../../format-date.ts';
import { useLanguage, useT } from '../../../i18n.ts';
import { FilterChips } from '../../wallet/FilterChips.tsx';
import { ResultPreview } from '../ResultPreview.tsx';
import { useGallery } from './use-gallery.ts';

/** A tile of the grid: pictures as themselves, videos by their first frame, sounds by a note. */
function Thumb({ item }: { item: TGalleryItem }) {
  const type = item.file.mimeType;
  if (type.startsWith('image/'))
    return <img className="gallery__thumb" src={item.file.url} alt={item.prompt} loading="lazy" />;
  if (type.startsWith('video/'))
    return (
      <video className="gallery__thumb" src={`${item.file.url}#t=0.1`} muted playsInline preload="metadata" />
    );
  return (
    <span className="gallery__thumb gallery__thumb--icon" aria-hidden="true">
      {type.startsWith('audio/') ? '♪' : '📄'}
    </span>
  );
}

/** What the user has made: a grid by kind, newest first; a tile opens the result with its download. */
export function GalleryPage() {
  const t = useT();
  const language = useLanguage();
  const [kind, setKind] = useState<TResultKind | undefined>(undefined);
  const [open, setOpen] = useState<TGalleryItem | null>(null);
  const gallery = useGallery(kind);

  if (open)
    return (
      <Page back title={open.modelName} onBack={() => setOpen(null)}>
        <section className="card" data-testid="gallery-item">
          <ResultPreview file={open.file} alt={open.prompt} testId="gallery-open" />
          {open.prompt ? <p className="gallery__prompt">{open.prompt}</p> : null}
          <p className="muted">
            {formatDateTime(open.createdAt, language)}
            {open.file.expiresAt
              ? ` · ${t('miniapp-studio-gallery-kept-until', { date: formatDateTime(open.file.expiresAt, language) })}`
              : null}
          </p>
        </section>
      </Page>
    );

  return (
    <Page back title={t('miniapp-studio-gallery-title')}>
      <FilterChips
        legend={t('miniapp-studio-gallery-filter')}
        options={[
          { value: undefined, label: t('miniapp-studio-gallery-all') },
          ...ZResultKindSchema.options.map((value) => ({ value, label: t(`miniapp-studio-kind-${value}`) })),
        ]}
        value={kind}
        onChange={setKind}
        testId="gallery-filter"
      />
      {gallery.items.length > 0 ? (
        <ul className="gallery" data-testid="gallery-grid">
          {gallery.items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                className="gallery__tile"
                onClick={() => setOpen(item)}
                aria-label={t('miniapp-studio-gallery-open', { model: item.modelName })}
                data-testid="gallery-tile"
                data-kind={item.kind}
              >
                <Thumb item={item} />
                <span className="gallery__caption">{item.modelName}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {gallery.loading && gallery.items.length === 0 ? <CardSkeleton lines={3} /> : null}
      {!gallery.loading && !gallery.error && gallery.items.length === 0 ? (
        <p className="card muted" data-testid="gallery-empty">
          {t('miniapp-studio-gallery-empty')}
        </p>
      ) : null}
      {gallery.error ? (
        <InlineError error={gallery.error} onRetry={gallery.retry} testId="gallery-error" />
      ) : null}
      {gallery.nextBefore && !gallery.loading && !gallery.error ? (
        <button
          type="button"
          className="button button--secondary button--wide"
          onClick={gallery.loadMore}
          data-testid="gallery-more"
        >
          {t('miniapp-studio-gallery-more')}
        </button>
      ) : null}
    </Page>
  );
}
