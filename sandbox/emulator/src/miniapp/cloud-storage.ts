import { z } from 'zod';

/**
 * CloudStorage, which Mini Apps reach through `web_app_invoke_custom_method`: a key-value store per bot and
 * user that Telegram keeps on its servers. Here it lives in the browser's localStorage under one key per
 * bot and user, which is enough for the app to find its values again after a reload.
 */
const ZKeysSchema = z.object({ keys: z.array(z.string()) });
const ZSaveSchema = z.object({ key: z.string().min(1).max(128), value: z.string().max(4096) });

type TCustomMethodAnswer = { result: unknown } | { error: string };

function read(storage: Storage, scope: string): Record<string, string> {
  const parsed = z.record(z.string(), z.string()).safeParse(JSON.parse(storage.getItem(scope) ?? '{}'));
  return parsed.success ? parsed.data : {};
}

export function invokeCustomMethod(
  storage: Storage,
  scope: string,
  method: string,
  params: unknown,
): TCustomMethodAnswer {
  const values = read(storage, scope);
  const write = (next: Record<string, string>) => storage.setItem(scope, JSON.stringify(next));
  switch (method) {
    case 'getStorageValues': {
      const { keys } = ZKeysSchema.parse(params);
      return { result: Object.fromEntries(keys.map((key) => [key, values[key] ?? ''])) };
    }
    case 'saveStorageValue': {
      const { key, value } = ZSaveSchema.parse(params);
      write({ ...values, [key]: value });
      return { result: true };
    }
    case 'deleteStorageValues': {
      const { keys } = ZKeysSchema.parse(params);
      write(Object.fromEntries(Object.entries(values).filter(([key]) => !keys.includes(key))));
      return { result: true };
    }
    case 'getStorageKeys':
      return { result: Object.keys(values) };
    default:
      return { error: `UNSUPPORTED: ${method} is not modelled by the emulator` };
  }
}

export const cloudStorageScope = (bot: string, userId: number) => `emulator.cloud-storage.${bot}.${userId}`;
