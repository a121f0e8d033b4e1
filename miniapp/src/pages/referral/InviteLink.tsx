import { copyTextToClipboard, shareURL } from '@telegram-apps/sdk-react';
import { useEffect, useState } from 'react';
import { useT } from '../../i18n.ts';

type TCopyState = 'idle' | 'copied' | 'failed';

/** The link itself, selectable as text, with Copy and Telegram's own Share sheet. */
export function InviteLink({ link }: { link: string }) {
  const t = useT();
  const [copy, setCopy] = useState<TCopyState>('idle');

  useEffect(() => {
    if (copy === 'idle') return;
    const timer = setTimeout(() => setCopy('idle'), 2_500);
    return () => clearTimeout(timer);
  }, [copy]);

  async function onCopy() {
    try {
      await copyTextToClipboard(link);
      setCopy('copied');
    } catch {
      // Some webviews refuse clipboard access; the link stays selectable as plain text.
      setCopy('failed');
    }
  }

  function onShare() {
    // shareURL opens t.me/share: Telegram's chat picker, with the link and a line of text.
    if (shareURL.isAvailable()) shareURL(link, t('miniapp-referral-share-text'));
  }

  return (
    <section className="card" aria-labelledby="referral-link-title">
      <h2 className="section__title" id="referral-link-title">
        {t('miniapp-referral-link')}
      </h2>
      <p className="link-box" data-testid="referral-link">
        {link}
      </p>
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => void onCopy()}
          data-testid="referral-copy"
        >
          {copy === 'copied' ? t('miniapp-referral-copied') : t('miniapp-referral-copy')}
        </button>
        <button type="button" className="button" onClick={onShare} data-testid="referral-share">
          {t('miniapp-referral-share')}
        </button>
      </div>
      <p className="segmented__status" aria-live="polite">
        {copy === 'failed' ? t('miniapp-referral-copy-failed') : null}
      </p>
    </section>
  );
}
