import { type FormEvent, useState } from 'react';
import { ApiError } from '../../api/api-error.ts';
import { redeemPromo } from '../../api/promo.ts';
import { useT } from '../../i18n.ts';
import { useMe } from '../../me-context.ts';

type TState = { kind: 'idle' } | { kind: 'busy' } | { kind: 'done' | 'refused'; message: string };

/** The Mini App's `/promo CODE`: the server answers with the same localized text the bot would send. */
/** `onApplied`: a discount code changes the prices the shop shows, so the catalog is loaded again. */
export function PromoForm({ onApplied }: { onApplied?: () => void }) {
  const t = useT();
  const { request } = useMe();
  const [code, setCode] = useState('');
  const [state, setState] = useState<TState>({ kind: 'idle' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim() || state.kind === 'busy') return;
    setState({ kind: 'busy' });
    try {
      const result = await redeemPromo(request, code.trim());
      setState({ kind: 'done', message: result.message });
      setCode('');
      onApplied?.();
    } catch (error) {
      const message = error instanceof ApiError && error.message ? error.message : t('miniapp-promo-failed');
      setState({ kind: 'refused', message });
    }
  };

  return (
    <form className="promo" onSubmit={(e) => void submit(e)} data-testid="promo-form">
      <label className="promo__label" htmlFor="promo-code">
        {t('miniapp-promo-label')}
      </label>
      <div className="promo__row">
        <input
          id="promo-code"
          className="promo__input"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          placeholder={t('miniapp-promo-placeholder')}
          autoCapitalize="characters"
          maxLength={64}
          data-testid="promo-input"
        />
        <button type="submit" className="button" disabled={state.kind === 'busy'} data-testid="promo-apply">
          {t('miniapp-promo-apply')}
        </button>
      </div>
      {state.kind === 'done' || state.kind === 'refused' ? (
        <p className={`promo__result promo__result--${state.kind}`} role="status" data-testid="promo-result">
          {state.message}
        </p>
      ) : null}
    </form>
  );
}
