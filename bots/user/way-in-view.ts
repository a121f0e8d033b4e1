import type { InlineKeyboard } from 'grammy';
import { BUY_ROOT, buyProduct } from '#bots/user/buy-callbacks.ts';
import type { TWayIn } from '#core/ai/cheapest-way-in.ts';
import type { TProduct } from '#core/catalog/product.ts';
import type { TLang, TTranslateArgs } from '#core/i18n/translator.ts';
import { formatMoney, formatTokens } from '#core/money/format-money.ts';

type TTr = (key: string, args?: TTranslateArgs) => string;

/** The shop's own price (roubles, else dollars), else Stars: what the /buy list shows first. */
function mainPrice(product: TProduct, lang: TLang): string {
  if (product.prices.RUB) return formatMoney(product.prices.RUB, 'RUB', lang);
  if (product.prices.USD) return formatMoney(product.prices.USD, 'USD', lang);
  return formatMoney(product.prices.XTR, 'XTR', lang);
}

function fullPrice(tr: TTr, product: TProduct, lang: TLang): string {
  const stars = formatMoney(product.prices.XTR, 'XTR', lang);
  if (!product.prices.RUB && !product.prices.USD) return stars;
  return tr('limits-way-in-price', { money: mainPrice(product, lang), stars });
}

/**
 * Lines for a refusal at zero or too low a balance (chat and generation alike): the cheapest plan and pack
 * with their prices, and a free bonus code the user can still claim. Plain text, safe inside HTML too.
 */
export function wayInLines(tr: TTr, lang: TLang, wayIn: TWayIn): string[] {
  const lines: string[] = [];
  if (wayIn.plan || wayIn.pack) lines.push(tr('limits-way-in-title'));
  if (wayIn.plan)
    lines.push(
      tr('limits-way-in-plan', { product: tr(wayIn.plan.titleKey), price: fullPrice(tr, wayIn.plan, lang) }),
    );
  if (wayIn.pack)
    lines.push(
      tr('limits-way-in-pack', { product: tr(wayIn.pack.titleKey), price: fullPrice(tr, wayIn.pack, lang) }),
    );
  if (wayIn.promo)
    lines.push(
      tr('limits-way-in-promo', {
        code: wayIn.promo.code,
        tokens: formatTokens(wayIn.promo.bonusTokens, lang),
      }),
    );
  return lines;
}

/** One button straight to the payment methods of each, then the whole shop (/buy). */
export function addWayInButtons(
  keyboard: InlineKeyboard,
  tr: TTr,
  lang: TLang,
  wayIn: TWayIn,
): InlineKeyboard {
  for (const product of [wayIn.plan, wayIn.pack]) {
    if (!product) continue;
    const label = tr('limits-way-in-button', {
      product: tr(product.titleKey),
      price: mainPrice(product, lang),
    });
    keyboard.text(label, buyProduct.encode({ id: product.id })).row();
  }
  return keyboard.text(tr('limits-way-in-all'), BUY_ROOT);
}
