import { copyTextToClipboard } from '@telegram-apps/sdk-react';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n.ts';

type TCopyState = 'idle' | 'copied' | 'failed';

/** The subscription link as a QR code (for an app on another device) and as text with Copy. */
export function LinkCard({ url, qrDataUrl }: { url: string; qrDataUrl: string }) {
  const t = useT();
  const [copy, setCopy] = useState<TCopyState>('idle');

  useEffect(() => {
    if (copy === 'idle') return;
    const timer = setTimeout(() => setCopy('idle'), 2_500);
    return () => clearTimeout(timer);
  }, [copy]);

  async function onCopy() {
    try {
      await copyTextToClipboard(url);
      setCopy('copied');
    } catch {
      // Some webviews refuse clipboard access; the link stays selectable as plain text.
      setCopy('failed');
    }
  }

  return (
    <section className="card qr" aria-labelledby="vpn-link-title" data-testid="vpn-link-card">
      <h2 className="section__title" id="vpn-link-title">
        {t('miniapp-vpn-link-title')}
      </h2>
      <img className="qr__image" src={qrDataUrl} alt={t('miniapp-vpn-qr-alt')} data-testid="vpn-qr" />
      <p className="muted">{t('miniapp-vpn-qr-hint')}</p>
      <p className="link-box" data-testid="vpn-link">
        {url}
      </p>
      <button
        type="button"
        className="button button--secondary button--wide"
        onClick={() => void onCopy()}
        data-testid="vpn-copy"
      >
        {copy === 'copied' ? t('miniapp-vpn-copied') : t('miniapp-vpn-copy')}
      </button>
      <p className="segmented__status" aria-live="polite">
        {copy === 'failed' ? t('miniapp-vpn-copy-failed') : null}
      </p>
    </section>
  );
}
