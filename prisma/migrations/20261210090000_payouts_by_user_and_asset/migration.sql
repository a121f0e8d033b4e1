-- Payouts belong to a user and the balance (asset) they are paid from, with a withdrawal method, instead of
-- to a referral partner. Written by hand: the generated diff drops and re-adds the columns, losing every
-- existing request. Existing requests were all partners' rouble payouts to details they typed: they keep
-- their user (the partner's), their amount and their details (as written, not re-validated) and become
-- card_rub payouts at rate 1.

-- CreateEnum
CREATE TYPE "PayoutMethod" AS ENUM ('card_rub', 'sbp_rub', 'usdt_trc20', 'usdt_erc20', 'btc');

-- CreateEnum
CREATE TYPE "PayoutCurrency" AS ENUM ('RUB', 'USDT', 'BTC');

-- The partner's user owns the request from now on.
ALTER TABLE "payout_requests" ADD COLUMN "user_id" BIGINT;
UPDATE "payout_requests" r SET "user_id" = p."user_id" FROM "partners" p WHERE p."id" = r."partner_id";
ALTER TABLE "payout_requests" ALTER COLUMN "user_id" SET NOT NULL;
ALTER TABLE "payout_requests" DROP CONSTRAINT "payout_requests_partner_id_fkey";
ALTER TABLE "payout_requests" DROP COLUMN "partner_id";

-- Same values, names that say what they hold now.
ALTER TABLE "payout_requests" RENAME COLUMN "currency" TO "asset";
ALTER TABLE "payout_requests" RENAME COLUMN "details" TO "destination";

ALTER TABLE "payout_requests" ADD COLUMN "bank_name" TEXT,
ADD COLUMN "method" "PayoutMethod",
ADD COLUMN "rate" DECIMAL(30,12),
ADD COLUMN "payout_amount" BIGINT,
ADD COLUMN "payout_currency" "PayoutCurrency";
UPDATE "payout_requests"
SET "method" = 'card_rub', "rate" = 1, "payout_amount" = "amount", "payout_currency" = 'RUB';
ALTER TABLE "payout_requests" ALTER COLUMN "method" SET NOT NULL,
ALTER COLUMN "rate" SET NOT NULL,
ALTER COLUMN "payout_amount" SET NOT NULL,
ALTER COLUMN "payout_currency" SET NOT NULL;

-- CreateTable
CREATE TABLE "payout_rates" (
    "asset" "Asset" NOT NULL,
    "currency" "PayoutCurrency" NOT NULL,
    "rate" DECIMAL(30,12) NOT NULL,
    "set_by_id" BIGINT NOT NULL,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "payout_rates_pkey" PRIMARY KEY ("asset","currency")
);

-- CreateIndex
CREATE INDEX "payout_requests_user_id_created_at_idx" ON "payout_requests"("user_id", "created_at");

-- AddForeignKey
ALTER TABLE "payout_requests" ADD CONSTRAINT "payout_requests_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
