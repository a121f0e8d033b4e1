import { type ReactNode, useCallback, useEffect, useState } from 'react';
import type { TCatalogProduct } from '../../../../server/contracts/catalog.ts';
import type { TVpn } from '../../../../server/contracts/vpn.ts';
import { useLoad } from '../../api/use-load.ts';
import { getVpn } from '../../api/vpn.ts';
import { CardSkeleton } from '../../components/CardSkeleton.tsx';
import { InlineError } from '../../components/InlineError.tsx';
import { Page } from '../../components/Page.tsx';
import { useT } from '../../i18n.ts';
import { useRouter } from '../../router.tsx';
import { CheckoutView } from '../buy/CheckoutView.tsx';
import { MethodList } from '../buy/MethodList.tsx';
import { useCheckout } from '../buy/use-checkout.ts';
import { AutoRenewSwitch } from './AutoRenewSwitch.tsx';
import { DevicesSection } from './DevicesSection.tsx';
import { HowToConnect } from './HowToConnect.tsx';
import { LinkCard } from './LinkCard.tsx';
import { NewLink } from './NewLink.tsx';
import { PlansSection } from './PlansSection.tsx';
import { ServersSection } from './ServersSection.tsx';
import { StatusCard } from './StatusCard.tsx';
import { TrialCard } from './TrialCard.tsx';
import './vpn.css';

// While the panel user is being made (seconds after the trial or a payment), the page asks again this often.
const SETUP_POLL_MS = 3_000;

/**
 * The VPN: status, the link with its QR code and the apps per platform, devices, servers, renewals and
 * add-ons. Buying opens the shop's own checkout (pages/buy) for the product, inside this page.
 */
export function VpnPage() {
  const t = useT();
  const { back: leave } = useRouter();
  const loaded = useLoad(getVpn);
  // What a change on this page answered (the trial, a new link, auto-renew): newer than the load.
  const [fresh, setFresh] = useState<TVpn | null>(null);
  const [product, setProduct] = useState<TCatalogProduct | null>(null);
  const checkout = useCheckout();

  const vpn = fresh ?? (loaded.status === 'ready' ? loaded.data : null);
  const settingUp = vpn?.subscription?.state === 'active' && !vpn.subscription.ready;
  const { reload } = loaded;

  useEffect(() => {
    if (!settingUp) return;
    const timer = setInterval(() => {
      setFresh(null);
      reload();
    }, SETUP_POLL_MS);
    return () => clearInterval(timer);
  }, [settingUp, reload]);

  const { reset } = checkout;
  const phase = checkout.state.phase;
  const onBack = useCallback(() => {
    if (phase !== 'idle') reset();
    else if (product) setProduct(null);
    else leave();
  }, [phase, reset, product, leave]);

  const closeCheckout = () => {
    reset();
    setProduct(null);
    setFresh(null);
    reload();
  };

  let body: ReactNode;
  if (product && phase !== 'idle')
    body = (
      <CheckoutView product={product} state={checkout.state} onReset={reset} onStartOver={closeCheckout} />
    );
  else if (product)
    body = (
      <MethodList
        product={product}
        onPay={(provider) => void checkout.pay(product, provider)}
        onPayFromWallet={() => void checkout.payWithWallet(product)}
      />
    );
  else if (!vpn && loaded.status === 'failed')
    body = <InlineError error={loaded.error} onRetry={reload} testId="vpn-error" />;
  else if (!vpn) body = <CardSkeleton lines={4} />;
  else body = <VpnOverview vpn={vpn} onChange={setFresh} onChoose={setProduct} />;

  return (
    <Page back title={t('miniapp-vpn-title')} onBack={onBack}>
      {body}
    </Page>
  );
}

function VpnOverview({
  vpn,
  onChange,
  onChoose,
}: {
  vpn: TVpn;
  onChange: (vpn: TVpn) => void;
  onChoose: (product: TCatalogProduct) => void;
}) {
  const t = useT();
  const { subscription, connect } = vpn;
  if (!vpn.available && !subscription)
    return (
      <p className="card muted" data-testid="vpn-unavailable">
        {t('miniapp-vpn-unavailable')}
      </p>
    );
  const live = subscription?.state === 'active' && subscription.ready;
  return (
    <>
      {subscription ? (
        <StatusCard subscription={subscription} />
      ) : (
        <p className="page__subtitle" data-testid="vpn-none">
          {t('miniapp-vpn-none')}
        </p>
      )}
      {vpn.trialAvailable && vpn.available && subscription?.state !== 'active' ? (
        <TrialCard onStarted={onChange} />
      ) : null}
      {connect ? (
        <>
          <LinkCard url={connect.subscriptionUrl} qrDataUrl={connect.qrDataUrl} />
          <HowToConnect clients={connect.clients} />
        </>
      ) : null}
      {live ? (
        <>
          <DevicesSection />
          <ServersSection />
        </>
      ) : null}
      <PlansSection vpn={vpn} onChoose={onChoose} />
      {subscription && subscription.state !== 'disabled' && !subscription.isTrial ? (
        <AutoRenewSwitch subscription={subscription} onSaved={onChange} />
      ) : null}
      {live ? <NewLink onDone={onChange} /> : null}
    </>
  );
}
