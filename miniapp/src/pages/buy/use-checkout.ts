import { openInvoice, openLink } from '@telegram-apps/sdk-react';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { TCatalogProduct, TProvider } from '../../../../server/contracts/catalog.ts';
import { getPaymentStatus, startCheckout } from '../../api/catalog.ts';
import { getWallet } from '../../api/wallet.ts';
import { payFromWallet } from '../../api/wallet-pay.ts';
import { useMe } from '../../me-context.ts';

export type TCheckoutState =
  | { phase: 'idle' }
  | { phase: 'opening'; provider: TProvider }
  /** Telegram's Stars sheet is open. */
  | { phase: 'paying'; provider: TProvider }
  /** Telegram took the Stars; the bot is crediting the payment. */
  | { phase: 'confirming'; paymentId: string }
  /** The provider's page is open (or Stars said pending): the bot will confirm when the money arrives. */
  | { phase: 'pending'; paymentId: string; provider: TProvider; url: string }
  /** The wallet is paying: in place, one request, no page to open. */
  | { phase: 'wallet' }
  /** `walletLeft`: the RUB left in the wallet (kopecks) after paying from it. */
  | { phase: 'success'; tokens: string | null; walletLeft?: string }
  | { phase: 'cancelled' }
  | { phase: 'failed'; error: unknown }
  | { phase: 'unsupported' };

// Stars: the bot confirms within a second or two of Telegram's answer; past this the page stops
// spinning and says the bot will confirm. Card and crypto payments take minutes, polled less often.
const CONFIRM_POLL_MS = 1_000;
const CONFIRM_GIVE_UP_MS = 30_000;
const PENDING_POLL_MS = 4_000;
const PENDING_GIVE_UP_MS = 15 * 60_000;

/**
 * One purchase: opens the payment (Stars sheet via openInvoice, or the provider's page via openLink),
 * then waits for our server to see it confirmed before saying so, and reads the new token balance.
 */
export function useCheckout() {
  const { request } = useMe();
  const [state, setState] = useState<TCheckoutState>({ phase: 'idle' });
  // Bumped on reset and on unmount: a purchase still in flight must not write into a screen left behind.
  const attempt = useRef(0);
  // The wallet payment's idempotency key, one per purchase: a double tap or a retry after a dropped answer
  // sends the same key and the server pays once. A new one only after a success or for another product.
  const walletKey = useRef<{ productId: string; key: string } | null>(null);

  useEffect(
    () => () => {
      attempt.current += 1;
    },
    [],
  );

  const pay = useCallback(
    async (product: TCatalogProduct, provider: TProvider) => {
      const mine = ++attempt.current;
      const set = (next: TCheckoutState) => mine === attempt.current && setState(next);
      set({ phase: 'opening', provider });
      let checkout: Awaited<ReturnType<typeof startCheckout>>;
      try {
        checkout = await startCheckout(request, { productId: product.id, provider });
      } catch (error) {
        set({ phase: 'failed', error });
        return;
      }
      if (checkout.provider !== 'stars') {
        // Card and crypto pages open outside Telegram; the Mini App stays open underneath.
        if (openLink.isAvailable()) openLink(checkout.url);
        set({ phase: 'pending', paymentId: checkout.paymentId, provider, url: checkout.url });
        return;
      }
      if (!openInvoice.isAvailable()) {
        set({ phase: 'unsupported' });
        return;
      }
      set({ phase: 'paying', provider });
      try {
        const status = await openInvoice(checkout.url, 'url');
        if (status === 'paid') set({ phase: 'confirming', paymentId: checkout.paymentId });
        else if (status === 'cancelled') set({ phase: 'cancelled' });
        else if (status === 'failed') set({ phase: 'failed', error: undefined });
        else set({ phase: 'pending', paymentId: checkout.paymentId, provider, url: checkout.url });
      } catch (error) {
        set({ phase: 'failed', error });
      }
    },
    [request],
  );

  const payWithWallet = useCallback(
    async (product: TCatalogProduct) => {
      const mine = ++attempt.current;
      const set = (next: TCheckoutState) => mine === attempt.current && setState(next);
      if (walletKey.current?.productId !== product.id)
        walletKey.current = { productId: product.id, key: crypto.randomUUID() };
      const { key } = walletKey.current;
      set({ phase: 'wallet' });
      try {
        const paid = await payFromWallet(request, { productId: product.id, key });
        if (paid.status !== 'succeeded') {
          set({ phase: 'failed', error: undefined });
          return;
        }
        if (walletKey.current?.key === key) walletKey.current = null;
        const wallet = await getWallet(request).catch(() => null);
        set({ phase: 'success', tokens: wallet?.tokens.available ?? null, walletLeft: paid.balance });
      } catch (error) {
        // WALLET_INSUFFICIENT and the rest carry the server's localized message (errorMessage shows it).
        set({ phase: 'failed', error });
      }
    },
    [request],
  );

  const paymentId = state.phase === 'confirming' || state.phase === 'pending' ? state.paymentId : null;
  const confirming = state.phase === 'confirming';

  useEffect(() => {
    if (!paymentId) return;
    const mine = attempt.current;
    const started = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const poll = async () => {
      try {
        const { status } = await getPaymentStatus(request, paymentId);
        if (stopped || mine !== attempt.current) return;
        if (status === 'succeeded') {
          const wallet = await getWallet(request).catch(() => null);
          if (!stopped && mine === attempt.current)
            setState({ phase: 'success', tokens: wallet?.tokens.available ?? null });
          return;
        }
        if (status !== 'pending') {
          setState({ phase: 'failed', error: undefined });
          return;
        }
      } catch {
        // A dropped poll is retried on the next tick; the payment itself is unaffected.
      }
      if (stopped) return;
      const elapsed = Date.now() - started;
      if (confirming && elapsed > CONFIRM_GIVE_UP_MS) {
        setState((s) =>
          s.phase === 'confirming'
            ? { phase: 'pending', paymentId: s.paymentId, provider: 'stars', url: '' }
            : s,
        );
        return;
      }
      if (elapsed > PENDING_GIVE_UP_MS) return;
      timer = setTimeout(poll, confirming ? CONFIRM_POLL_MS : PENDING_POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [paymentId, confirming, request]);

  const reset = useCallback(() => {
    attempt.current += 1;
    setState({ phase: 'idle' });
  }, []);

  return { state, pay, payWithWallet, reset };
}
