import { z } from 'zod';
import { GPU_MODEL_IDS, gpuModel } from '../catalog/gpu-models.ts';
import { isCountryCode } from './country-codes.ts';
import { checkPublicIp } from './public-ip.ts';
import { checkPrivateKey } from './ssh-private-key.ts';

/**
 * A GPU server listing as the provider submits it (bot conversation, Mini App form, provider API). SSH and
 * VNC secrets are plain input here; encrypting them at rest is the store's job, and nothing here logs them.
 *
 * Every refusal is { field, code, args }: the field is the dotted path in the input, the code maps to the
 * Fluent key `gpu-listing-error-<code>` in locales/<lang>/gpu-listing.ftl.
 */
export const LISTING_ERROR_CODES = [
  'required',
  'invalid',
  'not_integer',
  'out_of_range',
  'text_length',
  'model_unknown',
  'model_name_required',
  'vram_mismatch',
  'cuda_mismatch',
  'ip_invalid',
  'ip_not_public',
  'ssh_user_invalid',
  'ssh_auth_required',
  'ssh_key_invalid',
  'ssh_key_public',
  'ssh_key_encrypted',
  'price_out_of_range',
  'country_invalid',
] as const;
export type TListingErrorCode = (typeof LISTING_ERROR_CODES)[number];

export interface TListingRefusal {
  field: string;
  code: TListingErrorCode;
  args?: Record<string, string | number>;
}

export const listingErrorKey = (code: TListingErrorCode): string =>
  `gpu-listing-error-${code.replaceAll('_', '-')}`;

/** Bounds for numbers and text lengths, inclusive; the refusal carries them so the message can say them. */
export const LISTING_LIMITS = {
  modelName: [2, 64],
  gpuCount: [1, 16],
  // Above the largest single-GPU memory sold today (192–256 GB class accelerators) for "other" models.
  vramGb: [1, 256],
  cudaCores: [1, 100_000],
  ramGb: [4, 8_192],
  cpuModel: [2, 100],
  cpuCores: [1, 1_024],
  diskGb: [20, 1_000_000],
  sshPort: [1, 65_535],
  'ssh.password': [8, 256],
  'vnc.port': [1, 65_535],
  // Classic VNC authentication uses only the first 8 characters; 6 is the least most servers accept.
  'vnc.password': [6, 64],
  // 5 ¢ to $50 per GPU-hour: below is a typo in dollars-vs-cents, above no marketplace buyer pays today.
  priceCentsPerGpuHour: [5, 5_000],
  'location.city': [1, 100],
} as const satisfies Record<string, readonly [number, number]>;
type TLimitedField = keyof typeof LISTING_LIMITS;

const SSH_USER = /^[a-z_][a-z0-9_.-]{0,31}$/i;
const MAX_KEY_CHARS = 16_384;

/** An integer within the field's bounds; a missing value is `required`, anything else not a whole number is `not_integer`. */
const whole = (field: TLimitedField) =>
  z
    .number({ error: (issue) => (issue.input === undefined ? 'required' : 'not_integer') })
    .int({ error: 'not_integer' })
    .min(LISTING_LIMITS[field][0], {
      error: field === 'priceCentsPerGpuHour' ? 'price_out_of_range' : 'out_of_range',
    })
    .max(LISTING_LIMITS[field][1], {
      error: field === 'priceCentsPerGpuHour' ? 'price_out_of_range' : 'out_of_range',
    });

const text = (field: TLimitedField) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'required' : 'invalid') })
    .trim()
    .min(LISTING_LIMITS[field][0], { error: 'text_length' })
    .max(LISTING_LIMITS[field][1], { error: 'text_length' });

/** Passwords are taken as typed: a leading or trailing space is part of the secret, not a typo to trim. */
const secret = (field: TLimitedField) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'required' : 'invalid') })
    .min(LISTING_LIMITS[field][0], { error: 'text_length' })
    .max(LISTING_LIMITS[field][1], { error: 'text_length' });

/** Forms send an empty string for a field left blank; an optional field treats it as absent. */
const blankAsAbsent = <T extends z.ZodType>(schema: T) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? undefined : value),
    schema.optional(),
  );

const requiredString = (code: TListingErrorCode) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? 'required' : 'invalid') })
    .trim()
    .min(1, { error: code });

export const ZGpuListingInputSchema = z.object({
  model: z.enum(GPU_MODEL_IDS, {
    error: (issue) => (issue.input === undefined ? 'required' : 'model_unknown'),
  }),
  /** The model's name when `model` is `other`; ignored otherwise. */
  modelName: blankAsAbsent(text('modelName')),
  gpuCount: whole('gpuCount'),
  vramGb: whole('vramGb'),
  cudaCores: whole('cudaCores'),
  ramGb: whole('ramGb'),
  cpuModel: text('cpuModel'),
  cpuCores: whole('cpuCores'),
  diskGb: whole('diskGb'),
  ip: requiredString('ip_invalid').superRefine((ip, ctx) => {
    const check = checkPublicIp(ip);
    if (!check.ok)
      ctx.addIssue({ code: 'custom', message: check.reason === 'invalid' ? 'ip_invalid' : 'ip_not_public' });
  }),
  sshPort: whole('sshPort'),
  ssh: z
    .object(
      {
        user: requiredString('ssh_user_invalid').regex(SSH_USER, { error: 'ssh_user_invalid' }),
        password: blankAsAbsent(secret('ssh.password')),
        privateKey: blankAsAbsent(
          z
            .string({ error: 'invalid' })
            .trim()
            .max(MAX_KEY_CHARS, { error: 'ssh_key_invalid' })
            .superRefine((key, ctx) => {
              const check = checkPrivateKey(key);
              if (check !== 'ok') ctx.addIssue({ code: 'custom', message: `ssh_key_${check}` });
            }),
        ),
      },
      { error: (issue) => (issue.input === undefined ? 'required' : 'invalid') },
    )
    .superRefine((ssh, ctx) => {
      if (ssh.password === undefined && ssh.privateKey === undefined)
        ctx.addIssue({ code: 'custom', message: 'ssh_auth_required', path: ['password'] });
    }),
  vnc: z
    .object({ port: whole('vnc.port'), password: secret('vnc.password') }, { error: 'invalid' })
    .optional(),
  priceCentsPerGpuHour: whole('priceCentsPerGpuHour').transform((cents) => BigInt(cents)),
  location: z.object(
    {
      country: requiredString('country_invalid')
        .toUpperCase()
        .refine(isCountryCode, { error: 'country_invalid' }),
      city: text('location.city'),
    },
    { error: (issue) => (issue.input === undefined ? 'required' : 'invalid') },
  ),
});
export type TGpuListingInput = z.input<typeof ZGpuListingInputSchema>;
export type TGpuListing = z.output<typeof ZGpuListingInputSchema>;

const codeOf = (message: string): TListingErrorCode =>
  (LISTING_ERROR_CODES as readonly string[]).includes(message) ? (message as TListingErrorCode) : 'invalid';

function refusal(field: string, code: TListingErrorCode): TListingRefusal {
  if (field in LISTING_LIMITS && ['out_of_range', 'text_length', 'price_out_of_range'].includes(code)) {
    const [min, max] = LISTING_LIMITS[field as TLimitedField];
    // Prices are stated to the provider in dollars.
    return code === 'price_out_of_range'
      ? { field, code, args: { min: min / 100, max: max / 100 } }
      : { field, code, args: { min, max } };
  }
  return { field, code };
}

/** Memory and cores must be one of the catalog model's variants; `other` must be named. */
function catalogRefusals(input: unknown): TListingRefusal[] {
  const parsed = ZGpuListingInputSchema.pick({ model: true, modelName: true, vramGb: true, cudaCores: true })
    .partial({ vramGb: true, cudaCores: true })
    .safeParse(input);
  if (!parsed.success) return [];
  const { model, modelName, vramGb, cudaCores } = parsed.data;
  if (model === 'other')
    return modelName === undefined ? [{ field: 'modelName', code: 'model_name_required' }] : [];
  const spec = gpuModel(model);
  const out: TListingRefusal[] = [];
  if (vramGb !== undefined && !spec.vramGb.includes(vramGb))
    out.push({
      field: 'vramGb',
      code: 'vram_mismatch',
      args: { model: spec.name, expected: spec.vramGb.join(', ') },
    });
  if (cudaCores !== undefined && !spec.cudaCores.includes(cudaCores))
    out.push({
      field: 'cudaCores',
      code: 'cuda_mismatch',
      args: { model: spec.name, expected: spec.cudaCores.join(', ') },
    });
  return out;
}

export type TListingParse = { ok: true; listing: TGpuListing } | { ok: false; refusals: TListingRefusal[] };

/** Every problem at once, so a form can mark all its fields in one round. */
export function parseGpuListing(input: unknown): TListingParse {
  const parsed = ZGpuListingInputSchema.safeParse(input);
  const refusals = parsed.success
    ? []
    : parsed.error.issues.map((issue) => refusal(issue.path.join('.'), codeOf(issue.message)));
  refusals.push(...catalogRefusals(input).filter((r) => !refusals.some((seen) => seen.field === r.field)));
  if (refusals.length > 0 || !parsed.success) return { ok: false, refusals };
  const listing = parsed.data;
  return { ok: true, listing: listing.model === 'other' ? listing : { ...listing, modelName: undefined } };
}
