-- CreateEnum
CREATE TYPE "ServiceOperationStatus" AS ENUM ('pending', 'done', 'failed');

-- AlterTable
ALTER TABLE "entitlements" ADD COLUMN     "tier" TEXT;

-- CreateTable
CREATE TABLE "service_operations" (
    "id" BIGSERIAL NOT NULL,
    "key" TEXT NOT NULL,
    "operation" TEXT NOT NULL,
    "user_id" BIGINT,
    "payment_id" BIGINT,
    "payload" JSONB NOT NULL,
    "status" "ServiceOperationStatus" NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "last_error" TEXT,
    "next_attempt_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lease_until" TIMESTAMP(3),
    "result" JSONB,
    "done_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "service_operations_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "service_operations_key_key" ON "service_operations"("key");

-- CreateIndex
CREATE INDEX "service_operations_status_next_attempt_at_idx" ON "service_operations"("status", "next_attempt_at");

-- CreateIndex
CREATE INDEX "service_operations_payment_id_idx" ON "service_operations"("payment_id");

-- Plans bought before products carried their tier: the 30-day plans were the premium ones
-- (core/ai/products.ts says so now).
UPDATE "entitlements" SET "tier" = CASE WHEN "product_id" IN ('ai-sub-30d', 'ai-sub-30d-max') THEN 'premium' ELSE 'basic' END
WHERE "kind" = 'ai_subscription';
