import type { FastifyInstance } from 'fastify';
import QRCode from 'qrcode';
import { AppError } from '#core/errors/app-error.ts';
import { referralStats } from '#core/referrals/referral-stats.ts';
import type { TReferral } from '#server/contracts/referral.ts';
import type { ServerDeps } from '#server/deps.ts';

/** GET /api/referral: the user's invitation link (as text and QR code) and what it has brought so far. */
export function referralRoutes(app: FastifyInstance, deps: ServerDeps) {
  app.get('/api/referral', async (request): Promise<TReferral> => {
    if (!request.account) throw new AppError('UNAUTHORIZED');
    const code = request.account.referralCode;
    // The same deep link the bot's /referral shows: /start <code> records the inviter on first contact.
    const link = `https://t.me/${deps.userBotUsername}?start=${code}`;
    const [stats, qrDataUrl] = await Promise.all([
      referralStats(deps.db, request.account.id),
      // Medium error correction survives a print or a scratched screen; 512 px stays sharp at 2x.
      QRCode.toDataURL(link, { type: 'image/png', width: 512, margin: 2, errorCorrectionLevel: 'M' }),
    ]);
    return {
      code,
      link,
      qrDataUrl,
      stats: { invited: stats.invited, paying: stats.paying, earnedTokens: stats.earnedTokens.toString() },
      recent: stats.recent.map((r) => ({
        firstName: r.firstName,
        joinedAt: r.joinedAt.toISOString(),
        paid: r.paid,
      })),
    };
  });
}
