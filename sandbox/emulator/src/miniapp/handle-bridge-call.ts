import type { TThemeParams } from '../../contract/theme-params.ts';
import type { TBridgeCall, TClientEvents } from './bridge-protocol.ts';
import { invokeCustomMethod } from './cloud-storage.ts';

export interface TBottomButton {
  text: string;
  color?: string | undefined;
  textColor?: string | undefined;
  active: boolean;
  progress: boolean;
}

export type TPopup = Extract<TBridgeCall, { method: 'web_app_open_popup' }>['params'];

/** What the panel shows around the app, as the app set it up. */
export interface TPanelState {
  ready: boolean;
  backButton: boolean;
  settingsButton: boolean;
  mainButton?: TBottomButton | undefined;
  secondaryButton?: TBottomButton | undefined;
  headerColor?: string | undefined;
  backgroundColor?: string | undefined;
  /** web_app_setup_closing_behavior: ask before closing. */
  confirmClose: boolean;
  /** The invoice the app opened (web_app_open_invoice), until its sheet closes. */
  invoiceSlug?: string | undefined;
  popup?: TPopup | undefined;
  /** Methods the app called, newest last, for the panel's log. */
  log: { id: number; method: string; note?: string }[];
}

export interface TBridgeHandlers {
  onClose: () => void;
  onOpenLink: (url: string) => void;
  /** Saves the file as the browser's download (Telegram shows its own prompt first; here the click was it). */
  onDownloadFile: (url: string, fileName: string) => void;
  onOpenTelegramLink: (pathFull: string) => void;
  onNotice: (text: string) => void;
}

interface TCallContext {
  post: <K extends keyof TClientEvents>(type: K, data: TClientEvents[K]) => void;
  /** Posts viewport_changed with the frame's current size. */
  viewport: () => void;
  update: (patch: Partial<TPanelState>) => void;
  theme: TThemeParams;
  storageScope: string;
  handlers: TBridgeHandlers;
}

const ZERO_INSETS = { top: 0, bottom: 0, left: 0, right: 0 };

function bottomButton(params: {
  is_visible: boolean;
  is_active?: boolean | undefined;
  is_progress_visible?: boolean | undefined;
  text?: string | undefined;
  color?: string | undefined;
  text_color?: string | undefined;
}): TBottomButton | undefined {
  // Telegram does not show a visible button without text either.
  if (!params.is_visible || !params.text) return undefined;
  return {
    text: params.text,
    color: params.color,
    textColor: params.text_color,
    active: params.is_active ?? true,
    progress: params.is_progress_visible ?? false,
  };
}

function customMethod(call: TParams<'web_app_invoke_custom_method'>, ctx: TCallContext) {
  const { req_id, method, params } = call;
  let answer: { result: unknown } | { error: string };
  try {
    answer = invokeCustomMethod(window.localStorage, ctx.storageScope, method, params);
  } catch {
    answer = { error: `invalid parameters for ${method}` };
  }
  ctx.post('custom_method_invoked', { req_id, ...answer });
}

type TParams<K extends TBridgeCall['method']> = Extract<TBridgeCall, { method: K }>['params'];
type THandlers = { [K in TBridgeCall['method']]: (params: TParams<K>, ctx: TCallContext) => void };

/** What Telegram Web does for each method the app calls: answer it, or change what the panel shows. */
const HANDLERS: THandlers = {
  iframe_ready: () => {},
  web_app_ready: (_params, ctx) => ctx.update({ ready: true }),
  web_app_expand: (_params, ctx) => ctx.viewport(),
  web_app_request_viewport: (_params, ctx) => ctx.viewport(),
  web_app_request_theme: (_params, ctx) => ctx.post('theme_changed', { theme_params: ctx.theme }),
  web_app_request_safe_area: (_params, ctx) => ctx.post('safe_area_changed', ZERO_INSETS),
  web_app_request_content_safe_area: (_params, ctx) => ctx.post('content_safe_area_changed', ZERO_INSETS),
  web_app_request_fullscreen: (_params, ctx) => ctx.post('fullscreen_failed', { error: 'UNSUPPORTED' }),
  web_app_exit_fullscreen: (_params, ctx) => ctx.post('fullscreen_changed', { is_fullscreen: false }),
  web_app_request_write_access: (_params, ctx) => ctx.post('write_access_requested', { status: 'allowed' }),
  web_app_request_phone: (_params, ctx) => {
    ctx.handlers.onNotice('requestContact: the emulator shares no phone number; answered "cancelled".');
    ctx.post('phone_requested', { status: 'cancelled' });
  },
  web_app_setup_back_button: (params, ctx) => ctx.update({ backButton: params.is_visible }),
  web_app_setup_settings_button: (params, ctx) => ctx.update({ settingsButton: params.is_visible }),
  web_app_setup_main_button: (params, ctx) => ctx.update({ mainButton: bottomButton(params) }),
  web_app_setup_secondary_button: (params, ctx) => ctx.update({ secondaryButton: bottomButton(params) }),
  web_app_setup_closing_behavior: (params, ctx) => ctx.update({ confirmClose: params.need_confirmation }),
  web_app_set_header_color: (params, ctx) =>
    ctx.update({ headerColor: params.color ?? ctx.theme[params.color_key ?? 'bg_color'] }),
  web_app_set_background_color: (params, ctx) => ctx.update({ backgroundColor: params.color }),
  web_app_set_bottom_bar_color: () => {},
  web_app_open_invoice: (params, ctx) => ctx.update({ invoiceSlug: params.slug }),
  web_app_open_popup: (params, ctx) => ctx.update({ popup: params }),
  web_app_open_link: (params, ctx) => ctx.handlers.onOpenLink(params.url),
  web_app_open_tg_link: (params, ctx) => ctx.handlers.onOpenTelegramLink(params.path_full),
  web_app_close: (_params, ctx) => ctx.handlers.onClose(),
  web_app_request_file_download: (params, ctx) => {
    ctx.handlers.onDownloadFile(params.url, params.file_name);
    ctx.post('file_download_requested', { status: 'downloading' });
  },
  // Reading the clipboard needs a permission prompt nobody answers in a headless run: nothing is shared.
  web_app_read_text_from_clipboard: (params, ctx) =>
    ctx.post('clipboard_text_received', { req_id: params.req_id, data: null }),
  web_app_invoke_custom_method: (params, ctx) => customMethod(params, ctx),
  web_app_data_send: (_params, ctx) => {
    ctx.handlers.onNotice('sendData: the local Bot API does not model web_app_data messages.');
    ctx.handlers.onClose();
  },
};

function dispatch<K extends TBridgeCall['method']>(method: K, params: TParams<K>, ctx: TCallContext): void {
  HANDLERS[method](params, ctx);
}

export function handleBridgeCall(call: TBridgeCall, ctx: TCallContext): void {
  dispatch(call.method, call.params, ctx);
}
