-- CreateIndex
CREATE INDEX "vpn_subscriptions_short_uuid_idx" ON "vpn_subscriptions"("short_uuid");
