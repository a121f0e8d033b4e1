import type { TStudioModels } from '../../../../../server/contracts/studio.ts';
import { useT } from '../../../i18n.ts';

type TQuotaNoteProps = { quota: TStudioModels['quota']; onBuy: () => void };

/**
 * The generations the hour has left, before a model is picked; with none left, when the next one fits, in
 * the words of the user's tier (the free tier is offered the plans, which raise the limit).
 */
export function QuotaNote({ quota, onBuy }: TQuotaNoteProps) {
  const t = useT();
  if (quota.remaining > 0)
    return (
      <p className="muted" data-testid="generate-quota">
        {t('miniapp-studio-quota', { tier: quota.tier, left: quota.remaining, limit: quota.limit })}
      </p>
    );
  const retryAt = new Date(quota.retryAt ?? Date.now());
  const minutes = Math.max(1, Math.ceil((retryAt.getTime() - Date.now()) / 60_000));
  return (
    <section className="card" data-testid="generate-quota-spent">
      <p className="studio-error" role="alert">
        {t('api-error-generation-limited', {
          tier: quota.tier,
          limit: quota.limit,
          minutes,
          time: retryAt.toISOString().slice(11, 16),
          planLimit: quota.planLimit,
        })}
      </p>
      {quota.tier === 'free' ? (
        <button
          type="button"
          className="button button--wide"
          onClick={onBuy}
          data-testid="generate-quota-buy"
        >
          {t('miniapp-studio-quota-plans')}
        </button>
      ) : null}
    </section>
  );
}
