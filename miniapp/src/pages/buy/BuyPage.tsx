import { type ReactNode, useCallback, useEffect, useState } from 'react';
import type { TCategory } from '../../../../server/contracts/catalog.ts';
import { getCatalog } from '../../api/catalog.ts';
import { useLoad } from '../../api/use-load.ts';
import { CardSkeleton } from '../../components/CardSkeleton.tsx';
import { InlineError } from '../../components/InlineError.tsx';
import { Page } from '../../components/Page.tsx';
import { useT } from '../../i18n.ts';
import { useRouter } from '../../router.tsx';
import { askedShelf, forgetAskedShelf } from './asked-shelf.ts';
import { CategoryList } from './CategoryList.tsx';
import { CheckoutView } from './CheckoutView.tsx';
import { MethodList } from './MethodList.tsx';
import { ProductList } from './ProductList.tsx';
import { PromoForm } from './PromoForm.tsx';
import { useCheckout } from './use-checkout.ts';
import { TOPUP_SHELF } from './wallet-offer.ts';

/** Category → product with its prices → payment method → the payment and its outcome. */
export function BuyPage() {
  const t = useT();
  const { back: leave } = useRouter();
  const catalog = useLoad(getCatalog);
  const checkout = useCheckout();
  const [category, setCategory] = useState<TCategory | null>(askedShelf);
  useEffect(forgetAskedShelf, []);
  const [productId, setProductId] = useState<string | null>(null);

  const products = catalog.status === 'ready' ? catalog.data.products : [];
  const product = products.find((p) => p.id === productId);

  // Telegram's BackButton walks back one step; from the first step it leaves the page.
  const { reset } = checkout;
  const phase = checkout.state.phase;
  const onBack = useCallback(() => {
    if (phase !== 'idle') reset();
    else if (productId) setProductId(null);
    else if (category) setCategory(null);
    else leave();
  }, [phase, reset, productId, category, leave]);

  let body: ReactNode;
  if (catalog.status === 'loading') body = <CardSkeleton lines={3} />;
  else if (catalog.status === 'failed')
    body = <InlineError error={catalog.error} onRetry={catalog.reload} testId="buy-catalog-error" />;
  else if (product && phase !== 'idle')
    body = (
      <CheckoutView
        product={product}
        state={checkout.state}
        onReset={reset}
        onStartOver={() => {
          reset();
          setProductId(null);
          setCategory(null);
        }}
      />
    );
  else if (product)
    body = (
      <MethodList
        product={product}
        onPay={(provider) => void checkout.pay(product, provider)}
        onPayFromWallet={() => void checkout.payWithWallet(product)}
        onTopUp={() => {
          setProductId(null);
          setCategory(TOPUP_SHELF);
        }}
      />
    );
  else if (category)
    body = <ProductList products={products.filter((p) => p.category === category)} onChoose={setProductId} />;
  else
    body = (
      <>
        <CategoryList products={products} onChoose={setCategory} />
        {catalog.status === 'ready' && catalog.data.promoCode !== null && (
          <p className="buy__promo" data-testid="buy-promo-active">
            {t('miniapp-buy-promo-active', { code: catalog.data.promoCode })}
          </p>
        )}
        <PromoForm onApplied={catalog.reload} />
      </>
    );

  return (
    <Page back title={t('miniapp-buy-title')} onBack={onBack}>
      {body}
    </Page>
  );
}
