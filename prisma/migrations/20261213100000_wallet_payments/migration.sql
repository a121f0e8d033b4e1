-- AlterEnum
ALTER TYPE "PaymentProvider" ADD VALUE 'wallet';
