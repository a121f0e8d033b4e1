/**
 * Who exists in the sandbox: the two bots, the people in the chat emulator (the same ids are accounts in
 * the demo database), the support group. Fixed values, so the database, printed links and signed Mini App
 * sessions carry over between runs. The tokens mean nothing outside the local Bot API.
 */

export type TSandboxLang = 'ru' | 'en';

export interface TSandboxBot {
  token: string;
  username: string;
  title: string;
  kind: 'user' | 'admin';
}

export interface TSandboxPerson {
  id: number;
  firstName: string;
  lastName?: string;
  username: string;
  language: TSandboxLang;
}

export const USER_BOT: TSandboxBot = {
  token: '2000001:sandbox-user-bot-token-polygram-offline',
  username: 'polygram_sandbox_bot',
  title: 'Polygram',
  kind: 'user',
};

export const ADMIN_BOT: TSandboxBot = {
  token: '2000002:sandbox-admin-bot-token-polygram-offline',
  username: 'polygram_admin_sandbox_bot',
  title: 'Polygram Admin',
  kind: 'admin',
};

/** The first person in the emulator, and the super admin (SUPER_ADMIN_IDS): the admin bot works at once. */
export const SUPER_ADMIN: TSandboxPerson = { id: 1001, firstName: 'Alex', username: 'alex', language: 'en' };

/** Demo customers: each has a history in the demo data (scripts/sandbox/demo-data.ts). */
export const MARIA: TSandboxPerson = {
  id: 1002,
  firstName: 'Мария',
  lastName: 'Иванова',
  username: 'maria',
  language: 'ru',
};
export const BEN: TSandboxPerson = { id: 1003, firstName: 'Ben', username: 'ben', language: 'en' };
export const CHEN: TSandboxPerson = { id: 1004, firstName: 'Chen', username: 'chen', language: 'en' };

/** Answers in the support group; Alex is a member too, as staff usually are. */
export const SUPPORT_AGENT: TSandboxPerson = {
  id: 9001,
  firstName: 'Agent',
  username: 'support_agent',
  language: 'ru',
};

export const PEOPLE: readonly TSandboxPerson[] = [SUPER_ADMIN, MARIA, BEN, CHEN, SUPPORT_AGENT];

/** At or below -1000000000000: a supergroup, as support chats usually are. */
export const SUPPORT_CHAT = { id: -1_000_000_000_042, title: 'Polygram support' } as const;

/**
 * Secrets of the local world. Fixed so that what the app encrypts at rest stays readable across runs and
 * the stand-ins accept the same keys the app was given. Sandbox only.
 */
export const SANDBOX_SECRETS = {
  dataEncryptionKey: '5a0d5a0d5a0d5a0d5a0d5a0d5a0d5a0d5a0d5a0d5a0d5a0d5a0d5a0d5a0d5a0d',
  yookassa: { shopId: 'sandbox-shop', secretKey: 'sandbox-yookassa-secret' },
  cryptopayToken: 'sandbox-cryptopay-token',
  openAiKey: 'sk-sandbox-openai-key',
  predictionsToken: 'r8_sandbox-predictions-token',
  bigquery: { project: 'polygram-sandbox', dataset: 'analytics', token: 'sandbox-bigquery-token' },
  /** The embedded PostgreSQL's superuser password; it listens on 127.0.0.1 only. */
  postgresPassword: 'sandbox',
} as const;
