import { styleText } from 'node:util';
import type { MailCatcher } from '#sandbox/mail/mail-catcher.ts';
import type { TelegramTestClient } from '#sandbox/telegram/client.ts';
import type { ChatMessage, TelegramServerEvent } from '#sandbox/telegram/types.ts';
import type { DevConfig, TDevLang, TDevUser } from './dev-config.ts';
import { describeLaunch } from './miniapp-link.ts';
import { HELP_TEXT, type TChatCommand, type TChatTarget } from './parse-command.ts';
import { renderMail } from './render-mail.ts';
import { inlineButtons, previewOf, renderMessage } from './render-message.ts';

export interface ChatSessionDeps {
  config: DevConfig;
  telegram: TelegramTestClient;
  mail: MailCatcher;
  print: (text: string) => void;
  color: boolean;
  onQuit: () => void;
}

/** The chat on screen: whose bot, which chat, and who is typing in it. */
interface TView {
  target: TChatTarget;
  token: string;
  chatId: number;
  actor: TDevUser;
}

const HISTORY_LENGTH = 6;

/**
 * A Telegram client for one person at a time, driven by typed commands: sends what they type to the chat on
 * screen, presses buttons, switches users and chats, and shows bot messages as the local Bot API reports them.
 */
export class ChatSession {
  readonly #deps: ChatSessionDeps;
  readonly #users = new Map<number, TDevUser>();
  /** Users who blocked the user bot: Telegram lets them read the chat but not write to the bot. */
  readonly #blockers = new Set<number>();
  #userId: number;
  #target: TChatTarget = 'user';

  constructor(deps: ChatSessionDeps) {
    this.#deps = deps;
    this.#users.set(deps.config.devUser.id, deps.config.devUser);
    this.#users.set(deps.config.supportAgent.id, deps.config.supportAgent);
    this.#userId = deps.config.devUser.id;
  }

  #paint(style: Parameters<typeof styleText>[0], text: string): string {
    return this.#deps.color ? styleText(style, text) : text;
  }

  get #user(): TDevUser {
    return this.#users.get(this.#userId) ?? this.#deps.config.devUser;
  }

  #view(): TView {
    const { config } = this.#deps;
    if (this.#target === 'support')
      return {
        target: 'support',
        token: config.userBot.token,
        chatId: config.supportChatId,
        actor: config.supportAgent,
      };
    const token = this.#target === 'admin' ? config.adminBot.token : config.userBot.token;
    return { target: this.#target, token, chatId: this.#userId, actor: this.#user };
  }

  prompt(): string {
    const view = this.#view();
    const where = {
      user: `@${this.#deps.config.userBot.username}`,
      admin: `@${this.#deps.config.adminBot.username}`,
      support: 'support group',
    }[view.target];
    return `${this.#paint('green', `${view.actor.firstName} (${view.actor.id})`)} → ${this.#paint('cyan', where)}> `;
  }

  async run(command: TChatCommand): Promise<void> {
    switch (command.kind) {
      case 'send':
        await this.#send(command.text);
        return;
      case 'reply':
        await this.#send(command.text, command.messageId);
        return;
      case 'user':
        await this.#switchUser(command.id, command.firstName, command.language);
        return;
      case 'bot':
        this.#target = command.target;
        await this.showHistory();
        return;
      case 'press':
        await this.#press('index' in command ? command.index : command.label);
        return;
      case 'block':
        await this.#block(command.blocked);
        return;
      case 'mail':
        this.#deps.print(renderMail(this.#deps.mail.messages().slice(0, 3), this.#deps.mail.httpUrl));
        return;
      case 'app':
        this.#deps.print(describeLaunch(this.#deps.config, this.#user));
        return;
      case 'help':
        this.#deps.print(HELP_TEXT);
        return;
      case 'quit':
        this.#deps.onQuit();
        return;
      case 'invalid':
        this.#deps.print(this.#paint('yellow', command.problem));
        return;
    }
  }

  async #send(text: string, replyToMessageId?: number): Promise<void> {
    const view = this.#view();
    if (view.target === 'user' && this.#blockers.has(view.actor.id)) {
      this.#deps.print(
        this.#paint('yellow', `${view.actor.firstName} has blocked this bot: :unblock first.`),
      );
      return;
    }
    await this.#deps.telegram.sendText({
      token: view.token,
      userId: view.actor.id,
      chatId: view.chatId,
      text,
      replyToMessageId,
    });
  }

  async #switchUser(id: number, firstName?: string, language?: TDevLang): Promise<void> {
    const known = this.#users.get(id);
    const user: TDevUser = {
      id,
      firstName: firstName ?? known?.firstName ?? `User${id}`,
      username: known?.username ?? `user${id}`,
      language: language ?? known?.language ?? this.#deps.config.devUser.language,
    };
    await this.#deps.telegram.upsertUser({
      id,
      first_name: user.firstName,
      username: user.username,
      language_code: user.language,
    });
    this.#users.set(id, user);
    this.#userId = id;
    // The support group has one fixed agent; a new user means the person wants a private chat again.
    if (this.#target === 'support') this.#target = 'user';
    this.#deps.print(this.#paint('dim', `You are now ${user.firstName} (${id}, ${user.language}).`));
    await this.showHistory();
  }

  /** The last messages of the chat on screen, so switching chats shows where the conversation stands. */
  async showHistory(): Promise<void> {
    const view = this.#view();
    const messages = (await this.#deps.telegram.messages({ token: view.token, chatId: view.chatId })).filter(
      (m) => !m.deleted,
    );
    if (messages.length === 0) {
      this.#deps.print(
        this.#paint('dim', view.target === 'support' ? '(no messages yet)' : '(no messages yet: try /start)'),
      );
      return;
    }
    if (messages.length > HISTORY_LENGTH)
      this.#deps.print(this.#paint('dim', `… ${messages.length - HISTORY_LENGTH} earlier messages`));
    for (const message of messages.slice(-HISTORY_LENGTH))
      this.#deps.print(renderMessage(message, { color: this.#deps.color }));
  }

  async #press(which: number | string): Promise<void> {
    const view = this.#view();
    const withButtons = (await this.#deps.telegram.messages({ token: view.token, chatId: view.chatId }))
      .filter((m) => m.sender === 'bot' && !m.deleted && inlineButtons(m).length > 0)
      .reverse();
    const found = findButton(withButtons, which);
    if (!found) {
      this.#deps.print(
        this.#paint('yellow', `No button ${typeof which === 'number' ? which : `"${which}"`} here.`),
      );
      return;
    }
    const { message, button } = found;
    if ('callback_data' in button && button.callback_data !== undefined) {
      await this.#deps.telegram.pressButton({
        token: view.token,
        userId: view.actor.id,
        chatId: view.chatId,
        messageId: message.message_id,
        data: button.callback_data,
      });
    } else if ('url' in button && button.url) {
      this.#deps.print(`Opens ${button.url}`);
    } else if ('web_app' in button && button.web_app) {
      this.#deps.print(describeLaunch(this.#deps.config, view.actor));
    } else {
      this.#deps.print(
        this.#paint('yellow', `"${button.text}" is a kind of button this terminal cannot press.`),
      );
    }
  }

  async #block(blocked: boolean): Promise<void> {
    const { userBot } = this.#deps.config;
    await this.#deps.telegram.setBlocked({ token: userBot.token, userId: this.#userId, blocked });
    if (blocked) this.#blockers.add(this.#userId);
    else this.#blockers.delete(this.#userId);
    this.#deps.print(
      this.#paint(
        'dim',
        blocked
          ? `${this.#user.firstName} blocked @${userBot.username}: its messages to them now fail with 403.`
          : `${this.#user.firstName} unblocked @${userBot.username}.`,
      ),
    );
  }

  /** Everything the local Bot API reports; what belongs to another chat becomes a one-line notice. */
  onEvent(event: TelegramServerEvent): void {
    if (event.type === 'message_added' || event.type === 'message_edited') {
      this.#onMessage(event.token, event.message, event.type === 'message_edited');
      return;
    }
    if (!('chat_id' in event) || !this.#isOnScreen(event.token, event.chat_id)) return;
    if (event.type === 'message_deleted')
      this.#deps.print(this.#paint('dim', `(message #${event.message_id} deleted)`));
    if (event.type === 'callback_answered' && event.answer.text)
      this.#deps.print(
        this.#paint('yellow', `${event.answer.show_alert ? '⚠ alert' : 'ⓘ'} ${event.answer.text}`),
      );
  }

  #onMessage(token: string | null, message: ChatMessage, edited: boolean): void {
    const view = this.#view();
    // What the person typed is already on their screen; other people's messages (in groups) are not.
    if (message.sender === 'user' && message.from.id === view.actor.id) return;
    if (this.#isOnScreen(token, message.chat_id)) {
      this.#deps.print(renderMessage(message, { color: this.#deps.color, edited }));
      return;
    }
    if (message.sender !== 'bot') return;
    this.#deps.print(
      this.#paint('dim', `· ${this.#chatName(token, message.chat_id)}${edited ? ' (edited)' : ''}: `) +
        previewOf(message) +
        this.#paint('dim', `  ${this.#howToOpen(token, message.chat_id)}`),
    );
  }

  #isOnScreen(token: string | null, chatId: number): boolean {
    const view = this.#view();
    // A user's message in a group has no token (every member bot sees it); the group id alone decides.
    return chatId === view.chatId && (token === null || token === view.token);
  }

  #chatName(token: string | null, chatId: number): string {
    if (chatId === this.#deps.config.supportChatId) return 'support group';
    const bot = token === this.#deps.config.adminBot.token ? 'admin bot' : 'user bot';
    const name = this.#users.get(chatId)?.firstName ?? 'user';
    return `${bot} → ${name} (${chatId})`;
  }

  #howToOpen(token: string | null, chatId: number): string {
    if (chatId === this.#deps.config.supportChatId) return ':bot support';
    const bot = token === this.#deps.config.adminBot.token ? ':bot admin' : ':bot user';
    return chatId === this.#userId ? bot : `:user ${chatId}, ${bot}`;
  }
}

function findButton(newestFirst: ChatMessage[], which: number | string) {
  if (typeof which === 'number') {
    const message = newestFirst[0];
    const button = message ? inlineButtons(message)[which - 1] : undefined;
    return message && button ? { message, button } : undefined;
  }
  const needle = which.toLowerCase();
  for (const message of newestFirst) {
    const button = inlineButtons(message).find((b) => b.text.toLowerCase().includes(needle));
    if (button) return { message, button };
  }
  return undefined;
}
