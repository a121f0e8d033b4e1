import type { ReactNode } from 'react';
import type { TCatalogProduct, TCategory } from '../../../../server/contracts/catalog.ts';
import { CoinsIcon, FilmIcon, SparkleIcon } from '../../components/icons.tsx';
import { NavTile } from '../../components/NavTile.tsx';
import { useT } from '../../i18n.ts';

// One icon per shelf of core/catalog (a new service's shelf gets the coins until it has its own).
const ICONS: Record<string, () => ReactNode> = {
  'ai-plans': () => <SparkleIcon />,
  'ai-packs': () => <CoinsIcon />,
  'video-bundles': () => <FilmIcon />,
};

export function CategoryList({
  products,
  onChoose,
}: {
  products: readonly TCatalogProduct[];
  onChoose: (category: TCategory) => void;
}) {
  const t = useT();
  // A shelf with nothing payable here (no provider configured for it) is not shown.
  const categories = [...new Set(products.map((p) => p.category))];
  return (
    <>
      <p className="page__subtitle">{t('miniapp-buy-choose-category')}</p>
      <ul className="tiles">
        {categories.map((category) => (
          <NavTile
            key={category}
            icon={(ICONS[category] ?? CoinsIcon)()}
            title={t(`miniapp-buy-category-${category}`)}
            hint={t(`miniapp-buy-category-${category}-hint`)}
            onOpen={() => onChoose(category)}
            testId={`buy-category-${category}`}
          />
        ))}
      </ul>
    </>
  );
}
