-- AlterTable
ALTER TABLE "ai_requests" ADD COLUMN     "delivered_at" TIMESTAMP(3),
ADD COLUMN     "notified_at" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ai_request_messages" (
    "request_id" BIGINT NOT NULL,
    "slot" TEXT NOT NULL,
    "message_id" INTEGER,
    "claimed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),

    CONSTRAINT "ai_request_messages_pkey" PRIMARY KEY ("request_id","slot")
);

-- AddForeignKey
ALTER TABLE "ai_request_messages" ADD CONSTRAINT "ai_request_messages_request_id_fkey" FOREIGN KEY ("request_id") REFERENCES "ai_requests"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Generation jobs that ended before this migration were delivered and announced: a job that runs again
-- for one of them must not announce it a second time.
UPDATE "ai_requests"
SET "notified_at" = "finished_at",
    "delivered_at" = CASE WHEN "status" = 'succeeded' THEN "finished_at" END
WHERE "status" IN ('succeeded', 'failed', 'canceled')
  AND "hold_key" = 'ai:' || "id"::text;
