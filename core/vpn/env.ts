import { z } from 'zod';

/** `{"X-Api-Key":"…"}`: headers for an auth layer in front of the panel (Caddy-security, basic auth). */
const ZExtraHeadersSchema = z
  .string()
  .default('{}')
  .transform((raw, ctx) => {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object of header names to string values' });
      return z.NEVER;
    }
    const headers = z.record(z.string().regex(/^[A-Za-z0-9-]+$/), z.string()).safeParse(parsed);
    if (!headers.success) {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON object of header names to string values' });
      return z.NEVER;
    }
    return headers.data;
  });

const DEFAULT_SQUADS = { standard: 'Default-Squad', premium: 'Premium' };

/** `{"standard":"Default-Squad","premium":"Premium"}`: which panel squad each server group opens. */
const ZSquadNamesSchema = z
  .string()
  .optional()
  .transform((raw, ctx) => {
    if (raw === undefined || raw.trim() === '') return DEFAULT_SQUADS;
    const parsed = z.record(z.string().regex(/^[a-z0-9-]+$/), z.string().min(1)).safeParse(safeJson(raw));
    if (!parsed.success) {
      ctx.addIssue({
        code: 'custom',
        message: 'must be a JSON object of server groups to panel squad names',
      });
      return z.NEVER;
    }
    return { ...DEFAULT_SQUADS, ...parsed.data };
  });

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}

/**
 * The VPN service's variables: a fragment of the one env schema (core/config/env.ts merges it once the
 * service is registered). No REMNAWAVE_URL: the VPN service is off and the rest of the platform runs.
 */
export const vpnEnv = {
  /** The panel's base URL, without `/api` (`https://panel.example.com` or `http://remnawave:3000`). */
  REMNAWAVE_URL: z.url().optional(),
  /** An API token made in the panel (Settings → API tokens); required with REMNAWAVE_URL. */
  REMNAWAVE_TOKEN: z.string().min(1).optional(),
  REMNAWAVE_EXTRA_HEADERS: ZExtraHeadersSchema,
  /** `name=value`: the cookie gate some install scripts put in front of the panel. */
  REMNAWAVE_COOKIE: z
    .string()
    .regex(/^[^=;\s]+=[^;\s]*$/, 'must be one cookie as name=value')
    .optional(),
  /** The panel's WEBHOOK_SECRET_HEADER: the key of the HMAC it signs its webhooks with. */
  REMNAWAVE_WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  /** How long one request to the panel may take before it is abandoned (and retried when safe). */
  REMNAWAVE_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  /**
   * Our server groups (core/vpn/plans.ts) → the panel's internal squad names, as JSON. The panel's install
   * creates `Default-Squad`; the operator adds a squad for the premium locations.
   */
  VPN_SQUADS: ZSquadNamesSchema,
  /** Spec 001 starts the trial at the end of signup; `false` leaves it to /trial and the VPN page. */
  VPN_TRIAL_AT_SIGNUP: z.stringbool().default(true),
  /** Attempts per idempotent call, the first included. */
  REMNAWAVE_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(10).default(4),
};

const ZVpnEnvSchema = z.object(vpnEnv);
export type TVpnEnv = z.infer<typeof ZVpnEnvSchema>;
