import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for secrets at rest (exchange keys, provider tokens). The sealed string carries the id of
 * the key that sealed it, so a rotated key can still open old values while new ones use the new key.
 * Format: v1.<keyId>.<iv>.<tag>.<ciphertext>, parts base64url.
 */
export interface SecretBox {
  keyId: string;
  seal(plain: string): string;
  open(sealed: string): string;
}

export const keyIdOf = (key: Buffer): string => createHash('sha256').update(key).digest('hex').slice(0, 8);

export function createSecretBox(key: Buffer, previousKeys: Buffer[] = []): SecretBox {
  const keys = new Map([key, ...previousKeys].map((k) => [keyIdOf(k), k]));
  const keyId = keyIdOf(key);
  return {
    keyId,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', keyId, iv, cipher.getAuthTag(), body]
        .map((p) => (typeof p === 'string' ? p : p.toString('base64url')))
        .join('.');
    },
    open(sealed) {
      const [version, id, iv, tag, body] = sealed.split('.');
      if (version !== 'v1' || !id || !iv || !tag || body === undefined)
        throw new Error('not a sealed secret');
      const k = keys.get(id);
      if (!k) throw new Error(`no key with id ${id} to open this secret`);
      const decipher = createDecipheriv('aes-256-gcm', k, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}

/** A separate key per purpose, so a value derived for one use can never be replayed in another. */
export function deriveKey(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `polygram:${purpose}`, 32));
}

export const hmacHex = (key: Buffer, data: string): string =>
  createHmac('sha256', key).update(data).digest('hex');
