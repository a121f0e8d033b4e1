import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { touchUser } from '#core/accounts/touch-user.ts';
import { ZApiErrorSchema } from '#server/contracts/me.ts';
import { ZPromoResultSchema } from '#server/contracts/promo.ts';
import { type MiniAppTestServer, startMiniAppTestServer } from '#tests/support/miniapp-server.ts';
import { uniqueTelegramId } from '#tests/support/test-keys.ts';

let server: MiniAppTestServer;
before(async () => {
  server = await startMiniAppTestServer();
});
after(() => server?.close());

test('POST /api/promo: a bonus credits once, a discount is saved, refusals are localized and change nothing', async () => {
  const db = server.database.db;
  const staff = (await touchUser(db, { id: uniqueTelegramId(), firstName: 'Boss' })).user;
  await db.promoCode.create({
    data: { code: 'WELCOME', kind: 'bonus_tokens', bonusTokens: 5_000n, createdById: staff.id },
  });
  await db.promoCode.create({
    data: { code: 'HALF', kind: 'percent_discount', percentOff: 50, createdById: staff.id },
  });
  const user = (await touchUser(db, { id: uniqueTelegramId(), firstName: 'Ann', languageCode: 'ru' })).user;
  const post = (code: unknown) =>
    server.app.inject({
      method: 'POST',
      url: '/api/promo',
      headers: server.auth({ id: user.id, language: 'ru' }),
      payload: { code },
    });

  const bonus = await post('welcome');
  assert.equal(bonus.statusCode, 200);
  const result = ZPromoResultSchema.parse(bonus.json());
  assert.equal(result.kind, 'bonus');
  assert.equal(result.balance, '5000');
  assert.match(result.message, /WELCOME/);

  const again = await post('WELCOME');
  assert.equal(again.statusCode, 422);
  assert.match(ZApiErrorSchema.parse(again.json()).error.message, /уже использовали/);
  const balance = await db.ledgerAccount.findFirstOrThrow({ where: { userId: user.id, asset: 'TOKEN' } });
  assert.equal(balance.balance, 5_000n);

  const discount = ZPromoResultSchema.parse((await post('half')).json());
  assert.equal(discount.kind, 'discount');
  assert.ok(await db.promoClaim.findUnique({ where: { userId: user.id } }));

  assert.equal((await post('NOPE')).statusCode, 422);
  assert.equal((await post('')).statusCode, 400);
  assert.equal(
    (await server.app.inject({ method: 'POST', url: '/api/promo', payload: { code: 'WELCOME' } })).statusCode,
    401,
  );
});
