import type { Locator, Page } from 'playwright-core';
import { z } from 'zod';

/** Bot replies on a machine whose two cores are shared: generous, since a wait ends as soon as it is met. */
export const BOT_REPLY_MS = 30_000;

export type TTextPattern = string | RegExp;

const ZSnapshotSchema = z.record(z.string(), z.string());
const ZMessageIdSchema = z.string().regex(/^\d+$/);
const ZUserIdSchema = z.coerce.number().int().positive();

// The scripts below run in the page. They are strings (as in tests/e2e/browser.ts) because this project is
// type-checked without the DOM library.

/** A bot message as a person reads it: its text or caption and its invoice, without the buttons. */
const MESSAGE_TEXT_FN = `(el) => [...el.querySelectorAll(':scope > .bubble > .tg-text, :scope > .bubble > .invoice')]
  .map((node) => node.textContent).join('\\n')`;

/** What changes when the bot sends or edits a message: the text, the buttons, the "edited" mark. */
const MESSAGE_STATE_FN = `(el) => (${MESSAGE_TEXT_FN})(el) + '|' +
  [...el.querySelectorAll('[data-testid="inline-button"]')].map((b) => b.textContent).join(',') + '|' +
  (el.querySelector('.edited') ? 'edited' : '')`;

const BOT_MESSAGES = `[...document.querySelectorAll('[data-testid="message"][data-sender="bot"]')]`;

function matcherSource(pattern: TTextPattern): string {
  return typeof pattern === 'string'
    ? `((text) => text.includes(${JSON.stringify(pattern)}))`
    : `((text) => new RegExp(${JSON.stringify(pattern.source)}, ${JSON.stringify(pattern.flags)}).test(text))`;
}

/**
 * The chat emulator page as a person uses it: pick who they are, open a chat, type, press buttons, pay, and
 * read what the bots answer. `expectBot` only accepts a bot message that is new or changed since the last
 * action (as tests/e2e/chat.ts does for the control API), so nothing the bot said before can satisfy it.
 */
export class EmulatorPage {
  private seen: Record<string, string> = {};
  /** Uncaught errors in the emulator page or the Mini App in its panel, in order. */
  readonly pageErrors: Error[] = [];

  constructor(readonly page: Page) {
    page.on('pageerror', (error) => this.pageErrors.push(error));
  }

  /** The "New user" form, as a person fills it in; answers the id the emulator gave them. */
  async createUser(user: { firstName: string; username: string; language: 'ru' | 'en' }): Promise<number> {
    const form = this.page.getByTestId('new-user-first-name');
    const picker = this.page.getByTestId('new-user');
    await form.or(picker).first().waitFor();
    if (await picker.isVisible()) await picker.click();
    await form.fill(user.firstName);
    await this.page.getByTestId('new-user-username').fill(user.username);
    await this.page.getByTestId('new-user-language').selectOption(user.language);
    await this.page.getByTestId('new-user-create').click();
    const select = this.page.getByTestId('user-select');
    await select.filter({ hasText: `@${user.username}` }).waitFor();
    return ZUserIdSchema.parse(await select.inputValue());
  }

  /** Who sits at the keyboard: another user of the local Bot API, from the picker. */
  async switchUser(userId: number): Promise<void> {
    await this.page.getByTestId('user-select').selectOption(String(userId));
  }

  /**
   * Opens a bot's chat (by username) from the chat list, or the support group with `support`. A chat with
   * `history` is ready once its old messages are on screen: the page loads them after a user switch, and
   * marking them seen before they arrive would let them pass for answers.
   */
  async openChat(bot: string, opts: { history?: boolean } = {}): Promise<void> {
    await this.page.getByTestId(`chat-${bot}`).click();
    await this.page.getByTestId('chat-view').waitFor();
    if (opts.history) await this.page.getByTestId('message').first().waitFor({ timeout: BOT_REPLY_MS });
    await this.mark();
  }

  /** Types a message and sends it with Enter. */
  async send(text: string): Promise<void> {
    await this.mark();
    const sent = await this.page.locator('.message.out').count();
    const input = this.page.getByTestId('composer-input');
    await input.fill(text);
    await input.press('Enter');
    // The local Bot API took it once the page shows it as the user's newest message.
    await this.page.locator('.message.out').nth(sent).waitFor({ timeout: BOT_REPLY_MS });
  }

  /** Presses the inline button whose label matches, on the newest bot message that shows one. */
  async press(label: TTextPattern): Promise<void> {
    const button = this.page.getByTestId('inline-button').filter({ hasText: label });
    const message = this.botMessages().filter({ has: button }).last();
    await message.waitFor({ timeout: BOT_REPLY_MS });
    await this.mark();
    await message.getByTestId('inline-button').filter({ hasText: label }).first().click();
  }

  /** Bot messages of the open chat, oldest first. */
  botMessages(): Locator {
    return this.page.locator('[data-testid="message"][data-sender="bot"]');
  }

  message(id: string): Locator {
    return this.page.locator(`[data-testid="message"][data-message-id="${id}"]`);
  }

  /** The text of a message as shown (entities rendered, buttons left out). */
  async textOf(id: string): Promise<string> {
    const text: unknown = await this.page.evaluate(
      `(${MESSAGE_TEXT_FN})(document.querySelector('[data-testid="message"][data-message-id="${id}"]'))`,
    );
    return z.string().parse(text);
  }

  /** Scrolls the chat to its newest message (a picture that loads late grows the list under the view). */
  async scrollToBottom(): Promise<void> {
    await this.page.evaluate(
      `(() => { const list = document.querySelector('[data-testid="message-list"]'); list.scrollTop = list.scrollHeight; })()`,
    );
  }

  /**
   * Scrolls the chat so that a message (or, `withQuestion`, the message before it) starts at the top of the
   * view, or as near as the end of the chat allows.
   */
  async scrollToMessage(id: string, opts: { withQuestion?: boolean } = {}): Promise<void> {
    await this.page.evaluate(`(() => {
      const list = document.querySelector('[data-testid="message-list"]');
      const reply = list.querySelector('[data-message-id="${id}"]');
      const message = ${opts.withQuestion ? 'reply.previousElementSibling ?? reply' : 'reply'};
      list.scrollTop += message.getBoundingClientRect().top - list.getBoundingClientRect().top - 8;
    })()`);
  }

  /** Remembers every message as it looks now: only what appears or changes later counts as an answer. */
  async mark(): Promise<void> {
    const snapshot: unknown = await this.page.evaluate(
      `Object.fromEntries(${BOT_MESSAGES}.map((el) => [el.dataset.messageId, (${MESSAGE_STATE_FN})(el)]))`,
    );
    this.seen = ZSnapshotSchema.parse(snapshot);
  }

  /**
   * Waits for a bot message, new or changed since the last action, whose text matches; answers its id.
   * The newest such message wins.
   */
  async expectBot(pattern: TTextPattern, timeoutMs = BOT_REPLY_MS): Promise<string> {
    const script = `(() => {
      const seen = ${JSON.stringify(this.seen)};
      const matches = ${matcherSource(pattern)};
      for (const el of ${BOT_MESSAGES}.reverse()) {
        if (seen[el.dataset.messageId] === (${MESSAGE_STATE_FN})(el)) continue;
        if (matches((${MESSAGE_TEXT_FN})(el))) return el.dataset.messageId;
      }
      return false;
    })()`;
    const found = await this.poll(script, timeoutMs);
    if (found === false)
      throw new Error(`no bot message matching ${pattern} within ${timeoutMs} ms:\n${await this.dump()}`);
    return ZMessageIdSchema.parse(found);
  }

  /** Waits until one message's text matches (a bot editing its status or streaming into it). */
  async waitForText(id: string, pattern: TTextPattern, timeoutMs = BOT_REPLY_MS): Promise<void> {
    const script = `(() => {
      const el = document.querySelector('[data-testid="message"][data-message-id="${id}"]');
      return el !== null && ${matcherSource(pattern)}((${MESSAGE_TEXT_FN})(el));
    })()`;
    if ((await this.poll(script, timeoutMs)) === false)
      throw new Error(`message ${id} never matched ${pattern}: "${await this.textOf(id)}"`);
  }

  /**
   * Evaluates `script` every 100 ms until it answers something other than false. Polled from here rather
   * than with page.waitForFunction: that compiles its predicate with eval, which the emulator's CSP forbids.
   */
  private async poll(script: string, timeoutMs: number): Promise<unknown> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const value: unknown = await this.page.evaluate(script);
      if (value !== false || Date.now() > deadline) return value;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /**
   * Starts recording every text message `id` shows from now on (each edit as it lands), so a test can
   * tell a text that grew from one that arrived whole. Read the record with the returned function.
   */
  async recordTexts(id: string): Promise<() => Promise<string[]>> {
    const key = `__texts_${id}`;
    await this.page.evaluate(`(() => {
      const seen = [];
      window[${JSON.stringify(key)}] = seen;
      const record = () => {
        const el = document.querySelector('[data-testid="message"][data-message-id="${id}"]');
        if (!el) return;
        const text = (${MESSAGE_TEXT_FN})(el);
        if (seen.at(-1) !== text) seen.push(text);
      };
      record();
      new MutationObserver(record).observe(document.querySelector('[data-testid="message-list"]'), {
        subtree: true, childList: true, characterData: true,
      });
    })()`);
    return async () => z.array(z.string()).parse(await this.page.evaluate(`window[${JSON.stringify(key)}]`));
  }

  /** The last few messages of the open chat, for a failure message. */
  private async dump(): Promise<string> {
    const lines: unknown = await this.page.evaluate(
      `[...document.querySelectorAll('[data-testid="message"]')].slice(-8).map((el) =>
        '  [' + el.dataset.sender + ' #' + el.dataset.messageId + '] ' + (${MESSAGE_STATE_FN})(el))`,
    );
    return z.array(z.string()).parse(lines).join('\n');
  }
}
