import type { ReactNode } from 'react';
import {
  type TCatalogProduct,
  type TCategory,
  ZCategorySchema,
} from '../../../../server/contracts/catalog.ts';
import { CoinsIcon, FilmIcon, SparkleIcon } from '../../components/icons.tsx';
import { NavTile } from '../../components/NavTile.tsx';
import { useT } from '../../i18n.ts';

const ICONS: Record<TCategory, () => ReactNode> = {
  ai: () => <SparkleIcon />,
  packs: () => <CoinsIcon />,
  studio: () => <FilmIcon />,
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
  const categories = ZCategorySchema.options.filter((c) => products.some((p) => p.category === c));
  return (
    <>
      <p className="page__subtitle">{t('miniapp-buy-choose-category')}</p>
      <ul className="tiles">
        {categories.map((category) => (
          <NavTile
            key={category}
            icon={ICONS[category]()}
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
