import type { z } from 'zod';

/**
 * Typed, versioned callback data: `<version>:<action>:<args...>` inside Telegram's 64-byte limit. A button
 * from an older release that no longer parses is answered with "this button has expired" instead of
 * doing something else.
 */
export function callbackCodec<const A extends string, S extends z.ZodType<Record<string, unknown>>>(
  prefix: A,
  fields: readonly string[],
  schema: S,
) {
  const head = `v1:${prefix}`;
  return {
    prefix: head,
    pattern: new RegExp(`^${head}(:|$)`),
    encode(value: z.input<S>): string {
      const data = `${head}:${fields.map((f) => String((value as Record<string, unknown>)[f])).join(':')}`;
      if (Buffer.byteLength(data) > 64) throw new Error(`callback data over 64 bytes: ${data}`);
      return data;
    },
    decode(data: string): z.output<S> | null {
      if (!data.startsWith(`${head}:`)) return null;
      const parts = data.slice(head.length + 1).split(':');
      if (parts.length !== fields.length) return null;
      const raw = Object.fromEntries(fields.map((f, i) => [f, parts[i]]));
      const parsed = schema.safeParse(raw);
      return parsed.success ? parsed.data : null;
    },
  };
}
