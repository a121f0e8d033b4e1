-- CreateTable
CREATE TABLE "vpn_subscriptions" (
    "user_id" BIGINT NOT NULL,
    "tier" TEXT NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "traffic_limit_bytes" BIGINT NOT NULL,
    "traffic_strategy" TEXT NOT NULL,
    "extra_traffic_bytes" BIGINT NOT NULL DEFAULT 0,
    "device_limit" INTEGER NOT NULL,
    "extra_devices" INTEGER NOT NULL DEFAULT 0,
    "squads" TEXT[],
    "trial_used_at" TIMESTAMP(3),
    "auto_renew" BOOLEAN NOT NULL DEFAULT false,
    "auto_renew_product" TEXT,
    "disabled_at" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "synced_version" INTEGER NOT NULL DEFAULT 0,
    "panel_user_id" INTEGER,
    "short_uuid" TEXT,
    "subscription_url" TEXT,
    "used_traffic_bytes" BIGINT NOT NULL DEFAULT 0,
    "first_connected_at" TIMESTAMP(3),
    "online_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "vpn_subscriptions_pkey" PRIMARY KEY ("user_id")
);

-- CreateTable
CREATE TABLE "vpn_periods" (
    "id" BIGSERIAL NOT NULL,
    "user_id" BIGINT NOT NULL,
    "source" TEXT NOT NULL,
    "tier" TEXT NOT NULL,
    "product_id" TEXT,
    "payment_id" BIGINT,
    "days" INTEGER NOT NULL,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3) NOT NULL,
    "revoked_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vpn_periods_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vpn_notices" (
    "user_id" BIGINT NOT NULL,
    "kind" TEXT NOT NULL,
    "period" TEXT NOT NULL,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vpn_notices_pkey" PRIMARY KEY ("user_id","kind","period")
);

-- CreateIndex
CREATE INDEX "vpn_subscriptions_expires_at_idx" ON "vpn_subscriptions"("expires_at");

-- CreateIndex
CREATE UNIQUE INDEX "vpn_periods_payment_id_key" ON "vpn_periods"("payment_id");

-- CreateIndex
CREATE INDEX "vpn_periods_user_id_source_idx" ON "vpn_periods"("user_id", "source");

-- AddForeignKey
ALTER TABLE "vpn_subscriptions" ADD CONSTRAINT "vpn_subscriptions_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "vpn_periods" ADD CONSTRAINT "vpn_periods_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "vpn_subscriptions"("user_id") ON DELETE CASCADE ON UPDATE CASCADE;
