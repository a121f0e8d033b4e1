import { z } from 'zod';
import type { TThemeParams } from '../../contract/theme-params.ts';

/**
 * The Telegram Mini Apps protocol as Telegram Web speaks it with the app in its iframe: the app posts
 * `JSON.stringify({ eventType, eventData })` to its parent (the method), the client answers by posting
 * the same shape into the frame (the event). @telegram-apps/sdk and Telegram's telegram-web-app.js both
 * use it; parameter names are the ones the SDK's bridge sends (docs.telegram-mini-apps.com/platform/methods).
 */

const ZEnvelopeSchema = z.object({ eventType: z.string().min(1), eventData: z.unknown().optional() });

const ZBottomButtonSchema = z.object({
  is_visible: z.boolean(),
  is_active: z.boolean().optional(),
  is_progress_visible: z.boolean().optional(),
  text: z.string().optional(),
  color: z.string().optional(),
  text_color: z.string().optional(),
  has_shine_effect: z.boolean().optional(),
});

const ZNoParamsSchema = z.unknown();

/** The methods the panel acts on, with their parameters. */
const METHOD_SCHEMAS = {
  iframe_ready: ZNoParamsSchema,
  web_app_ready: ZNoParamsSchema,
  web_app_expand: ZNoParamsSchema,
  web_app_close: ZNoParamsSchema,
  web_app_request_theme: ZNoParamsSchema,
  web_app_request_viewport: ZNoParamsSchema,
  web_app_request_safe_area: ZNoParamsSchema,
  web_app_request_content_safe_area: ZNoParamsSchema,
  web_app_request_fullscreen: ZNoParamsSchema,
  web_app_exit_fullscreen: ZNoParamsSchema,
  web_app_request_write_access: ZNoParamsSchema,
  web_app_request_phone: ZNoParamsSchema,
  web_app_setup_back_button: z.object({ is_visible: z.boolean() }),
  web_app_setup_main_button: ZBottomButtonSchema,
  web_app_setup_secondary_button: ZBottomButtonSchema.extend({
    position: z.enum(['left', 'right', 'top', 'bottom']).optional(),
  }),
  web_app_setup_settings_button: z.object({ is_visible: z.boolean() }),
  web_app_setup_closing_behavior: z.object({ need_confirmation: z.boolean() }),
  web_app_set_header_color: z.object({
    color_key: z.enum(['bg_color', 'secondary_bg_color']).optional(),
    color: z.string().optional(),
  }),
  web_app_set_background_color: z.object({ color: z.string() }),
  web_app_set_bottom_bar_color: z.object({ color: z.string() }),
  web_app_open_invoice: z.object({ slug: z.string().min(1) }),
  web_app_open_link: z.object({ url: z.string().min(1), try_instant_view: z.boolean().optional() }),
  web_app_open_tg_link: z.object({ path_full: z.string().startsWith('/') }),
  web_app_open_popup: z.object({
    title: z.string().optional(),
    message: z.string(),
    buttons: z
      .array(
        z.object({
          id: z.string(),
          type: z.enum(['default', 'ok', 'close', 'cancel', 'destructive']).default('default'),
          text: z.string().optional(),
        }),
      )
      .min(1)
      .max(3),
  }),
  web_app_read_text_from_clipboard: z.object({ req_id: z.string() }),
  web_app_invoke_custom_method: z.object({ req_id: z.string(), method: z.string(), params: z.unknown() }),
  web_app_data_send: z.object({ data: z.string() }),
  web_app_request_file_download: z.object({ url: z.string().min(1), file_name: z.string() }),
} as const;

type TMethodSchemas = typeof METHOD_SCHEMAS;
export type TMethodName = keyof TMethodSchemas;

export type TBridgeCall = {
  [K in TMethodName]: { method: K; params: z.output<TMethodSchemas[K]> };
}[TMethodName];

export type TBridgeMessage =
  | { kind: 'call'; call: TBridgeCall }
  /** A method the panel does not act on (haptics, emoji status…): logged only. */
  | { kind: 'ignored'; method: string }
  | { kind: 'invalid'; method: string; problem: string };

const isMethod = (name: string): name is TMethodName => Object.hasOwn(METHOD_SCHEMAS, name);

/** A message from the frame, or undefined when it is not the Mini Apps protocol at all. */
export function parseBridgeMessage(data: unknown): TBridgeMessage | undefined {
  if (typeof data !== 'string') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return undefined;
  }
  const envelope = ZEnvelopeSchema.safeParse(json);
  if (!envelope.success) return undefined;
  const { eventType: method, eventData } = envelope.data;
  if (!isMethod(method)) return { kind: 'ignored', method };
  const params = METHOD_SCHEMAS[method].safeParse(eventData);
  if (!params.success)
    return { kind: 'invalid', method, problem: params.error.issues[0]?.message ?? 'invalid' };
  return { kind: 'call', call: { method, params: params.data } as TBridgeCall };
}

type TInsets = { top: number; bottom: number; left: number; right: number };

/** What the client posts into the frame, by event name. */
export interface TClientEvents {
  theme_changed: { theme_params: TThemeParams };
  viewport_changed: { height: number; width: number; is_expanded: boolean; is_state_stable: boolean };
  safe_area_changed: TInsets;
  content_safe_area_changed: TInsets;
  fullscreen_failed: { error: 'UNSUPPORTED' };
  fullscreen_changed: { is_fullscreen: boolean };
  back_button_pressed: undefined;
  main_button_pressed: undefined;
  secondary_button_pressed: undefined;
  settings_button_pressed: undefined;
  invoice_closed: { slug: string; status: 'paid' | 'cancelled' | 'failed' | 'pending' };
  popup_closed: { button_id?: string };
  clipboard_text_received: { req_id: string; data: string | null };
  custom_method_invoked: { req_id: string; result?: unknown; error?: string };
  write_access_requested: { status: 'allowed' | 'cancelled' };
  phone_requested: { status: 'sent' | 'cancelled' };
  /** Telegram answers after its download prompt; an empty status means the user declined. */
  file_download_requested: { status?: 'downloading' };
}

export function encodeClientEvent<K extends keyof TClientEvents>(
  eventType: K,
  eventData: TClientEvents[K],
): string {
  return JSON.stringify(eventData === undefined ? { eventType } : { eventType, eventData });
}
