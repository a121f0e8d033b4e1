import { useState } from 'react';
import { formatMoney } from '#core/money/format-money.ts';
import type { TCatalogProduct } from '../../../../server/contracts/catalog.ts';
import type { TVpn, TVpnPlan } from '../../../../server/contracts/vpn.ts';
import { formatDate } from '../../format-date.ts';
import { type TTranslate, useLanguage, useT } from '../../i18n.ts';
import { FilterChips } from '../wallet/FilterChips.tsx';

type TDuration = '30' | '90' | '180' | '365';
const DURATIONS: readonly TDuration[] = ['30', '90', '180', '365'];

/** "199 ₽ · 133 ⭐": every way to pay, as the checkout will offer them. */
function PriceLine({ product }: { product: TCatalogProduct }) {
  const language = useLanguage();
  return (
    <span className="tile__price">
      {product.prices.map((p) => formatMoney(p.amount, p.currency, language)).join(' · ')}
    </span>
  );
}

/** What buying the plan now does: starts today, extends the expiry, or converts the days left of another tier. */
function preview(plan: TVpnPlan, t: TTranslate, language: 'en' | 'ru'): string {
  const date = formatDate(plan.renewal.expiresAt, language);
  const { conversion } = plan.renewal;
  if (plan.renewal.kind === 'change' && conversion)
    return t('miniapp-vpn-plan-change', {
      daysLeft: conversion.daysLeft,
      from: t('miniapp-vpn-tier', { tier: conversion.fromTier }),
      converted: conversion.convertedDays,
      to: t('miniapp-vpn-tier', { tier: plan.tier }),
      date,
    });
  return plan.renewal.kind === 'renew'
    ? t('miniapp-vpn-plan-renew', { days: plan.days, date })
    : t('miniapp-vpn-plan-new', { date });
}

/** Renew the current tier or move to another, for the duration chosen; each card opens the checkout. */
export function PlansSection({ vpn, onChoose }: { vpn: TVpn; onChoose: (product: TCatalogProduct) => void }) {
  const t = useT();
  const language = useLanguage();
  const [duration, setDuration] = useState<TDuration>('30');
  // A trial is not a plan to renew: after it every plan simply starts. An expired plan is renewed.
  const sub = vpn.subscription;
  const current = sub && sub.state !== 'disabled' && !sub.isTrial ? sub.tier : null;
  const shown = vpn.plans.filter((p) => String(p.days) === duration);
  if (vpn.plans.length === 0) return null;

  return (
    <section aria-labelledby="vpn-plans-title" data-testid="vpn-plans">
      <h2 className="section__title section__title--outside" id="vpn-plans-title">
        {current ? t('miniapp-vpn-plans-title-active') : t('miniapp-vpn-plans-title')}
      </h2>
      <FilterChips
        legend={t('miniapp-vpn-duration-legend')}
        options={DURATIONS.map((d) => ({ value: d, label: t('miniapp-vpn-duration', { days: Number(d) }) }))}
        value={duration}
        onChange={(value) => value && setDuration(value)}
        testId="vpn-duration"
      />
      <ul className="tiles">
        {shown.map((plan) => {
          const action =
            plan.renewal.kind === 'renew' && plan.tier === current
              ? 'renew'
              : plan.renewal.kind === 'change'
                ? 'change'
                : 'buy';
          return (
            <li key={plan.id}>
              <button
                type="button"
                className={plan.tier === current ? 'tile vpn-plan vpn-plan--current' : 'tile vpn-plan'}
                onClick={() => onChoose(plan)}
                data-testid={`vpn-plan-${plan.id}`}
                data-kind={plan.renewal.kind}
              >
                <span className="tile__text">
                  <span className="tile__title">
                    {t('miniapp-vpn-plan-action', {
                      action,
                      tier: t('miniapp-vpn-tier', { tier: plan.tier }),
                    })}
                  </span>
                  <span className="tile__hint">{t('miniapp-vpn-tier-terms', { tier: plan.tier })}</span>
                  <span className="tile__hint vpn-plan__preview" data-testid="vpn-plan-preview">
                    {preview(plan, t, language)}
                  </span>
                </span>
                <PriceLine product={plan} />
              </button>
            </li>
          );
        })}
      </ul>
      {vpn.addons.length > 0 ? (
        <>
          <h2 className="section__title section__title--outside">{t('miniapp-vpn-addons-title')}</h2>
          <ul className="tiles" data-testid="vpn-addons">
            {vpn.addons.map((addon) => (
              <li key={addon.id}>
                <button
                  type="button"
                  className="tile"
                  onClick={() => onChoose(addon)}
                  data-testid={`vpn-addon-${addon.id}`}
                >
                  <span className="tile__text">
                    <span className="tile__title">{t(addon.titleKey)}</span>
                  </span>
                  <PriceLine product={addon} />
                </button>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
