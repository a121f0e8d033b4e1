import { useCallback, useRef, useState } from 'react';

const TOAST_MS = 4_000;

export function useToasts() {
  const [toasts, setToasts] = useState<{ id: number; text: string }[]>([]);
  const next = useRef(0);
  const show = useCallback((text: string) => {
    const id = ++next.current;
    setToasts((current) => [...current, { id, text }]);
    setTimeout(() => setToasts((current) => current.filter((toast) => toast.id !== id)), TOAST_MS);
  }, []);
  return { toasts, show };
}

/** Short notices: a callback answer's text (Telegram shows it on top of the chat), or what the emulator skipped. */
export function Toasts({ toasts }: { toasts: { id: number; text: string }[] }) {
  return (
    <div className="toasts" aria-live="polite">
      {toasts.map((toast) => (
        <div key={toast.id} className="toast" data-testid="toast">
          {toast.text}
        </div>
      ))}
    </div>
  );
}
