import { formatTokens } from '#core/money/format-money.ts';
import { getReferral } from '../../api/referral.ts';
import { useLoad } from '../../api/use-load.ts';
import { CardSkeleton } from '../../components/CardSkeleton.tsx';
import { InlineError } from '../../components/InlineError.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDate } from '../../format-date.ts';
import { useLanguage, useT } from '../../i18n.ts';
import { InviteLink } from './InviteLink.tsx';

/** The user's invitation link to copy, share or scan, and what it has brought so far. */
export function ReferralPage() {
  const t = useT();
  const language = useLanguage();
  const referral = useLoad(getReferral);

  if (referral.status !== 'ready') {
    return (
      <Page back title={t('miniapp-referral-title')}>
        {referral.status === 'loading' ? (
          <CardSkeleton lines={3} />
        ) : (
          <InlineError error={referral.error} onRetry={referral.reload} testId="referral-error" />
        )}
      </Page>
    );
  }
  const { link, qrDataUrl, stats, recent } = referral.data;

  return (
    <Page back title={t('miniapp-referral-title')}>
      <p className="page__subtitle">{t('miniapp-referral-explain')}</p>
      <InviteLink link={link} />

      <section className="card qr" aria-label={t('miniapp-referral-qr')}>
        <img className="qr__image" src={qrDataUrl} alt={t('miniapp-referral-qr')} data-testid="referral-qr" />
        <p className="muted">{t('miniapp-referral-qr-hint')}</p>
      </section>

      <section className="card" aria-labelledby="referral-stats-title">
        <h2 className="section__title" id="referral-stats-title">
          {t('miniapp-referral-stats')}
        </h2>
        <dl className="stats">
          <div className="stats__item">
            <dt className="stats__label">{t('miniapp-referral-invited')}</dt>
            <dd className="stats__value" data-testid="referral-invited">
              {stats.invited}
            </dd>
          </div>
          <div className="stats__item">
            <dt className="stats__label">{t('miniapp-referral-paying')}</dt>
            <dd className="stats__value" data-testid="referral-paying">
              {stats.paying}
            </dd>
          </div>
          <div className="stats__item">
            <dt className="stats__label">{t('miniapp-referral-earned')}</dt>
            <dd className="stats__value" data-testid="referral-earned">
              {formatTokens(stats.earnedTokens, language)}
            </dd>
          </div>
        </dl>
      </section>

      <section className="card" aria-labelledby="referral-recent-title">
        <h2 className="section__title" id="referral-recent-title">
          {t('miniapp-referral-recent')}
        </h2>
        {recent.length === 0 ? (
          <p className="muted">{t('miniapp-referral-recent-empty')}</p>
        ) : (
          <ul className="list">
            {recent.map((person) => (
              <li
                key={`${person.joinedAt}-${person.firstName}`}
                className="list__row"
                data-testid="referral-recent-row"
              >
                <span className="list__title">{person.firstName}</span>
                <span className="list__side">
                  {person.paid ? (
                    <span className="badge badge--ok">{t('miniapp-referral-recent-paid')}</span>
                  ) : null}{' '}
                  <time dateTime={person.joinedAt}>{formatDate(person.joinedAt, language)}</time>
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
    </Page>
  );
}
