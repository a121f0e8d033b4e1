import type { Conversation } from '@grammyjs/conversations';
import { type Context, InlineKeyboard } from 'grammy';
import { attempt, type TAttempt } from '#bots/shared/attempt.ts';
import type { UserBotContext } from '#bots/shared/context.ts';
import type { BotDeps } from '#bots/shared/deps.ts';
import { secondsUntil } from '#bots/shared/format.ts';
import { requestEmailCode, verifyEmailCode } from '#core/accounts/email-verification.ts';
import { formatLocalTime } from '#core/i18n/format-local-time.ts';
import type { TLang } from '#core/i18n/translator.ts';

const SKIP = 'email:skip';
const RESEND = 'email:resend';
const CHANGE = 'email:change';

type TConv = Conversation<UserBotContext, Context>;

/**
 * Asks for an address, mails a code, and checks what the user types, until the address is verified, the user
 * skips, or verification locks. Shared by signup and the profile's "add email".
 */
export async function emailFlow(
  conversation: TConv,
  ctx: Context,
  deps: BotDeps,
  opts: { lang: TLang; userId: bigint; name: string; prompt: string; skipLabel?: string },
): Promise<void> {
  const tr = (key: string, args?: Record<string, string | number>) => deps.translator.t(opts.lang, key, args);
  // The lock's end as the user reads it, in their zone (on the outer context's account). Worked out inside
  // `external`, so a replay of the conversation shows the same text.
  const withLockTime = <T>(outer: UserBotContext, result: TAttempt<T>): TAttempt<T> => {
    if (result.ok || result.code !== 'EMAIL_LOCKED') return result;
    const until = new Date(String(result.details.until));
    const timeZone = outer.account?.timeZone ?? null;
    return {
      ...result,
      details: { ...result.details, untilText: formatLocalTime(until, { timeZone, lang: opts.lang }) },
    };
  };
  const later = new InlineKeyboard().text(opts.skipLabel ?? tr('email-skip'), SKIP);
  const codeKeyboard = new InlineKeyboard()
    .text(tr('email-code-resend'), RESEND)
    .row()
    .text(tr('email-change'), CHANGE)
    .text(tr('email-skip'), SKIP);

  const sendCode = (email: string): Promise<TAttempt<{ email: string }>> =>
    conversation.external(async (outer) =>
      withLockTime(
        outer,
        await attempt(async () => {
          const issued = await requestEmailCode(
            { db: deps.db, codeKey: deps.emailCodeKey },
            { userId: opts.userId, email },
          );
          await deps.mailer.send({
            to: issued.email,
            subject: tr('email-subject', { code: issued.code }),
            text: tr('email-body', { code: issued.code, name: opts.name }),
          });
          return { email: issued.email };
        }),
      ),
    );
  const explain = (failure: { code: string; details: Record<string, string | number> }): string => {
    switch (failure.code) {
      case 'EMAIL_INVALID':
        return tr('email-invalid');
      case 'EMAIL_TAKEN':
        return tr('email-taken');
      case 'EMAIL_LOCKED':
        return tr('email-locked', { until: String(failure.details.untilText ?? failure.details.until) });
      case 'EMAIL_CODE_EXPIRED':
        return tr('email-code-expired');
      case 'EMAIL_CODE_WRONG':
        return tr('email-code-wrong', { left: Number(failure.details.attemptsLeft) });
      case 'RATE_LIMITED':
        return tr('email-resend-wait', { seconds: secondsUntil(String(failure.details.until)) });
      case 'EMAIL_NO_PENDING':
        return tr('email-no-pending');
      default:
        return tr('error-generic');
    }
  };

  await ctx.reply(opts.prompt, { reply_markup: later });
  let email: string | null = null;
  for (;;) {
    const next = await conversation.wait();
    const data = next.callbackQuery?.data;
    const text = next.message?.text?.trim();
    // Commands and other buttons keep working mid-flow: they are handled outside the conversation.
    if (text?.startsWith('/') || (data !== undefined && ![SKIP, RESEND, CHANGE].includes(data))) {
      await conversation.skip({ next: true });
    }
    if (data) await next.answerCallbackQuery();
    if (data === SKIP) {
      await next.reply(tr('email-later'));
      return;
    }
    if (data === CHANGE) {
      email = null;
      await next.reply(tr('email-ask'), { reply_markup: later });
      continue;
    }
    if (data === RESEND && email) {
      const sent = await sendCode(email);
      await next.reply(sent.ok ? tr('email-code-sent', { email }) : explain(sent), {
        reply_markup: codeKeyboard,
      });
      continue;
    }
    if (!text) {
      await next.reply(email ? tr('email-code-sent', { email }) : tr('email-ask'), {
        reply_markup: email ? codeKeyboard : later,
      });
      continue;
    }
    if (email === null) {
      const sent = await sendCode(text);
      if (sent.ok) {
        email = sent.value.email;
        await next.reply(tr('email-code-sent', { email }), { reply_markup: codeKeyboard });
      } else {
        await next.reply(explain(sent), { reply_markup: later });
        if (sent.code === 'EMAIL_LOCKED') return;
      }
      continue;
    }
    const typed = text;
    const verified = await conversation.external(async (outer) =>
      withLockTime(
        outer,
        await attempt(async () => {
          const user = await verifyEmailCode(
            { db: deps.db, codeKey: deps.emailCodeKey },
            { userId: opts.userId, code: typed },
          );
          return { email: user.email ?? '' };
        }),
      ),
    );
    if (verified.ok) {
      await next.reply(tr('email-verified', { email: verified.value.email }));
      return;
    }
    await next.reply(explain(verified), {
      reply_markup: verified.code === 'EMAIL_LOCKED' ? undefined : codeKeyboard,
    });
    if (verified.code === 'EMAIL_LOCKED') return;
  }
}
