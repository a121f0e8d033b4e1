import { useEffect, useRef, useState } from 'react';
import type { InvoiceLinkInfo } from '../../../telegram/types.ts';
import type { TPublicBot } from '../../contract/host-api.ts';
import { THEME_PARAMS, type TThemeName } from '../../contract/theme-params.ts';
import { hostApi } from '../api/host-client.ts';
import { useClientStrings } from '../client-strings-context.tsx';
import { cloudStorageScope } from '../miniapp/cloud-storage.ts';
import type { TBottomButton } from '../miniapp/handle-bridge-call.ts';
import { useMiniAppBridge } from '../miniapp/use-mini-app-bridge.ts';
import { BackIcon, CloseIcon, MoreIcon } from './icons.tsx';
import { PaymentSheet, type TSheetOutcome } from './PaymentSheet.tsx';
import { PopupDialog } from './PopupDialog.tsx';

export interface TMiniAppLaunch {
  /** Changes with every launch; the panel is keyed by it, so each launch starts from scratch. */
  id: number;
  bot: TPublicBot;
  /** Whose initData the launch carries: the panel shows only while that person is the current user. */
  userId: number;
  /** The signed launch URL (launch parameters in the hash). */
  url: string;
  /** The URL the button or menu named (undefined: the host's Mini App URL), for launching again. */
  sourceUrl: string | undefined;
}

function BottomButton(props: {
  button: TBottomButton;
  testId: string;
  secondary?: boolean;
  onPress: () => void;
}) {
  const { button } = props;
  const strings = useClientStrings();
  return (
    <button
      type="button"
      className={props.secondary ? 'bottom-button secondary' : 'bottom-button'}
      data-testid={props.testId}
      disabled={!button.active}
      style={{ background: button.color, color: button.textColor }}
      onClick={props.onPress}
    >
      {button.progress ? (
        <span className="spinner" role="status" aria-label={strings.miniApp.loading} />
      ) : (
        button.text
      )}
    </button>
  );
}

/** The sheet for an invoice the app opened: loads it by slug, pays through the local Bot API. */
function AppInvoiceSheet(props: {
  slug: string;
  userId: number;
  botTitleOf: (username: string) => string;
  onClose: (outcome: TSheetOutcome) => void;
}) {
  const link = `https://t.me/$${props.slug}`;
  const [info, setInfo] = useState<InvoiceLinkInfo>();
  const [loadError, setLoadError] = useState<string>();
  useEffect(() => {
    hostApi.invoiceLink(link).then(setInfo, (error: unknown) => setLoadError(String(error)));
  }, [link]);
  return (
    <PaymentSheet
      invoice={info ? { ...info, botTitle: props.botTitleOf(info.bot_username) } : undefined}
      loadError={loadError}
      onPay={(outcome) =>
        hostApi.pay({ bot: info?.bot_username ?? '', userId: props.userId, invoiceLink: link, outcome })
      }
      onClose={props.onClose}
    />
  );
}

/**
 * The Mini App in a phone-sized panel, as Telegram Web frames it: a header with the close or back
 * button, the app in an iframe, the app's main and secondary buttons below it, and the client's sheets
 * (payments, popups) over it.
 */
export function MiniAppPanel(props: {
  launch: TMiniAppLaunch;
  theme: TThemeName;
  onClose: () => void;
  /** Launches again with fresh initData (the parent keys the panel by launch, so it starts over). */
  onReload: () => void;
  onOpenTelegramLink: (pathFull: string) => void;
  onNotice: (text: string) => void;
  botTitleOf: (username: string) => string;
}) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [loaded, setLoaded] = useState(false);
  const [menuOpen, setMenuOpen] = useState(false);
  const strings = useClientStrings();
  const bridge = useMiniAppBridge({
    frame,
    origin: new URL(props.launch.url).origin,
    theme: THEME_PARAMS[props.theme],
    storageScope: cloudStorageScope(props.launch.bot.username, props.launch.userId),
    handlers: {
      onClose: props.onClose,
      onOpenLink: (url) => window.open(url, '_blank', 'noopener,noreferrer'),
      onDownloadFile: (url, fileName) => downloadFile(new URL(url, props.launch.url).href, fileName),
      onOpenTelegramLink: props.onOpenTelegramLink,
      onNotice: props.onNotice,
    },
  });
  const { state } = bridge;

  const close = () => {
    if (state.confirmClose && !window.confirm(strings.miniApp.confirmClose)) return;
    props.onClose();
  };
  const theme = THEME_PARAMS[props.theme];
  return (
    <section className="miniapp-panel" aria-label="Mini App" data-testid="miniapp-panel">
      <header className="miniapp-header" style={{ background: state.headerColor ?? theme.header_bg_color }}>
        {state.backButton ? (
          <button
            type="button"
            className="icon-button"
            title={strings.miniApp.back}
            data-testid="miniapp-back"
            onClick={() => bridge.post('back_button_pressed', undefined)}
          >
            <BackIcon />
          </button>
        ) : (
          <button
            type="button"
            className="icon-button"
            title={strings.dialog.close}
            data-testid="miniapp-close"
            onClick={close}
          >
            <CloseIcon />
          </button>
        )}
        <span className="miniapp-title">{props.launch.bot.title}</span>
        <button
          type="button"
          className="icon-button"
          title={strings.miniApp.more}
          onClick={() => setMenuOpen(!menuOpen)}
        >
          <MoreIcon />
        </button>
        {menuOpen ? (
          <ul
            className="miniapp-menu"
            onClick={() => setMenuOpen(false)}
            onKeyDown={() => setMenuOpen(false)}
          >
            {state.settingsButton ? (
              <li>
                <button type="button" onClick={() => bridge.post('settings_button_pressed', undefined)}>
                  {strings.miniApp.settings}
                </button>
              </li>
            ) : null}
            <li>
              <button type="button" onClick={props.onReload}>
                {strings.miniApp.reload}
              </button>
            </li>
            <li>
              <button type="button" onClick={close}>
                {strings.dialog.close}
              </button>
            </li>
          </ul>
        ) : null}
      </header>
      <div className="miniapp-body" style={{ background: state.backgroundColor ?? theme.bg_color }}>
        <iframe
          ref={frame}
          src={props.launch.url}
          title={`${props.launch.bot.title} Mini App`}
          data-testid="miniapp-frame"
          // Telegram Web's own sandbox for Mini App frames.
          sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox allow-forms allow-modals allow-downloads"
          allow="clipboard-write; camera; microphone; geolocation"
          onLoad={() => setLoaded(true)}
        />
        {!loaded && !state.ready ? <div className="miniapp-loading">{strings.miniApp.loading}</div> : null}
        {state.invoiceSlug ? (
          <AppInvoiceSheet
            key={state.invoiceSlug}
            slug={state.invoiceSlug}
            userId={props.launch.userId}
            botTitleOf={props.botTitleOf}
            onClose={bridge.closeInvoice}
          />
        ) : null}
        {state.popup ? <PopupDialog popup={state.popup} onClose={bridge.closePopup} /> : null}
      </div>
      {state.mainButton || state.secondaryButton ? (
        <footer className="miniapp-bottom" style={{ background: theme.bottom_bar_bg_color }}>
          {state.secondaryButton ? (
            <BottomButton
              button={state.secondaryButton}
              testId="miniapp-secondary-button"
              secondary
              onPress={() => bridge.post('secondary_button_pressed', undefined)}
            />
          ) : null}
          {state.mainButton ? (
            <BottomButton
              button={state.mainButton}
              testId="miniapp-main-button"
              onPress={() => bridge.post('main_button_pressed', undefined)}
            />
          ) : null}
        </footer>
      ) : null}
      {/* The developer's view of the protocol, not Telegram's: it stays in English. */}
      <details className="bridge-log" data-testid="bridge-log">
        <summary>Bridge log ({state.log.length})</summary>
        <ol>
          {state.log.map((entry) => (
            <li key={entry.id} data-method={entry.method}>
              {entry.method}
              {entry.note ? <span className="hint"> — {entry.note}</span> : null}
            </li>
          ))}
        </ol>
      </details>
    </section>
  );
}

/** A download as the browser does it for a link with `download`: same-origin signed URLs keep their name. */
function downloadFile(url: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}
