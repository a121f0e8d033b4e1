import type { Asset } from '#core/ledger/assets.ts';
import type { TTx } from '#core/ledger/ledger-accounts.ts';

/**
 * The part of a user's balance that came from wallet top-ups and has not been spent: it buys products but is
 * never paid out, or a card payment could leave as a withdrawal (a chargeback then lands on us, and the
 * wallet becomes a way to move money). Top-ups are spent first, so earned money (partner commission, GPU
 * earnings) stays withdrawable in full.
 *   topped up = top-up credits − what their refunds took back
 *   spent     = wallet purchases − what their refunds gave back
 */
export async function unspentTopUps(tx: TTx, userId: bigint, asset: Asset): Promise<bigint> {
  const [row] = await tx.$queryRaw<{ topped: bigint; spent: bigint }[]>`
    SELECT
      COALESCE(sum(e.amount) FILTER (
        WHERE t.type = 'topup' OR (t.type = 'reversal' AND t.idempotency_key LIKE 'refund:%:wallet-topup')
      ), 0)::bigint AS topped,
      COALESCE(-sum(e.amount) FILTER (
        WHERE t.type = 'spend' OR (t.type = 'refund' AND t.idempotency_key LIKE 'refund:%:wallet')
      ), 0)::bigint AS spent
    FROM ledger_entries e
    JOIN ledger_transactions t ON t.id = e.transaction_id
    JOIN ledger_accounts a ON a.id = e.account_id
    WHERE a.user_id = ${userId} AND a.asset = ${asset}::"Asset"`;
  const left = (row?.topped ?? 0n) - (row?.spent ?? 0n);
  return left > 0n ? left : 0n;
}
