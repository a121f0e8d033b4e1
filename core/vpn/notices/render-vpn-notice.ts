import { formatLocalTime } from '#core/i18n/format-local-time.ts';
import type { TLang, Translator } from '#core/i18n/translator.ts';
import type { TNotifyJob } from '#core/notify/notify-job.ts';
import { GB } from '../plans.ts';
import { type TNoticeState, type TVpnNoticeKind, trafficNoticeKind } from './notice-kinds.ts';

const KEYS: Record<TVpnNoticeKind, { paid: string; trial: string }> = {
  expires_72h: { paid: 'vpn-notice-expires-72h', trial: 'vpn-notice-expires-72h' },
  expires_24h: { paid: 'vpn-notice-expires-24h', trial: 'vpn-notice-expires-24h' },
  trial_ending: { paid: 'vpn-notice-trial-ending', trial: 'vpn-notice-trial-ending' },
  expired: { paid: 'vpn-notice-expired', trial: 'vpn-notice-trial-expired' },
  traffic_80: { paid: 'vpn-notice-traffic-80', trial: 'vpn-notice-traffic-80' },
  traffic_100: { paid: 'vpn-notice-traffic-100', trial: 'vpn-notice-traffic-100' },
  first_connected: { paid: 'vpn-notice-first-connected', trial: 'vpn-notice-first-connected' },
};

/** Bytes as gigabytes with one decimal, the way the plans are sold. */
function gigabytes(bytes: bigint, lang: TLang): string {
  const tenths = Number((bytes * 10n) / GB) / 10;
  return new Intl.NumberFormat(lang, { maximumFractionDigits: 1 }).format(tenths);
}

/**
 * A VPN notice in the user's language. Renewing and topping up are the user bot's /vpn, named in the text
 * (Telegram makes a command in a message tappable), so no new callback is needed; the Mini App button is
 * there when the app has an address.
 */
export function renderVpnNotice(input: {
  translator: Translator;
  kind: TVpnNoticeKind;
  userId: bigint;
  lang: TLang;
  timeZone: string | null;
  state: TNoticeState;
  miniAppUrl: string | null;
  now: Date;
}): TNotifyJob {
  const { translator, lang, state } = input;
  const keys = KEYS[input.kind];
  const key = state.tier === 'trial' ? keys.trial : keys.paid;
  const limit = state.trafficLimitBytes + state.extraTrafficBytes;
  const percent =
    trafficNoticeKind(state) === null || limit === 0n ? 0 : Number((state.usedTrafficBytes * 100n) / limit);
  const text = translator.t(lang, key, {
    date: formatLocalTime(state.expiresAt, { timeZone: input.timeZone, lang, now: input.now }),
    used: gigabytes(state.usedTrafficBytes, lang),
    limit: gigabytes(limit, lang),
    percent: Math.min(percent, 100),
  });
  const buttons = input.miniAppUrl
    ? [[{ text: translator.t(lang, 'vpn-notice-open-button'), webApp: input.miniAppUrl }]]
    : undefined;
  return {
    bot: 'user',
    chatId: input.userId.toString(),
    userId: input.userId.toString(),
    text,
    ...(buttons ? { buttons } : {}),
  };
}
