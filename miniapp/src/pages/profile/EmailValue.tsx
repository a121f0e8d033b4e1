import { useT } from '../../i18n.ts';

/** The address with its state; only a verified address counts where money leaves the platform. */
export function EmailValue({ email, verifiedAt }: { email: string | null; verifiedAt: string | null }) {
  const t = useT();
  if (!email) return <span className="muted">{t('miniapp-profile-email-none')}</span>;
  return (
    <>
      <span data-testid="profile-email">{email}</span>{' '}
      {verifiedAt ? (
        <span className="badge badge--ok" data-testid="profile-email-verified">
          {t('miniapp-profile-email-verified')}
        </span>
      ) : (
        <span className="badge" data-testid="profile-email-unverified">
          {t('miniapp-profile-email-unverified')}
        </span>
      )}
    </>
  );
}
