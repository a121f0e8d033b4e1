import { useLoad } from '../../api/use-load.ts';
import { getWallet } from '../../api/wallet.ts';
import { CardSkeleton } from '../../components/CardSkeleton.tsx';
import { InlineError } from '../../components/InlineError.tsx';
import { Page } from '../../components/Page.tsx';
import { useT } from '../../i18n.ts';
import { useRouter } from '../../router.tsx';
import { Balances } from './Balances.tsx';
import { HistorySection } from './HistorySection.tsx';

/** Balances as they stand, then every movement with the balance before and after it. */
export function WalletPage() {
  const t = useT();
  const { navigate } = useRouter();
  const wallet = useLoad(getWallet);

  return (
    <Page back title={t('miniapp-wallet-title')}>
      {wallet.status === 'loading' ? <CardSkeleton lines={3} /> : null}
      {wallet.status === 'failed' ? (
        <InlineError error={wallet.error} onRetry={wallet.reload} testId="wallet-error" />
      ) : null}
      {wallet.status === 'ready' ? <Balances wallet={wallet.data} /> : null}
      <button
        type="button"
        className="button button--wide"
        onClick={() => navigate('/buy')}
        data-testid="wallet-buy"
      >
        {t('miniapp-wallet-buy')}
      </button>
      <HistorySection />
    </Page>
  );
}
