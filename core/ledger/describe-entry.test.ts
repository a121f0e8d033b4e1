import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { TransactionType } from '#core/db/generated/client.ts';
import { renderLocalizedText, type TLocalizedText } from '#core/i18n/localized-text.ts';
import { LOCALES_DIR, loadTranslator, type TLang } from '#core/i18n/translator.ts';
import { describeEntry } from './describe-entry.ts';
import { NO_LOOKUPS, type TEntryFacts, type TEntryLookups, ZEntryMetadataSchema } from './entry-facts.ts';

const translator = loadTranslator(LOCALES_DIR);

/** The description as a reader sees it; every key it uses must exist in that language. */
function said(text: TLocalizedText, lang: TLang = 'en'): string {
  return renderLocalizedText((key, args) => {
    assert.ok(translator.has(lang, key), `${lang} has no ${key}`);
    return translator.t(lang, key, args);
  }, text);
}

const entry = (
  type: TransactionType,
  metadata: Record<string, unknown> = {},
  more: Partial<Omit<TEntryFacts, 'metadata'>> = {},
): TEntryFacts => ({
  type,
  key: `test:${type}`,
  reason: 'internal reason',
  asset: 'TOKEN',
  amount: -1n,
  metadata: ZEntryMetadataSchema.parse(metadata),
  ...more,
});

const lookups: TEntryLookups = {
  requests: new Map([
    ['11', { kind: 'text', modelId: 'gpt-4o', taskTitle: null }],
    ['12', { kind: 'video', modelId: 'kling', taskTitle: null }],
    ['13', { kind: 'tool', modelId: 'upscale', taskTitle: null }],
    ['14', { kind: 'video', modelId: 'sora-2', taskTitle: 'Cat on the moon' }],
    ['15', { kind: 'audio', modelId: 'whisper', taskTitle: null }],
  ]),
  payments: new Map([
    ['21', { titleKey: 'product-pack-150k', provider: 'stars' }],
    ['22', { titleKey: 'product-ai-sub-7d', provider: 'yookassa' }],
  ]),
  invitees: new Map([['31', { firstName: 'Anna' }]]),
  grantOrigins: new Map([
    ['41', entry('topup', { paymentId: '22' })],
    ['42', entry('bonus', { code: 'SPRING', promoCodeId: '5' })],
    ['43', entry('referral', { referredUserId: '31', paymentId: '99' })],
  ]),
};
const describe = (e: TEntryFacts, lang: TLang = 'en') => said(describeEntry(e, lookups), lang);
// Russian groups thousands with a no-break space.
const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

test('a spend names the model and the kind of work; a video task run names the task', () => {
  assert.equal(describe(entry('spend', { requestId: '11', modelId: 'gpt-4o' })), 'GPT-4o · chat message');
  assert.equal(describe(entry('spend', { requestId: '12', modelId: 'kling' })), 'Kling · video');
  assert.equal(describe(entry('spend', { requestId: '13', modelId: 'upscale' })), 'Upscale · photo tool');
  assert.equal(describe(entry('spend', { requestId: '15', modelId: 'whisper' })), 'Whisper · voice to text');
  assert.equal(
    describe(entry('spend', { requestId: '14', modelId: 'sora-2' })),
    'Video task “Cat on the moon” · Sora 2',
  );
  assert.equal(
    describe(entry('spend', { requestId: '14', modelId: 'sora-2' }), 'ru'),
    'Видеозадача «Cat on the moon» · Sora 2',
  );
  assert.equal(describe(entry('spend', { requestId: '11' }), 'ru'), 'GPT-4o · сообщение в чате');
  // The request row is not readable (another user's id, or gone): the model in the metadata still names it.
  assert.equal(describe(entry('spend', { requestId: '999', modelId: 'midjourney' })), 'Midjourney · image');
  assert.equal(describe(entry('spend', { modelId: 'retired-model' })), 'retired-model');
  assert.equal(describe(entry('spend')), 'Spent');
});

test('a purchase names the product and how it was paid; a refund what it took back', () => {
  assert.equal(
    describe(entry('topup', { paymentId: '21', productId: 'pack-150k' }, { amount: 150_000n })),
    'Purchase: 150,000 tokens · forever (Telegram Stars)',
  );
  assert.equal(
    plain(describe(entry('topup', { paymentId: '22' }), 'ru')),
    'Покупка: AI-тариф · 7 дней · 150 000 токенов (банковская карта)',
  );
  assert.equal(
    describe(
      entry('reversal', { paymentId: '21', refundId: '7', shortfall: '0' }, { key: 'refund:7:tokens' }),
    ),
    'Refund: 150,000 tokens · forever',
  );
  assert.equal(describe(entry('topup', { paymentId: '404' })), 'Purchase');
});

test('bonuses say which promo code or whose purchase; a partner gets the percent, nobody’s name', () => {
  assert.equal(describe(entry('bonus', { code: 'SPRING', promoCodeId: '5' })), 'Promo code SPRING');
  assert.equal(describe(entry('bonus', { code: 'SPRING' }), 'ru'), 'Промокод SPRING');
  assert.equal(
    describe(entry('referral', { referredUserId: '31', paymentId: '99' })),
    'Referral reward: Anna made a purchase',
  );
  assert.equal(
    describe(entry('referral', { referredUserId: '32', paymentId: '99' })),
    'Referral reward: someone you invited made a purchase',
  );
  const commission = describe(
    entry('commission', { paymentId: '21', partnerId: '1', percent: 10, buyerId: '31' }, { asset: 'RUB' }),
  );
  assert.equal(commission, 'Partner commission 10%: a purchase through your link');
  assert.equal(
    describe(
      entry('reversal', { paymentId: '21', refundId: '7' }, { key: 'refund:7:commission', asset: 'RUB' }),
    ),
    'Partner commission returned: a purchase through your link was refunded',
  );
});

test('a support correction shows its reason only when support wrote it for the user', () => {
  assert.equal(
    describe(entry('manual', { adminId: '5' }, { reason: 'Compensation for the outage' })),
    'Correction by support: Compensation for the outage',
  );
  assert.equal(
    describe(entry('manual', { via: 'internal_api.balance' }, { reason: 'admin API' })),
    'Correction by support',
  );
  assert.equal(describe(entry('manual', {}, { reason: 'x' }), 'ru'), 'Корректировка от поддержки');
});

test('payouts name the request and method; a declined one says why', () => {
  assert.equal(
    describe(entry('payout', { payoutRequestId: '12', method: 'card_rub' }, { asset: 'RUB' })),
    'Payout #12 · Bank card (₽)',
  );
  assert.equal(describe(entry('payout', { payoutRequestId: '12', method: 'paypal' })), 'Payout #12');
  assert.equal(
    describe(
      entry(
        'reversal',
        { payoutRequestId: '12' },
        { key: 'payout:12:reversal', reason: 'Card number is wrong' },
      ),
    ),
    'Payout #12 declined: Card number is wrong',
  );
});

test('expired tokens say what they were', () => {
  assert.equal(describe(entry('expiry', { grantId: '41' })), 'Expired: AI plan · 7 days · 150,000 tokens');
  assert.equal(describe(entry('expiry', { grantId: '42' })), 'Expired: promo code SPRING');
  assert.equal(describe(entry('expiry', { grantId: '43' }), 'ru'), 'Сгорели токены: бонус за приглашение');
  assert.equal(describe(entry('expiry', { grantId: '44' })), 'Expired tokens');
});

test('every kind of movement reads as words in both languages, whatever its metadata holds', () => {
  const types: TransactionType[] = [
    'topup',
    'spend',
    'refund',
    'manual',
    'bonus',
    'referral',
    'earning',
    'commission',
    'payout',
    'reversal',
    'expiry',
  ];
  const odd = [{}, { paymentId: 5, requestId: null, code: '', percent: 'ten', grantId: [] }, null, 'text'];
  for (const type of types)
    for (const metadata of odd)
      for (const lang of ['en', 'ru'] as const) {
        const text = said(
          describeEntry({ ...entry(type), metadata: ZEntryMetadataSchema.parse(metadata) }, NO_LOOKUPS),
          lang,
        );
        assert.ok(text.length > 0 && !/undefined|null|\{\$|history-/.test(text), `${type} ${lang}: ${text}`);
      }
});

test('a wallet payment reads as a purchase from the wallet, in both languages', () => {
  const wallet: TEntryLookups = {
    ...NO_LOOKUPS,
    payments: new Map([['51', { titleKey: 'product-vpn-basic-30d', provider: 'wallet' }]]),
  };
  const debit = entry('spend', { paymentId: '51' }, { asset: 'RUB', amount: -19_900n });
  assert.equal(
    said(describeEntry(debit, wallet)),
    'Purchase: VPN Basic · 30 days · 100 GB/month · 2 devices (wallet)',
  );
  assert.match(said(describeEntry(debit, wallet), 'ru'), /^Покупка: VPN Базовый · 30 дней.*\(из кошелька\)$/);
});
