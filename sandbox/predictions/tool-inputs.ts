// The input schemas of the photo tools, checked when a prediction is created, as Replicate checks
// every input against the model version's OpenAPI schema and answers 422 with `invalid_fields`
// (JSON-schema error types: required, invalid_type, format, number_gte, number_lte). Only the
// fields the stand-in reads are declared; anything else passes, as a model's extra options would.
import { z } from 'zod';
import type { TModelTool } from './model-specs.ts';
import { problem, type TReply } from './replicate-errors.ts';

const REQUIRED = 'required';
const typeError = (expected: string) => (issue: { input: unknown }) =>
  issue.input === undefined
    ? REQUIRED
    : `Invalid type. Expected: ${expected}, given: ${jsonType(issue.input)}`;

// Replicate's `format: uri` inputs take a URL it can download or a data URI.
const ZUriSchema = z
  .string({ error: typeError('string') })
  .regex(/^(https?:\/\/\S+|data:[^,]*,)/, { error: "Does not match format 'uri'" });

const ZImageInputSchema = z.looseObject({ image: ZUriSchema });

const TOOL_SCHEMAS: Record<TModelTool, z.ZodType> = {
  // nightmareai/real-esrgan
  upscale: ZImageInputSchema.extend({
    scale: z
      .number({ error: typeError('number') })
      .min(0, { error: 'Must be greater than or equal to 0' })
      .max(10, { error: 'Must be less than or equal to 10' })
      .optional(),
    face_enhance: z.boolean({ error: typeError('boolean') }).optional(),
  }),
  // 851-labs/background-remover
  'remove-background': ZImageInputSchema,
  // bria/generate-background takes the picture as a file or as a URL.
  'replace-background': z
    .looseObject({
      image: ZUriSchema.optional(),
      image_url: ZUriSchema.optional(),
      bg_prompt: z.string({ error: typeError('string') }).optional(),
    })
    .refine((input) => input.image !== undefined || input.image_url !== undefined, {
      error: REQUIRED,
      path: ['image'],
    }),
  // recraft-ai/recraft-vectorize
  vectorize: ZImageInputSchema,
};

const TYPE_OF_CODE: Record<string, string> = {
  invalid_type: 'invalid_type',
  invalid_format: 'format',
  too_small: 'number_gte',
  too_big: 'number_lte',
};

/** The 422 answer for an input the tool's schema refuses; undefined when it is fine. */
export function refuseToolInput(tool: TModelTool, input: Record<string, unknown>): TReply | undefined {
  const parsed = TOOL_SCHEMAS[tool].safeParse(input);
  if (parsed.success) return undefined;
  const fields = parsed.error.issues.map((issue) => {
    const name = issue.path.join('.');
    return issue.message === REQUIRED
      ? { type: 'required', field: 'input', description: `${name} is required` }
      : { type: TYPE_OF_CODE[issue.code] ?? issue.code, field: `input.${name}`, description: issue.message };
  });
  const detail = fields.map((f) => `- ${f.field}: ${f.description}`).join('\n');
  return problem(422, 'Input validation failed', detail, { invalid_fields: fields });
}

/** JSON Schema's names for a value's type, as the validator's messages use them. */
function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}
