/**
 * web_app_open_tg_link: the app opened a t.me link (`path_full` is its path and query). Telegram closes the
 * Mini App and follows it inside the client: a bot's username opens that chat, `?start=` then sends
 * /start with the payload (Telegram shows a START button first; the emulator presses it). Share links
 * show what would be shared; anything else opens t.me in a new tab.
 */
export function handleTelegramLink(
  pathFull: string,
  client: {
    openBotChat: (username: string) => boolean;
    sendStart: (username: string, payload: string) => void;
    closeMiniApp: () => void;
    toast: (text: string) => void;
  },
): void {
  const url = new URL(pathFull, 'https://t.me');
  const [first = ''] = url.pathname.slice(1).split('/');
  if (first === 'share') {
    const shared = [url.searchParams.get('url'), url.searchParams.get('text')].filter(Boolean).join(' ');
    client.toast(`Share: ${shared}`);
    return;
  }
  if (client.openBotChat(first)) {
    client.closeMiniApp();
    const start = url.searchParams.get('start');
    if (start) client.sendStart(first, start);
    return;
  }
  window.open(url.toString(), '_blank', 'noopener,noreferrer');
}
