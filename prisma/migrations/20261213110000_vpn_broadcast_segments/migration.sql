-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "BroadcastSegment" ADD VALUE 'vpn_active';
ALTER TYPE "BroadcastSegment" ADD VALUE 'vpn_trial';
ALTER TYPE "BroadcastSegment" ADD VALUE 'vpn_expiring';
ALTER TYPE "BroadcastSegment" ADD VALUE 'vpn_expired';
ALTER TYPE "BroadcastSegment" ADD VALUE 'vpn_never_connected';

-- AlterTable
ALTER TABLE "broadcasts" ADD COLUMN     "days" INTEGER;
