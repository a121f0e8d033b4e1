-- CreateTable
CREATE TABLE "notification_sends" (
    "key" TEXT NOT NULL,
    "bot" TEXT NOT NULL,
    "chat_id" BIGINT NOT NULL,
    "message_id" INTEGER,
    "claimed_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sent_at" TIMESTAMP(3),

    CONSTRAINT "notification_sends_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "notification_sends_claimed_at_idx" ON "notification_sends"("claimed_at");
