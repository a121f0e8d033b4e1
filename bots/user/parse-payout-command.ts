import { parseMajorUnits } from '#bots/shared/parse-major-units.ts';

/** `/payout 500 card 2200 …`: the amount in roubles (kopecks allowed), then where to send it, as written. */
export function parsePayoutCommand(text: string): { amount: bigint; details: string } | null {
  const match = /^(\S+)\s+([\s\S]+)$/.exec(text.trim());
  if (!match?.[1] || !match[2]) return null;
  const amount = parseMajorUnits(match[1], 'RUB');
  return amount === null ? null : { amount, details: match[2].trim() };
}
