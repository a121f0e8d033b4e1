import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadEnv } from '#core/config/env.ts';
import { createFileStore } from './create-file-store.ts';

const base = {
  BOT_TOKEN: '1:user',
  ADMIN_BOT_TOKEN: '2:admin',
  DATABASE_URL: 'postgresql://127.0.0.1/x',
  DATA_ENCRYPTION_KEY: 'a'.repeat(64),
  SMTP_URL: 'smtp://127.0.0.1:1',
};
const s3 = {
  S3_ENDPOINT: 'http://127.0.0.1:9000',
  S3_BUCKET: 'files',
  S3_REGION: 'eu-central-1',
  S3_ACCESS_KEY_ID: 'AKIA',
  S3_SECRET_ACCESS_KEY: 'secret',
};
const problems = (env: Record<string, string>) => {
  try {
    loadEnv({ ...base, ...env });
    return [];
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.problems;
  }
};

test('local disk under FILES_DIR by default, S3 when all five S3_* variables are set', () => {
  const local = loadEnv(base);
  assert.equal(local.FILES_DIR, 'storage');
  assert.equal(local.FILE_CLEANUP_TZ, 'UTC');
  assert.equal(createFileStore(local).storage, 'local');
  assert.equal(createFileStore(loadEnv({ ...base, ...s3 })).storage, 's3');
});

test('S3 settings go all together, and the cleanup time zone must be a real one', () => {
  const { S3_SECRET_ACCESS_KEY: _, ...partial } = s3;
  assert.deepEqual(problems(partial), [
    'S3_ENDPOINT: S3_ENDPOINT, S3_BUCKET, S3_REGION, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together',
  ]);
  assert.match(problems({ ...s3, S3_ENDPOINT: 'not a url' }).join(), /^S3_ENDPOINT:/);
  assert.match(
    problems({ FILE_CLEANUP_TZ: 'Mars/Olympus' }).join(),
    /^FILE_CLEANUP_TZ: must be an IANA time zone/,
  );
  assert.equal(loadEnv({ ...base, FILE_CLEANUP_TZ: 'Europe/Moscow' }).FILE_CLEANUP_TZ, 'Europe/Moscow');
});
