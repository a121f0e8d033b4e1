/**
 * What a provider pasted as an SSH key. We sign in to their server with it unattended, so it must be a
 * private key without a passphrase; a public key (the common mix-up) and a passphrase-protected key get
 * their own refusal so the provider knows what to fix.
 */
export type TKeyCheck = 'ok' | 'public' | 'encrypted' | 'invalid';

const PEM = /^-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----\r?\n([\s\S]+?)\r?\n-----END \1PRIVATE KEY-----$/;
const PUBLIC_KEY = /^(ssh-(rsa|ed25519|dss)|ecdsa-sha2-nistp\d+|sk-[a-z0-9@.-]+) AAAA/;
const OPENSSH_MAGIC = 'openssh-key-v1\0';

/** The cipher an OpenSSH-format key is stored with ("none" when it has no passphrase), or null if malformed. */
function opensshCipher(base64: string): string | null {
  const raw = Buffer.from(base64.replace(/\s+/g, ''), 'base64');
  if (raw.subarray(0, OPENSSH_MAGIC.length).toString('latin1') !== OPENSSH_MAGIC) return null;
  const at = OPENSSH_MAGIC.length;
  if (raw.length < at + 4) return null;
  const length = raw.readUInt32BE(at);
  if (length === 0 || length > 64 || raw.length < at + 4 + length) return null;
  return raw.subarray(at + 4, at + 4 + length).toString('latin1');
}

export function checkPrivateKey(text: string): TKeyCheck {
  const key = text.trim();
  if (PUBLIC_KEY.test(key)) return 'public';
  const pem = PEM.exec(key);
  if (!pem) return 'invalid';
  const [, kind = '', body = ''] = pem;
  if (kind === 'ENCRYPTED ' || /^Proc-Type: 4,ENCRYPTED/m.test(body)) return 'encrypted';
  if (kind === 'OPENSSH ') {
    const cipher = opensshCipher(body);
    if (cipher === null) return 'invalid';
    return cipher === 'none' ? 'ok' : 'encrypted';
  }
  return /^[A-Za-z0-9+/=\s]+$/.test(body) ? 'ok' : 'invalid';
}
