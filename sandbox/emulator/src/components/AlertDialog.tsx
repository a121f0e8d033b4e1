import { useClientStrings } from '../client-strings-context.tsx';

export interface TAlert {
  title?: string;
  text: string;
}

/** A modal like Telegram's alert: a callback answer with show_alert, or an error worth reading. */
export function AlertDialog({ alert, onClose }: { alert: TAlert; onClose: () => void }) {
  const strings = useClientStrings();
  return (
    <div className="sheet-backdrop">
      <div className="alert" role="alertdialog" aria-label={alert.title ?? 'Alert'} data-testid="alert">
        {alert.title ? <div className="alert-title">{alert.title}</div> : null}
        <div className="alert-text">{alert.text}</div>
        <button type="button" className="flat" data-testid="alert-ok" onClick={onClose}>
          {strings.dialog.ok}
        </button>
      </div>
    </div>
  );
}
