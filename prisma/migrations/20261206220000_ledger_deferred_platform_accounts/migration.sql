-- AlterTable
ALTER TABLE "ledger_entries" ALTER COLUMN "balance_before" DROP NOT NULL,
ALTER COLUMN "balance_after" DROP NOT NULL;

-- CreateTable
CREATE TABLE "ledger_pending_entries" (
    "entry_id" BIGINT NOT NULL,
    "account_id" BIGINT NOT NULL,
    "amount" BIGINT NOT NULL,

    CONSTRAINT "ledger_pending_entries_pkey" PRIMARY KEY ("entry_id")
);

-- CreateIndex
CREATE INDEX "ledger_pending_entries_account_id_idx" ON "ledger_pending_entries"("account_id");

-- AddForeignKey
ALTER TABLE "ledger_pending_entries" ADD CONSTRAINT "ledger_pending_entries_entry_id_fkey" FOREIGN KEY ("entry_id") REFERENCES "ledger_entries"("id") ON DELETE CASCADE ON UPDATE CASCADE;
