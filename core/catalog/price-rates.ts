/**
 * Other currencies' prices from a RUB price, for services that price in roubles (VPN plans, wallet top-ups):
 * Stars cost users about 1.5 RUB in the Telegram apps, a dollar about 90 RUB; dollar prices end in 9 cents.
 */
export const starsForRub = (rub: number): number => Math.max(1, Math.round(rub / 1.5));
export const centsForRub = (rub: number): number => Math.max(99, Math.round((rub * 100) / 90 / 10) * 10 - 1);
