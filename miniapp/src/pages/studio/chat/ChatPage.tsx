import { useCallback, useEffect, useState } from 'react';
import type { TStudioDialog, TStudioModels } from '../../../../../server/contracts/studio.ts';
import { createDialog, getStudioModels, listDialogs } from '../../../api/studio.ts';
import { useLoad } from '../../../api/use-load.ts';
import { CardSkeleton } from '../../../components/CardSkeleton.tsx';
import { InlineError } from '../../../components/InlineError.tsx';
import { Page } from '../../../components/Page.tsx';
import { useT } from '../../../i18n.ts';
import { useMe } from '../../../me-context.ts';
import { ChatView } from './ChatView.tsx';
import { DialogList } from './DialogList.tsx';
import { DialogSettings } from './DialogSettings.tsx';

type TView = { kind: 'list' } | { kind: 'chat'; id: string } | { kind: 'settings'; id: string };

const loadDialogs = async (request: Parameters<typeof listDialogs>[0]) =>
  (await listDialogs(request)).dialogs;

/**
 * Chat with AI models: the dialogs → one dialog's chat → its settings. One route with steps inside, like
 * the buy page; the BackButton walks back a step.
 */
export function ChatPage() {
  const t = useT();
  const { request } = useMe();
  const list = useLoad(loadDialogs);
  const [dialogs, setDialogs] = useState<TStudioDialog[] | null>(null);
  const [models, setModels] = useState<TStudioModels | null>(null);
  const [available, setAvailable] = useState<string | null>(null);
  const [view, setView] = useState<TView>({ kind: 'list' });

  // Once loaded the list is kept here: creating, renaming and using dialogs updates it in place.
  const loaded = list.status === 'ready' ? list.data : null;
  useEffect(() => {
    if (loaded) setDialogs(loaded);
  }, [loaded]);
  useEffect(() => {
    getStudioModels(request).then(
      (loaded) => {
        setModels(loaded);
        setAvailable(loaded.available);
      },
      // The chat works without the model list; the settings page shows its picker empty.
      () => setModels(null),
    );
  }, [request]);

  const replace = useCallback((dialog: TStudioDialog) => {
    setDialogs((current) => {
      const others = (current ?? []).filter((d) => d.id !== dialog.id);
      // The dialog just used goes to the top, as the server orders them.
      return [dialog, ...others.map((d) => (dialog.active ? { ...d, active: false } : d))];
    });
  }, []);
  const onChanged = useCallback(
    (dialog: TStudioDialog, left: string) => {
      replace(dialog);
      setAvailable(left);
    },
    [replace],
  );
  const newDialog = async () => {
    const dialog = await createDialog(request, {});
    replace(dialog);
    setView({ kind: 'chat', id: dialog.id });
  };

  const current = view.kind === 'list' ? undefined : dialogs?.find((d) => d.id === view.id);
  if (view.kind === 'settings' && current)
    return (
      <DialogSettings
        dialog={current}
        models={models}
        onBack={() => setView({ kind: 'chat', id: current.id })}
        onSaved={replace}
        onDeleted={() => {
          setDialogs((all) => (all ?? []).filter((d) => d.id !== current.id));
          setView({ kind: 'list' });
        }}
      />
    );
  if (view.kind === 'chat' && current)
    return (
      <ChatView
        key={current.id}
        dialog={current}
        available={available}
        onBack={() => setView({ kind: 'list' })}
        onSettings={() => setView({ kind: 'settings', id: current.id })}
        onChanged={onChanged}
      />
    );

  return (
    <Page back title={t('miniapp-studio-chat-title')}>
      <p className="page__subtitle">{t('miniapp-studio-chat-subtitle')}</p>
      {list.status === 'loading' && !dialogs ? <CardSkeleton lines={3} /> : null}
      {list.status === 'failed' ? (
        <InlineError error={list.error} onRetry={list.reload} testId="dialogs-error" />
      ) : null}
      {dialogs ? (
        <DialogList
          dialogs={dialogs}
          onOpen={(dialog) => setView({ kind: 'chat', id: dialog.id })}
          onNew={newDialog}
        />
      ) : null}
    </Page>
  );
}
