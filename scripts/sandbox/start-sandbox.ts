import { relative } from 'node:path';
import { createPrisma } from '#core/db/create-prisma.ts';
import { type AppProcessName, startAppProcesses } from '#sandbox/launch/spawn-app-processes.ts';
import { TelegramTestClient } from '#sandbox/telegram/client.ts';
import type { UpsertUserInput } from '#sandbox/telegram/control/control-schemas.ts';
import { buildMiniApp, miniAppIsBuilt } from '#scripts/dev/build-miniapp.ts';
import { CleanupStack } from '#scripts/dev/cleanup-stack.ts';
import { prepareDatabase } from '#scripts/dev/prepare-database.ts';
import { readAppPeople } from './app-people.ts';
import { chooseStores, type TStoreChoices } from './choose-stores.ts';
import type { TEmbeddedPostgresModules } from './embedded-postgres-package.ts';
import { startLocalRedis } from './local-redis.ts';
import { resolvePorts } from './port-check.ts';
import { resyncVpnToFreshPanel } from './resync-vpn.ts';
import type { TWhereLine } from './sandbox-banner.ts';
import type { TPortName, TSandboxConfig } from './sandbox-config.ts';
import { appUrlOf, sandboxAppEnv } from './sandbox-env.ts';
import { openSandboxLogs, type TSandboxLogs } from './sandbox-logs.ts';
import { whereLines } from './sandbox-where.ts';
import { seedDemo, type TSeedSummary } from './seed-demo.ts';
import { seedTelegramWorld } from './seed-telegram-world.ts';
import { buildEmulatorIfMissing, startSandboxEmulator } from './start-emulator.ts';
import { startSandboxPostgres } from './start-postgres.ts';
import { startStandIns, type TStandIns } from './start-stand-ins.ts';

export interface TSandboxHooks {
  /** A line of progress for the person waiting ("Applying migrations"). */
  step?: (text: string) => void;
  /** The app or worker died after it was ready; `tail` holds its last log lines. */
  onUnexpectedExit?: (name: AppProcessName, tail: string) => void;
  /** The embedded-postgres package, loaded by name by default; a copy of it elsewhere for trying it out. */
  loadEmbeddedPostgres?: () => Promise<TEmbeddedPostgresModules>;
}

export interface TStartedSandbox {
  /** The one URL to open: the chat emulator. */
  url: string;
  appUrl: string;
  telegramUrl: string;
  databaseUrl: string;
  redisUrl: string;
  ports: Record<TPortName, number>;
  where: TWhereLine[];
  logFiles: TSandboxLogs['files'];
  seed: TSeedSummary;
}

/** stop() was called while starting: the start ends at the next step, and what it started is stopped. */
export class SandboxStopped extends Error {
  override name = 'SandboxStopped';
}

/**
 * `npm run sandbox`: the platform offline. start() brings it up in dependency order, stop() takes down in
 * reverse exactly what start() brought up (a PostgreSQL or Redis it found running is used, never stopped),
 * kill() ends it at once. stop() during start() waits for the step in progress, then unwinds.
 */
export class SandboxLauncher {
  readonly #config: TSandboxConfig;
  readonly #hooks: TSandboxHooks;
  readonly #cleanup = new CleanupStack();
  readonly #kills: (() => void)[] = [];
  #stopping = false;
  #starting: Promise<TStartedSandbox> | null = null;

  constructor(config: TSandboxConfig, hooks: TSandboxHooks = {}) {
    this.#config = config;
    this.#hooks = hooks;
  }

  start(): Promise<TStartedSandbox> {
    // A failed start stops what it had started; stop() then reports what could not be stopped.
    this.#starting ??= this.#start().catch(async (error: unknown) => {
      await this.#cleanup.run();
      throw error;
    });
    return this.#starting;
  }

  /** Resolves with a line for each thing that failed to stop; an empty list means all of it stopped. */
  async stop(): Promise<string[]> {
    this.#stopping = true;
    await this.#starting?.catch(() => undefined);
    return this.#cleanup.run();
  }

  /** SIGKILL to every process the sandbox started; the in-process servers end with this process. */
  kill(): void {
    this.#stopping = true;
    for (const kill of [...this.#kills].reverse()) {
      try {
        kill();
      } catch {
        // Already gone: nothing left to kill.
      }
    }
  }

  #step(text: string): void {
    this.#hooks.step?.(text);
  }

  /** Registers what a step started, then ends the start here if stop() was called meanwhile. */
  #own(name: string, close: () => Promise<unknown> | unknown, kill?: () => void): void {
    this.#cleanup.add(name, close);
    if (kill) this.#kills.push(kill);
    this.#checkpoint();
  }

  #checkpoint(): void {
    if (this.#stopping) throw new SandboxStopped('stopped while starting');
  }

  async #start(): Promise<TStartedSandbox> {
    const ports = await resolvePorts(this.#config.ports);
    this.#step('Looking for PostgreSQL and Redis');
    const stores = await chooseStores(this.#config, ports);
    const logs = openSandboxLogs(this.#config.logDir);
    this.#own('the log files', () => logs.close());
    const databaseUrl = await this.#providePostgres(stores.postgres, logs);
    const redisUrl = await this.#provideRedis(stores.redis, logs);
    const { seed, people } = await this.#prepareDatabase(databaseUrl);
    await this.#buildPages();

    this.#step('Starting the stand-ins, the app and the worker');
    const standIns = await startStandIns({
      ports,
      logger: logs.sandboxLogger,
      own: (n, c) => this.#own(n, c),
    });
    await seedTelegramWorld(new TelegramTestClient(standIns.telegramUrl), people);
    await this.#startApp(ports, { databaseUrl, redisUrl, standIns, logs });
    const appUrl = appUrlOf(ports.app);
    const emulator = await startSandboxEmulator({
      port: ports.emulator,
      telegramUrl: standIns.telegramUrl,
      miniAppUrl: `${appUrl}/`,
      mailInboxUrl: standIns.mailInboxUrl,
      logger: logs.sandboxLogger,
    });
    this.#own('the chat emulator', () => emulator.close());
    return {
      url: emulator.url,
      appUrl,
      telegramUrl: standIns.telegramUrl,
      databaseUrl,
      redisUrl,
      ports,
      where: whereLines({ appUrl, databaseUrl, redisUrl, stores, standIns }),
      logFiles: logs.files,
      seed,
    };
  }

  async #providePostgres(choice: TStoreChoices['postgres'], logs: TSandboxLogs): Promise<string> {
    if (choice.kind === 'found') return choice.url;
    const where = relative(this.#config.root, this.#config.postgresDir);
    this.#step(`No PostgreSQL answered (${choice.why}); starting one in ${where}`);
    const server = await startSandboxPostgres({
      dir: this.#config.postgresDir,
      port: choice.port,
      mayCreateUser: this.#config.mayCreatePostgresUser,
      log: logs.postgresLogger,
      modules: await this.#hooks.loadEmbeddedPostgres?.(),
    });
    this.#own(
      'the embedded PostgreSQL',
      () => server.stop(),
      () => server.kill(),
    );
    return choice.url;
  }

  async #provideRedis(choice: TStoreChoices['redis'], logs: TSandboxLogs): Promise<string> {
    if (choice.kind === 'found') return choice.url;
    this.#step(`No Redis answered (${choice.why}); starting ${choice.binary}`);
    const server = await startLocalRedis({
      binary: choice.binary,
      port: choice.port,
      dir: this.#config.redisDir,
      logFile: logs.files.redis,
    });
    this.#own(
      'the local redis-server',
      () => server.stop(),
      () => server.kill(),
    );
    return choice.url;
  }

  /**
   * Migrations on every run (a new one lands on the next start), then the idempotent demo data; then
   * everyone with an account, for the local Bot API to know (seed-telegram-world.ts says why).
   */
  async #prepareDatabase(databaseUrl: string): Promise<{ seed: TSeedSummary; people: UpsertUserInput[] }> {
    this.#step(`Applying migrations to ${new URL(databaseUrl).pathname.slice(1)}`);
    await prepareDatabase(databaseUrl);
    this.#checkpoint();
    this.#step('Seeding demo data');
    const db = createPrisma(databaseUrl, { maxConnections: 2 });
    try {
      const seed = await seedDemo(db);
      await resyncVpnToFreshPanel(db);
      const people = await readAppPeople(db);
      this.#checkpoint();
      return { seed, people };
    } finally {
      await db.$disconnect();
    }
  }

  async #buildPages(): Promise<void> {
    if (!miniAppIsBuilt()) {
      this.#step('Building the Mini App into dist/miniapp (first run only)');
      await buildMiniApp();
      this.#checkpoint();
    }
    await buildEmulatorIfMissing((text) => this.#step(text));
    this.#checkpoint();
  }

  async #startApp(
    ports: Record<TPortName, number>,
    at: { databaseUrl: string; redisUrl: string; standIns: TStandIns; logs: TSandboxLogs },
  ): Promise<void> {
    const env = sandboxAppEnv(this.#config, {
      appPort: ports.app,
      databaseUrl: at.databaseUrl,
      redisUrl: at.redisUrl,
      telegramUrl: at.standIns.telegramUrl,
      smtpUrl: at.standIns.smtpUrl,
      services: at.standIns.servicesEnv,
    });
    const processes = await startAppProcesses({
      env,
      sink: at.logs.sink,
      onUnexpectedExit: (name) => {
        if (!this.#stopping) this.#hooks.onUnexpectedExit?.(name, at.logs.tail(name));
      },
    });
    this.#own(
      'the app and the worker',
      () => processes.stop(),
      () => processes.kill(),
    );
  }
}
