import type { KeyboardButton, ReplyKeyboardMarkup } from '../../../telegram/types.ts';

export type TReplyAction =
  | { kind: 'text'; text: string }
  | { kind: 'contact' }
  | { kind: 'web_app'; url: string }
  | { kind: 'unsupported'; what: string };

function replyAction(button: KeyboardButton): TReplyAction {
  if (typeof button === 'string') return { kind: 'text', text: button };
  if ('request_contact' in button && button.request_contact) return { kind: 'contact' };
  if ('web_app' in button && button.web_app) return { kind: 'web_app', url: button.web_app.url };
  if ('request_location' in button && button.request_location)
    return { kind: 'unsupported', what: 'sharing a location' };
  if ('request_users' in button || 'request_chat' in button || 'request_poll' in button)
    return { kind: 'unsupported', what: 'this kind of request button' };
  return { kind: 'text', text: button.text };
}

/** The bot's reply keyboard in place of the device keyboard; a plain button sends its label as text. */
export function ReplyKeyboard(props: {
  markup: ReplyKeyboardMarkup;
  onPress: (action: TReplyAction) => void;
}) {
  return (
    <div className="reply-keyboard" data-testid="reply-keyboard">
      {props.markup.keyboard.map((row, r) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity beyond their position.
        <div className="reply-row" key={r}>
          {row.map((button, b) => (
            <button
              // biome-ignore lint/suspicious/noArrayIndexKey: two buttons may carry the same label.
              key={b}
              type="button"
              className="reply-button"
              data-testid="reply-button"
              onClick={() => props.onPress(replyAction(button))}
            >
              {typeof button === 'string' ? button : button.text}
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}
