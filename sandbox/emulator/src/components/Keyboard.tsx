import type { ReactNode } from 'react';
import type { InlineKeyboardButton, InlineKeyboardMarkup } from '../../../telegram/types.ts';
import { AppIcon, LinkArrowIcon } from './icons.tsx';

/** What an inline button does when pressed, decided by its kind as Telegram clients do. */
export type TInlineAction =
  | { kind: 'callback'; data: string }
  | { kind: 'url'; url: string }
  | { kind: 'web_app'; url: string }
  | { kind: 'pay' }
  | { kind: 'copy'; text: string }
  | { kind: 'unsupported'; what: string };

export function inlineAction(button: InlineKeyboardButton): TInlineAction {
  if ('callback_data' in button && button.callback_data !== undefined)
    return { kind: 'callback', data: button.callback_data };
  if ('url' in button && button.url) return { kind: 'url', url: button.url };
  if ('web_app' in button && button.web_app) return { kind: 'web_app', url: button.web_app.url };
  if ('login_url' in button && button.login_url) return { kind: 'url', url: button.login_url.url };
  if ('pay' in button && button.pay) return { kind: 'pay' };
  if ('copy_text' in button && button.copy_text) return { kind: 'copy', text: button.copy_text.text };
  if ('switch_inline_query' in button || 'switch_inline_query_current_chat' in button)
    return { kind: 'unsupported', what: 'inline mode' };
  return { kind: 'unsupported', what: 'this kind of button' };
}

const MARKS: Partial<Record<TInlineAction['kind'], ReactNode>> = {
  url: <LinkArrowIcon />,
  web_app: <AppIcon />,
  copy: <LinkArrowIcon />,
};

/** An inline keyboard under its message; a pay button is the invoice card's, so it is left out here. */
export function Keyboard(props: {
  markup: InlineKeyboardMarkup;
  /** Buttons whose callback query the bot has not answered yet ("messageId:data"), shown as loading. */
  pending: ReadonlySet<string>;
  messageId: number;
  onPress: (action: TInlineAction, button: InlineKeyboardButton) => void;
}) {
  const rows = props.markup.inline_keyboard
    .map((row) => row.filter((button) => !('pay' in button && button.pay)))
    .filter((row) => row.length > 0);
  return (
    <div className="inline-keyboard">
      {rows.map((row, r) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position.
        <div className="inline-row" key={r}>
          {row.map((button, b) => {
            const action = inlineAction(button);
            const loading =
              action.kind === 'callback' && props.pending.has(`${props.messageId}:${action.data}`);
            return (
              <button
                // biome-ignore lint/suspicious/noArrayIndexKey: two buttons may carry the same label.
                key={b}
                type="button"
                className={loading ? 'inline-button loading' : 'inline-button'}
                data-testid="inline-button"
                onClick={() => props.onPress(action, button)}
              >
                {button.text}
                {MARKS[action.kind] ? <span className="inline-mark">{MARKS[action.kind]}</span> : null}
              </button>
            );
          })}
        </div>
      ))}
    </div>
  );
}
