import { useClientStrings } from '../client-strings-context.tsx';
import type { TPopup } from '../miniapp/handle-bridge-call.ts';

/** showPopup / showConfirm of a Mini App (web_app_open_popup), answered with popup_closed. */
export function PopupDialog({ popup, onClose }: { popup: TPopup; onClose: (buttonId?: string) => void }) {
  // Buttons of these types without a text get the client's own words, in the user's language.
  const { dialog } = useClientStrings();
  return (
    <div className="sheet-backdrop panel-overlay">
      <div
        className="alert"
        role="alertdialog"
        aria-label={popup.title ?? 'Popup'}
        data-testid="miniapp-popup"
      >
        {popup.title ? <div className="alert-title">{popup.title}</div> : null}
        <div className="alert-text">{popup.message}</div>
        <div className="alert-buttons">
          {popup.buttons.map((button) => (
            <button
              key={button.id}
              type="button"
              className={button.type === 'destructive' ? 'flat danger' : 'flat'}
              onClick={() => onClose(button.id)}
            >
              {button.type === 'default' || button.type === 'destructive'
                ? button.text
                : (button.text ?? dialog[button.type])}
            </button>
          ))}
        </div>
      </div>
    </div>
  );
}
