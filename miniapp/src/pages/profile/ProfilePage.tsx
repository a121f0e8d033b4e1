import type { ReactNode } from 'react';
import { Page } from '../../components/Page.tsx';
import { useLanguage, useT } from '../../i18n.ts';
import { useMe } from '../../me-context.ts';
import { EmailValue } from './EmailValue.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

function Row({ label, children, testId }: { label: string; children: ReactNode; testId: string }) {
  return (
    <div className="row" data-testid={testId}>
      <dt className="row__label">{label}</dt>
      <dd className="row__value">{children}</dd>
    </div>
  );
}

export function ProfilePage() {
  const t = useT();
  const language = useLanguage();
  const { me } = useMe();
  const fullName = [me.firstName, me.lastName].filter(Boolean).join(' ');
  const memberSince = new Intl.DateTimeFormat(language, { dateStyle: 'long' }).format(new Date(me.createdAt));

  return (
    <Page back title={t('miniapp-profile-title')}>
      <section className="card profile-head" aria-label={t('miniapp-profile-account')}>
        <div className="avatar" aria-hidden="true">
          {me.firstName.slice(0, 1).toUpperCase()}
        </div>
        <div>
          <p className="profile-head__name" data-testid="profile-name">
            {fullName}
          </p>
          {me.username ? (
            <p className="muted" data-testid="profile-username">
              @{me.username}
            </p>
          ) : null}
        </div>
      </section>

      <section className="card">
        <dl className="rows">
          <Row label={t('miniapp-profile-telegram-id')} testId="profile-telegram-id">
            {me.id}
          </Row>
          <Row label={t('miniapp-profile-email')} testId="profile-email-row">
            <EmailValue email={me.email} verifiedAt={me.emailVerifiedAt} />
          </Row>
          <Row label={t('miniapp-profile-member-since')} testId="profile-member-since">
            <time dateTime={me.createdAt}>{memberSince}</time>
          </Row>
          {me.role ? (
            <Row label={t('miniapp-profile-role')} testId="profile-role">
              {t('miniapp-profile-role-value', { role: me.role })}
            </Row>
          ) : null}
        </dl>
      </section>

      <section className="card">
        <LanguageSwitch />
      </section>
    </Page>
  );
}
