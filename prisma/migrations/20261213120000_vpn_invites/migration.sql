-- CreateTable
CREATE TABLE "vpn_invite_rules" (
    "tier" TEXT NOT NULL,
    "invites" INTEGER NOT NULL,
    "per_days" INTEGER NOT NULL,
    "friend_days" INTEGER NOT NULL,
    "updated_by_id" BIGINT,
    "updated_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "vpn_invite_rules_pkey" PRIMARY KEY ("tier")
);

-- CreateTable
CREATE TABLE "vpn_invite_promotions" (
    "id" BIGSERIAL NOT NULL,
    "multiplier" INTEGER NOT NULL,
    "starts_at" TIMESTAMP(3) NOT NULL,
    "ends_at" TIMESTAMP(3) NOT NULL,
    "created_by_id" BIGINT,
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vpn_invite_promotions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vpn_invites" (
    "id" BIGSERIAL NOT NULL,
    "code" TEXT NOT NULL,
    "inviter_id" BIGINT NOT NULL,
    "period_id" BIGINT NOT NULL,
    "seq" INTEGER NOT NULL,
    "tier" TEXT NOT NULL,
    "friend_days" INTEGER NOT NULL,
    "expires_at" TIMESTAMP(3) NOT NULL,
    "redeemed_by_id" BIGINT,
    "redeemed_at" TIMESTAMP(3),
    "reward_payment_id" BIGINT,
    "rewarded_at" TIMESTAMP(3),
    "created_at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "vpn_invites_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "vpn_loyalty" (
    "user_id" BIGINT NOT NULL,
    "level" TEXT NOT NULL,
    "reached_at" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "vpn_loyalty_pkey" PRIMARY KEY ("user_id","level")
);

-- CreateIndex
CREATE INDEX "vpn_invite_promotions_ends_at_idx" ON "vpn_invite_promotions"("ends_at");

-- CreateIndex
CREATE UNIQUE INDEX "vpn_invites_code_key" ON "vpn_invites"("code");

-- CreateIndex
CREATE UNIQUE INDEX "vpn_invites_redeemed_by_id_key" ON "vpn_invites"("redeemed_by_id");

-- CreateIndex
CREATE UNIQUE INDEX "vpn_invites_reward_payment_id_key" ON "vpn_invites"("reward_payment_id");

-- CreateIndex
CREATE INDEX "vpn_invites_inviter_id_idx" ON "vpn_invites"("inviter_id");

-- CreateIndex
CREATE UNIQUE INDEX "vpn_invites_period_id_seq_key" ON "vpn_invites"("period_id", "seq");

-- Spec 001 §14.1 defaults: codes per 30 days paid and the friend's free days, per tier.
INSERT INTO "vpn_invite_rules" ("tier", "invites", "per_days", "friend_days", "updated_at") VALUES
    ('basic', 1, 30, 7, CURRENT_TIMESTAMP),
    ('pro', 2, 30, 14, CURRENT_TIMESTAMP),
    ('ultra', 3, 30, 21, CURRENT_TIMESTAMP),
    ('cyber', 5, 30, 30, CURRENT_TIMESTAMP);
