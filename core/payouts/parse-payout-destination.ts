import { AppError } from '#core/errors/app-error.ts';
import { parseBitcoinAddress } from './destinations/bitcoin-address.ts';
import { parseCardNumber } from './destinations/card-number.ts';
import { parseEthereumAddress } from './destinations/ethereum-address.ts';
import { parseSbpBankName } from './destinations/sbp-bank-name.ts';
import { parseSbpPhone } from './destinations/sbp-phone.ts';
import { parseTronAddress } from './destinations/tron-address.ts';
import type { PayoutMethod } from './payout-methods.ts';

const PARSERS: Record<PayoutMethod, (input: string) => string | null> = {
  card_rub: parseCardNumber,
  sbp_rub: parseSbpPhone,
  usdt_trc20: parseTronAddress,
  usdt_erc20: parseEthereumAddress,
  btc: parseBitcoinAddress,
};

export interface TPayoutDestination {
  destination: string;
  bankName: string | null;
}

/** Only the field of one method, for a flow that asks for them one at a time. */
export function parseDestinationField(method: PayoutMethod, input: string): string {
  const destination = PARSERS[method](input);
  if (destination === null)
    throw new AppError('PAYOUT_DESTINATION_INVALID', { method, field: 'destination' });
  return destination;
}

export function parseBankNameField(input: string): string {
  const bankName = parseSbpBankName(input);
  if (bankName === null)
    throw new AppError('PAYOUT_DESTINATION_INVALID', { method: 'sbp_rub', field: 'bankName' });
  return bankName;
}

/**
 * Where a payout goes, checked the way its method needs (card Luhn digit, address checksums) and normalized,
 * so that finance sends to what was checked. SBP also needs the recipient's bank.
 */
export function parsePayoutDestination(
  method: PayoutMethod,
  input: { destination: string; bankName?: string | null },
): TPayoutDestination {
  const destination = parseDestinationField(method, input.destination);
  return { destination, bankName: method === 'sbp_rub' ? parseBankNameField(input.bankName ?? '') : null };
}
