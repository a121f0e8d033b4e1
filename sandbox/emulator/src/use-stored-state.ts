import { useState } from 'react';
import type { z } from 'zod';

function read<T>(key: string, schema: z.ZodType<T>, initial: T): T {
  try {
    const parsed = schema.safeParse(JSON.parse(window.localStorage.getItem(key) ?? 'null'));
    return parsed.success ? parsed.data : initial;
  } catch {
    return initial;
  }
}

/** State kept in localStorage, so a reload keeps the user and theme the person chose. */
export function useStoredState<T>(key: string, schema: z.ZodType<T>, initial: T): [T, (value: T) => void] {
  const [value, setValue] = useState<T>(() => read(key, schema, initial));
  return [
    value,
    (next: T) => {
      setValue(next);
      if (next === undefined) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, JSON.stringify(next));
    },
  ];
}
