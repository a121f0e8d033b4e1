import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LANGUAGES, LOCALES_DIR, loadTranslator } from '#core/i18n/translator.ts';
import { LISTING_FIELDS, listingFieldKey, type TListingField } from './listing-fields.ts';
import {
  LISTING_ERROR_CODES,
  listingErrorKey,
  parseGpuListing,
  type TListingRefusal,
} from './listing-input.ts';

const translator = loadTranslator(LOCALES_DIR);

// A throwaway PKCS#8 key made with openssl for this test.
const PRIVATE_KEY = [
  '-----BEGIN PRIVATE KEY-----',
  'MC4CAQAwBQYDK2VwBCIEIOw2D657w3b44KUUa3UcVrfSqPyBX9onn9s++L9Lh8oO',
  '-----END PRIVATE KEY-----',
].join('\n');

const valid = () => ({
  model: 'rtx-4090',
  gpuCount: 4,
  vramGb: 24,
  cudaCores: 16_384,
  ramGb: 128,
  cpuModel: 'AMD EPYC 7443P',
  cpuCores: 24,
  diskGb: 2_000,
  ip: '185.199.108.153',
  sshPort: 22,
  ssh: { user: 'root', password: 'correct horse battery' },
  priceCentsPerGpuHour: 45,
  location: { country: 'de', city: ' Falkenstein ' },
});

const refusals = (input: unknown): TListingRefusal[] => {
  const r = parseGpuListing(input);
  assert.equal(r.ok, false, 'expected a refusal');
  return r.ok ? [] : r.refusals;
};
const only = (input: unknown): TListingRefusal => {
  const list = refusals(input);
  assert.equal(list.length, 1, JSON.stringify(list));
  return list[0] as TListingRefusal;
};

test('a complete listing passes, normalised: price as bigint cents, country upper-case, text trimmed', () => {
  const r = parseGpuListing(valid());
  assert.ok(r.ok, r.ok ? '' : JSON.stringify(r.refusals));
  assert.equal(r.listing.priceCentsPerGpuHour, 45n);
  assert.deepEqual(r.listing.location, { country: 'DE', city: 'Falkenstein' });
  assert.equal(r.listing.modelName, undefined);
  const withKey = parseGpuListing({
    ...valid(),
    ssh: { user: 'ubuntu', privateKey: PRIVATE_KEY },
    vnc: { port: 5901, password: 'secret12' },
  });
  assert.ok(withKey.ok, withKey.ok ? '' : JSON.stringify(withKey.refusals));
});

test('"other" needs a name and takes any memory and cores; a catalog model must match one of its variants', () => {
  assert.deepEqual(only({ ...valid(), model: 'other', vramGb: 192, cudaCores: 20_000 }), {
    field: 'modelName',
    code: 'model_name_required',
  });
  assert.ok(
    parseGpuListing({ ...valid(), model: 'other', modelName: 'MI300X', vramGb: 192, cudaCores: 19_456 }).ok,
  );
  assert.deepEqual(only({ ...valid(), vramGb: 48 }), {
    field: 'vramGb',
    code: 'vram_mismatch',
    args: { model: 'RTX 4090', expected: '24' },
  });
  assert.equal(only({ ...valid(), model: 'h100', vramGb: 80, cudaCores: 16_384 }).code, 'cuda_mismatch');
  assert.ok(parseGpuListing({ ...valid(), model: 'h100', vramGb: 94, cudaCores: 16_896 }).ok);
  assert.deepEqual(only({ ...valid(), model: 'rtx-9090' }), { field: 'model', code: 'model_unknown' });
});

test('numbers: bounds come with the refusal, fractions and strings are not whole numbers', () => {
  assert.deepEqual(only({ ...valid(), gpuCount: 17 }), {
    field: 'gpuCount',
    code: 'out_of_range',
    args: { min: 1, max: 16 },
  });
  assert.deepEqual(only({ ...valid(), gpuCount: 0 }).args, { min: 1, max: 16 });
  assert.equal(only({ ...valid(), ramGb: 64.5 }).code, 'not_integer');
  assert.equal(only({ ...valid(), sshPort: '22' }).code, 'not_integer');
  assert.deepEqual(only({ ...valid(), sshPort: 70_000 }), {
    field: 'sshPort',
    code: 'out_of_range',
    args: { min: 1, max: 65_535 },
  });
  // Prices are told in dollars: a provider typing 2 (meaning $2) for 2 ¢ learns the floor is $0.05.
  assert.deepEqual(only({ ...valid(), priceCentsPerGpuHour: 2 }), {
    field: 'priceCentsPerGpuHour',
    code: 'price_out_of_range',
    args: { min: 0.05, max: 50 },
  });
  assert.equal(only({ ...valid(), priceCentsPerGpuHour: 5_001 }).code, 'price_out_of_range');
});

test('addresses: private and loopback are refused as not public, junk as invalid', () => {
  assert.deepEqual(only({ ...valid(), ip: '192.168.0.10' }), { field: 'ip', code: 'ip_not_public' });
  assert.deepEqual(only({ ...valid(), ip: '::1' }), { field: 'ip', code: 'ip_not_public' });
  assert.deepEqual(only({ ...valid(), ip: 'my-server.lan' }), { field: 'ip', code: 'ip_invalid' });
  assert.ok(parseGpuListing({ ...valid(), ip: '2a01:4f8:c17:1234::1' }).ok);
});

test('access: a user and a password or a private key; a public key is named as such', () => {
  assert.deepEqual(only({ ...valid(), ssh: { user: 'root' } }), {
    field: 'ssh.password',
    code: 'ssh_auth_required',
  });
  assert.deepEqual(only({ ...valid(), ssh: { user: '1root', password: 'long enough' } }), {
    field: 'ssh.user',
    code: 'ssh_user_invalid',
  });
  assert.deepEqual(
    only({ ...valid(), ssh: { user: 'root', privateKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI me@pc' } }),
    {
      field: 'ssh.privateKey',
      code: 'ssh_key_public',
    },
  );
  assert.equal(only({ ...valid(), ssh: { user: 'root', privateKey: 'hunter2' } }).code, 'ssh_key_invalid');
  const encrypted = PRIVATE_KEY.replaceAll(' PRIVATE KEY', ' ENCRYPTED PRIVATE KEY');
  assert.deepEqual(only({ ...valid(), ssh: { user: 'root', privateKey: encrypted } }), {
    field: 'ssh.privateKey',
    code: 'ssh_key_encrypted',
  });
  assert.deepEqual(only({ ...valid(), ssh: { user: 'root', password: 'short' } }), {
    field: 'ssh.password',
    code: 'text_length',
    args: { min: 8, max: 256 },
  });
  assert.equal(only({ ...valid(), vnc: { port: 5900, password: '123' } }).field, 'vnc.password');
  // A blank form field is absent; a password keeps its spaces.
  const blank = parseGpuListing({
    ...valid(),
    ssh: { user: 'root', password: ' pass phrase ', privateKey: '' },
  });
  assert.ok(blank.ok);
  assert.deepEqual(blank.listing.ssh, { user: 'root', password: ' pass phrase ', privateKey: undefined });
  assert.deepEqual(only({ ...valid(), ssh: { user: 'root', password: '', privateKey: '  ' } }), {
    field: 'ssh.password',
    code: 'ssh_auth_required',
  });
});

test('location: ISO country codes only, a city is required', () => {
  assert.deepEqual(only({ ...valid(), location: { country: 'EU', city: 'Paris' } }), {
    field: 'location.country',
    code: 'country_invalid',
  });
  assert.equal(only({ ...valid(), location: { country: 'FR', city: '   ' } }).field, 'location.city');
  assert.deepEqual(only({ ...valid(), location: undefined }), { field: 'location', code: 'required' });
});

test('an empty submission reports every missing field at once', () => {
  const list = refusals({});
  const fields = list.map((r) => r.field).sort();
  for (const field of ['model', 'gpuCount', 'vramGb', 'ip', 'ssh', 'priceCentsPerGpuHour', 'location'])
    assert.ok(fields.includes(field), `${field} in ${fields.join(', ')}`);
  assert.ok(
    list.every((r) => r.code === 'required'),
    JSON.stringify(list),
  );
  assert.equal(refusals(null)[0]?.code, 'invalid');
  // Errors in several fields plus a catalog mismatch arrive together.
  const mixed = refusals({ ...valid(), ip: '10.0.0.1', vramGb: 12 }).map((r) => r.code);
  assert.deepEqual(mixed.sort(), ['ip_not_public', 'vram_mismatch']);
});

test('every refusal code and every field has its message in every language, with the arguments it is given', () => {
  const missing: string[] = [];
  for (const lang of LANGUAGES) {
    for (const code of LISTING_ERROR_CODES)
      if (!translator.has(lang, listingErrorKey(code))) missing.push(`${lang} ${code}`);
    for (const field of LISTING_FIELDS)
      if (!translator.has(lang, listingFieldKey(field))) missing.push(`${lang} ${field}`);
    if (!translator.has(lang, 'gpu-listing-model-other')) missing.push(`${lang} model other`);
  }
  assert.deepEqual(missing, []);
  assert.equal(
    translator.t('en', listingErrorKey('price_out_of_range'), { min: 0.05, max: 50 }),
    'Set a price from $0.05 to $50.00 per GPU-hour.',
  );
  assert.equal(
    translator.t('ru', listingErrorKey('out_of_range'), { min: 1, max: 16 }),
    'Введите целое число от 1 до 16.',
  );
});

test('every field a refusal names is a known field with a label', () => {
  const inputs: unknown[] = [
    {},
    { ...valid(), ssh: {}, vnc: {}, location: {} },
    { ...valid(), model: 'other', vramGb: 0.5 },
  ];
  for (const input of inputs)
    for (const r of refusals(input))
      assert.ok(
        (LISTING_FIELDS as readonly string[]).includes(r.field as TListingField),
        `unknown field ${r.field}`,
      );
});
