-- AlterEnum
ALTER TYPE "BroadcastSegment" ADD VALUE 'unfinished_signup';
