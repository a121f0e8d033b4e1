import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { z } from 'zod';
import type { ChatMessage, User } from '../../telegram/types.ts';
import { type TCreateUserBody, type TEmulatorConfig, ZThemeNameSchema } from '../contract/host-api.ts';
import { THEME_PARAMS, type TThemeName } from '../contract/theme-params.ts';
import { hostApi } from './api/host-client.ts';
import { useHostEvents } from './api/use-host-events.ts';
import { chatKey, type TChatRef } from './chat/chat-ref.ts';
import { useChatActions } from './chat/use-chat-actions.ts';
import { useChats } from './chat/use-chats.ts';
import { clientStrings } from './client-strings.ts';
import { ClientStringsProvider } from './client-strings-context.tsx';
import { AlertDialog, type TAlert } from './components/AlertDialog.tsx';
import { ChatList, type TChatListItem } from './components/ChatList.tsx';
import { ChatView } from './components/ChatView.tsx';
import { MoonIcon, SunIcon } from './components/icons.tsx';
import { MiniAppPanel, type TMiniAppLaunch } from './components/MiniAppPanel.tsx';
import { PaymentSheet } from './components/PaymentSheet.tsx';
import { Toasts, useToasts } from './components/Toasts.tsx';
import { ToolLinks } from './components/ToolLinks.tsx';
import { UserPicker } from './components/UserPicker.tsx';
import { handleTelegramLink } from './miniapp/telegram-link.ts';
import { useStoredState } from './use-stored-state.ts';

const ZStoredUserSchema = z.number().int().positive().optional();

/** The user bot's chat first, then the admin bot's, then the support group: the order people look for them. */
function chatItems(config: TEmulatorConfig, userId: number): Omit<TChatListItem, 'chat'>[] {
  const bots = [...config.bots].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'user' ? -1 : 1));
  const items = bots.map((bot) => {
    const ref: TChatRef = { kind: 'private', bot: bot.username, userId };
    return { key: chatKey(ref), ref, title: bot.title, avatarId: bot.id };
  });
  const support = config.supportChat;
  if (!support) return items;
  const ref: TChatRef = { kind: 'group', chatId: support.id, bot: support.bot, title: support.title };
  return [...items, { key: chatKey(ref), ref, title: support.title, avatarId: support.id }];
}

export function App() {
  const [config, setConfig] = useState<TEmulatorConfig>();
  const [users, setUsers] = useState<User[]>();
  const [userId, setUserId] = useStoredState('emulator.user', ZStoredUserSchema, undefined);
  const [theme, setTheme] = useStoredState<TThemeName>('emulator.theme', ZThemeNameSchema, 'light');
  const [openKey, setOpenKey] = useState<string>();
  const [launch, setLaunch] = useState<TMiniAppLaunch>();
  const [paying, setPaying] = useState<{ ref: TChatRef; message: ChatMessage }>();
  const [alert, setAlert] = useState<TAlert>();
  const { toasts, show: toast } = useToasts();
  const launches = useRef(0);
  const fail = useCallback((error: unknown) => setAlert({ title: 'Emulator', text: String(error) }), []);

  useEffect(() => {
    hostApi.config().then(setConfig, fail);
    hostApi.users().then(setUsers, fail);
  }, [fail]);

  const user = users?.find((candidate) => candidate.id === userId);
  // Telegram draws its own words in the app's language: here the current user's.
  const strings = clientStrings(user?.language_code);
  const baseItems = useMemo(() => (config && user ? chatItems(config, user.id) : []), [config, user]);
  const { chats, onEvent, reload } = useChats(
    baseItems.map((item) => item.ref),
    openKey,
    fail,
  );
  const items: TChatListItem[] = baseItems.map((item) => ({ ...item, chat: chats[item.key] }));
  const open = items.find((item) => item.key === openKey) ?? items[0];
  const botTitleOf = (username: string) =>
    config?.bots.find((bot) => bot.username.toLowerCase() === username.toLowerCase())?.title ??
    `@${username}`;

  const openMiniApp = (botName: string, url: string | undefined) => {
    const bot = config?.bots.find((candidate) => candidate.username.toLowerCase() === botName.toLowerCase());
    if (!bot || !user) return;
    hostApi
      .launch({ bot: bot.username, userId: user.id, theme, ...(url ? { url } : {}) })
      .then(
        ({ url: signed }) =>
          setLaunch({ id: ++launches.current, bot, userId: user.id, url: signed, sourceUrl: url }),
        fail,
      );
  };
  const actions = useChatActions({
    userId: user?.id,
    strings,
    toast,
    alert: setAlert,
    openMiniApp,
    openPayment: (ref, message) => setPaying({ ref, message }),
  });
  useHostEvents({
    onEvent: (event) => {
      onEvent(event);
      actions.onEvent(event);
    },
    onConnect: reload,
  });

  const openBotChat = (username: string): boolean => {
    const item = items.find(
      (candidate) =>
        candidate.ref.kind === 'private' && candidate.ref.bot.toLowerCase() === username.toLowerCase(),
    );
    if (item) setOpenKey(item.key);
    return item !== undefined;
  };
  // Another account is another Telegram session: its Mini App and payment sheet were signed and opened
  // for the person before, so they close (Telegram closes them when you switch accounts).
  const selectUser = (id: number) => {
    setLaunch(undefined);
    setPaying(undefined);
    setUserId(id);
  };
  const createUser = async (body: TCreateUserBody) => {
    const created = await hostApi.createUser(body);
    setUsers((current = []) => [...current.filter((candidate) => candidate.id !== created.id), created]);
    selectUser(created.id);
  };

  // The sidebar's tooling (theme switch, links to the sandbox's other pages, the user picker) and the
  // emulator's own notices are for the developer: they stay in English whoever the user is.
  return (
    <ClientStringsProvider value={strings}>
      <div className={`app theme-${theme}`} style={cssVariables(theme)} lang={strings.locale}>
        <aside className="sidebar">
          <header className="sidebar-header">
            <span className="brand">Telegram · sandbox</span>
            <button
              type="button"
              className="icon-button"
              title={theme === 'light' ? 'Dark theme' : 'Light theme'}
              data-testid="theme-toggle"
              onClick={() => setTheme(theme === 'light' ? 'dark' : 'light')}
            >
              {theme === 'light' ? <MoonIcon /> : <SunIcon />}
            </button>
          </header>
          {config ? <ToolLinks links={config.links} /> : null}
          {users ? (
            <UserPicker users={users} userId={user?.id} onSelect={selectUser} onCreate={createUser} />
          ) : null}
          <ChatList items={items} openKey={open?.key} onOpen={setOpenKey} />
        </aside>
        {open && user ? (
          <ChatView
            key={`${open.key}`}
            item={open}
            userId={user.id}
            actions={actions}
            onOpenMiniApp={openMiniApp}
            onMention={(username) => {
              if (!openBotChat(username)) toast(`@${username} is not a bot of this sandbox.`);
            }}
          />
        ) : (
          <main className="chat chat-empty">
            {config ? 'Choose or create a user to start chatting.' : 'Connecting…'}
          </main>
        )}
        {/* A launch that was still being signed when the person switched belongs to the one before. */}
        {launch && user && launch.userId === user.id ? (
          <MiniAppPanel
            key={launch.id}
            launch={launch}
            theme={theme}
            onClose={() => setLaunch(undefined)}
            onReload={() => openMiniApp(launch.bot.username, launch.sourceUrl)}
            onOpenTelegramLink={(path) =>
              handleTelegramLink(path, {
                openBotChat,
                sendStart: (bot, payload) => {
                  const item = items.find(
                    (candidate) =>
                      candidate.ref.kind === 'private' &&
                      candidate.ref.bot.toLowerCase() === bot.toLowerCase(),
                  );
                  if (item) actions.sendText(item.ref, `/start ${payload}`);
                },
                closeMiniApp: () => setLaunch(undefined),
                toast,
              })
            }
            onNotice={toast}
            botTitleOf={botTitleOf}
          />
        ) : null}
        {paying && user && paying.message.invoice ? (
          <PaymentSheet
            invoice={{ ...paying.message.invoice, botTitle: botTitleOf(paying.ref.bot) }}
            onPay={(outcome) =>
              hostApi.pay({
                bot: paying.ref.bot,
                userId: user.id,
                messageId: paying.message.message_id,
                outcome,
              })
            }
            onClose={() => setPaying(undefined)}
          />
        ) : null}
        {alert ? <AlertDialog alert={alert} onClose={() => setAlert(undefined)} /> : null}
        <Toasts toasts={toasts} />
      </div>
    </ClientStringsProvider>
  );
}

/** The theme as CSS variables, named like the ones the SDK binds in Mini Apps (`--tg-theme-…`). */
function cssVariables(theme: TThemeName): Record<string, string> {
  return Object.fromEntries(
    Object.entries(THEME_PARAMS[theme]).map(([key, value]) => [
      `--tg-theme-${key.replaceAll('_', '-')}`,
      value,
    ]),
  );
}
