import { useState } from 'react';
import type { TVpn } from '../../../../server/contracts/vpn.ts';
import { revokeVpnLink } from '../../api/vpn.ts';
import { errorMessage } from '../../components/error-message.ts';
import { useT } from '../../i18n.ts';
import { useMe } from '../../me-context.ts';

/** A new link when the old one leaked; asks first, since every app that imported the old one stops. */
export function NewLink({ onDone }: { onDone: (vpn: TVpn) => void }) {
  const t = useT();
  const { request } = useMe();
  const [state, setState] = useState<{ kind: 'idle' | 'ask' | 'busy' } | { kind: 'failed'; message: string }>(
    { kind: 'idle' },
  );

  const revoke = async () => {
    setState({ kind: 'busy' });
    try {
      onDone(await revokeVpnLink(request));
      setState({ kind: 'idle' });
    } catch (error) {
      setState({ kind: 'failed', message: errorMessage(error, t) });
    }
  };

  if (state.kind === 'idle' || state.kind === 'failed')
    return (
      <>
        {state.kind === 'failed' ? (
          <p className="segmented__error" role="alert">
            {state.message}
          </p>
        ) : null}
        <button
          type="button"
          className="button button--secondary button--wide"
          onClick={() => setState({ kind: 'ask' })}
          data-testid="vpn-new-link"
        >
          {t('miniapp-vpn-new-link')}
        </button>
      </>
    );
  return (
    <div className="card" data-testid="vpn-new-link-confirm">
      <p>{t('miniapp-vpn-new-link-question')}</p>
      <div className="button-row">
        <button
          type="button"
          className="button button--secondary"
          onClick={() => setState({ kind: 'idle' })}
          disabled={state.kind === 'busy'}
        >
          {t('miniapp-vpn-cancel')}
        </button>
        <button
          type="button"
          className="button vpn-danger"
          onClick={() => void revoke()}
          disabled={state.kind === 'busy'}
          data-testid="vpn-new-link-yes"
        >
          {t('miniapp-vpn-new-link-yes')}
        </button>
      </div>
    </div>
  );
}
