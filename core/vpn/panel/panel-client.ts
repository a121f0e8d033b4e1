import { setTimeout as sleep } from 'node:timers/promises';
import {
  CreateUserCommand,
  DeleteUserCommand,
  DeleteUserHwidDeviceCommand,
  DisableUserCommand,
  EnableUserCommand,
  GetInternalSquadsCommand,
  GetNodesCommand,
  GetUserByIdCommand,
  GetUserByUsernameCommand,
  GetUserHwidDevicesCommand,
  GetUsersStreamCommand,
  ResetUserTrafficCommand,
  RevokeUserSubscriptionCommand,
  type TResetPeriods,
  UpdateUserCommand,
} from '@remnawave/backend-contract';
import type { TPanelConfig } from './panel-config.ts';
import { isPanelError, PanelError } from './panel-error.ts';
import { backoffMs, createPanelTransport, type TPanelRequest } from './panel-transport.ts';
import { assertSupportedVersion, readPanelVersion } from './panel-version.ts';

export type TPanelUser = CreateUserCommand.Response['response'];
export type TPanelNode = GetNodesCommand.Response['response'][number];
export type TPanelInternalSquad = GetInternalSquadsCommand.Response['response']['internalSquads'][number];
export type TPanelHwidDevices = GetUserHwidDevicesCommand.Response['response'];

/** A panel user for one of our Telegram users; the username is derived from the Telegram id. */
export type TNewPanelUser = {
  telegramId: bigint;
  expireAt: Date;
  /** 0 = unlimited. */
  trafficLimitBytes?: number;
  trafficLimitStrategy?: TResetPeriods;
  hwidDeviceLimit?: number;
  activeInternalSquads?: string[];
  description?: string;
  /** `^[A-Z0-9_]+$`, at most 16: TRIAL / PAID style marker. */
  tag?: string | null;
};

/** A partial update of one panel user (by its numeric id); `expireAt` must be in the future. */
export type TPanelUserChanges = Omit<UpdateUserCommand.RequestBody, 'id' | 'username'>;

/** `tg_<id>`: one stable panel username per Telegram user is what makes provisioning idempotent. */
export function panelUsernameFor(telegramId: bigint): string {
  return `tg_${telegramId}`;
}

const USER_ALREADY_ENABLED = 'A030';
const USER_ALREADY_DISABLED = 'A029';
/** Users one Telegram id may have on the panel; more than this is not ours to page through. */
const MAX_USERS_PER_TELEGRAM_ID = 1_000;

/** Our JSON of a request body, checked against the contract's request schema before it leaves. */
function wireBody(route: string, schema: { safeParse(input: unknown): { success: boolean } }, body: unknown) {
  const wire: unknown = JSON.parse(JSON.stringify(body));
  if (!schema.safeParse(wire).success)
    throw new PanelError({
      kind: 'invalid',
      route,
      message: 'the request does not match the panel contract',
    });
  return wire;
}

export type TPanelClient = ReturnType<typeof createPanelClient>;

export function createPanelClient(config: TPanelConfig) {
  const send = createPanelTransport(config);

  /** A read that answers null for a user the panel does not have. */
  async function orNull<T>(request: TPanelRequest<T>): Promise<T | null> {
    try {
      return await send(request);
    } catch (error) {
      if (isPanelError(error, 'not_found')) return null;
      throw error;
    }
  }

  async function getUserById(id: number): Promise<TPanelUser | null> {
    const answer = await orNull({
      method: 'GET',
      route: GetUserByIdCommand.TSQ_url,
      path: GetUserByIdCommand.url(String(id)),
      schema: GetUserByIdCommand.ResponseSchema,
      idempotent: true,
    });
    return answer?.response ?? null;
  }

  async function getUserByUsername(username: string): Promise<TPanelUser | null> {
    const answer = await orNull({
      method: 'GET',
      route: GetUserByUsernameCommand.TSQ_url,
      path: GetUserByUsernameCommand.url(encodeURIComponent(username)),
      schema: GetUserByUsernameCommand.ResponseSchema,
      idempotent: true,
    });
    return answer?.response ?? null;
  }

  /** Every panel user with this Telegram id (3.x has no by-telegram-id route: the stream filters). */
  async function getUsersByTelegramId(telegramId: bigint): Promise<TPanelUser[]> {
    const users: TPanelUser[] = [];
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ telegramId: String(telegramId), size: '250' });
      if (cursor !== null) query.set('cursor', cursor);
      const page = await send({
        method: 'GET',
        route: GetUsersStreamCommand.TSQ_url,
        path: `${GetUsersStreamCommand.url}?${query}`,
        schema: GetUsersStreamCommand.ResponseSchema,
        idempotent: true,
      });
      users.push(...page.response.users);
      cursor = page.response.hasMore ? page.response.nextCursor : null;
    } while (cursor !== null && users.length < MAX_USERS_PER_TELEGRAM_ID);
    return users;
  }

  /**
   * Creates the panel user for a Telegram user. A create is not idempotent: if it failed in transit it may
   * have landed anyway, and sending it again would then answer "username exists" (or, on a panel without
   * that check, make a second user). So before each repeat we look the username up and return what landed.
   */
  async function createUser(input: TNewPanelUser): Promise<TPanelUser> {
    const username = panelUsernameFor(input.telegramId);
    const route = CreateUserCommand.TSQ_url;
    const { telegramId, ...rest } = input;
    const body = wireBody(`POST ${route}`, CreateUserCommand.RequestBodySchema, {
      ...rest,
      username,
      telegramId: Number(telegramId),
    });
    for (let attempt = 1; ; attempt++) {
      try {
        const answer = await send({
          method: 'POST',
          route,
          path: CreateUserCommand.url,
          body,
          schema: CreateUserCommand.ResponseSchema,
          idempotent: false,
        });
        return answer.response;
      } catch (error) {
        if (!isPanelError(error) || !error.transient || attempt >= config.maxAttempts) throw error;
        await sleep(backoffMs(attempt, config.retryBaseMs ?? 300));
        const landed = await getUserByUsername(username);
        if (landed) return landed;
      }
    }
  }

  /**
   * Idempotent provisioning: the user's panel account, made if absent. Two jobs for one payment racing
   * here both end with the same account: the loser's create answers "username exists" and reads it back.
   */
  async function ensureUser(input: TNewPanelUser): Promise<{ user: TPanelUser; created: boolean }> {
    const username = panelUsernameFor(input.telegramId);
    const existing = await getUserByUsername(username);
    if (existing) return { user: existing, created: false };
    try {
      return { user: await createUser(input), created: true };
    } catch (error) {
      if (!isPanelError(error, 'conflict')) throw error;
      const winner = await getUserByUsername(username);
      if (!winner) throw error;
      return { user: winner, created: false };
    }
  }

  /** Sets the fields given; absolute values, so a repeat does no harm. */
  async function updateUser(id: number, changes: TPanelUserChanges): Promise<TPanelUser> {
    const route = UpdateUserCommand.TSQ_url;
    const body = wireBody(`PATCH ${route}`, UpdateUserCommand.RequestBodySchema, { ...changes, id });
    const answer = await send({
      method: 'PATCH',
      route,
      path: UpdateUserCommand.url,
      body,
      schema: UpdateUserCommand.ResponseSchema,
      idempotent: true,
    });
    return answer.response;
  }

  /**
   * Enable and disable answer 400 "already enabled/disabled" when repeated; that state is what we asked
   * for, so a repeat (ours after a lost answer, or a job's) reads the user instead of failing.
   */
  async function setEnabled(id: number, enabled: boolean): Promise<TPanelUser> {
    const command = enabled ? EnableUserCommand : DisableUserCommand;
    try {
      const answer = await send({
        method: 'POST',
        route: command.TSQ_url,
        path: command.url(String(id)),
        schema: command.ResponseSchema,
        idempotent: true,
      });
      return answer.response;
    } catch (error) {
      const already = enabled ? USER_ALREADY_ENABLED : USER_ALREADY_DISABLED;
      if (!isPanelError(error, 'invalid') || error.panelCode !== already) throw error;
      const user = await getUserById(id);
      if (!user)
        throw new PanelError({ kind: 'not_found', route: error.route, message: `user ${id} is gone` });
      return user;
    }
  }

  async function resetTraffic(id: number): Promise<TPanelUser> {
    const answer = await send({
      method: 'POST',
      route: ResetUserTrafficCommand.TSQ_url,
      path: ResetUserTrafficCommand.url(String(id)),
      schema: ResetUserTrafficCommand.ResponseSchema,
      // Resetting to zero twice leaves zero.
      idempotent: true,
    });
    return answer.response;
  }

  /** A new subscription link (new short uuid); the old one stops working. */
  async function revokeSubscription(id: number): Promise<TPanelUser> {
    const answer = await send({
      method: 'POST',
      route: RevokeUserSubscriptionCommand.TSQ_url,
      path: RevokeUserSubscriptionCommand.url(String(id)),
      body: {},
      schema: RevokeUserSubscriptionCommand.ResponseSchema,
      // Each call makes another link: a repeat after a lost answer would revoke the link the user just got.
      idempotent: false,
    });
    return answer.response;
  }

  /** False when the panel had no such user (already deleted, e.g. by a repeat). */
  async function deleteUser(id: number): Promise<boolean> {
    const done = await orNull({
      method: 'DELETE',
      route: DeleteUserCommand.TSQ_url,
      path: DeleteUserCommand.url(String(id)),
      // 3.x answers 204 with no body.
      schema: null,
      idempotent: true,
    });
    return done !== null;
  }

  async function listInternalSquads(): Promise<TPanelInternalSquad[]> {
    const answer = await send({
      method: 'GET',
      route: GetInternalSquadsCommand.TSQ_url,
      path: GetInternalSquadsCommand.url,
      schema: GetInternalSquadsCommand.ResponseSchema,
      idempotent: true,
    });
    return answer.response.internalSquads;
  }

  async function listNodes(): Promise<TPanelNode[]> {
    const answer = await send({
      method: 'GET',
      route: GetNodesCommand.TSQ_url,
      path: GetNodesCommand.url,
      schema: GetNodesCommand.ResponseSchema,
      idempotent: true,
    });
    return answer.response;
  }

  async function listUserHwidDevices(userId: number): Promise<TPanelHwidDevices> {
    const answer = await send({
      method: 'GET',
      route: GetUserHwidDevicesCommand.TSQ_url,
      path: GetUserHwidDevicesCommand.url(String(userId)),
      schema: GetUserHwidDevicesCommand.ResponseSchema,
      idempotent: true,
    });
    return answer.response;
  }

  /** The user's devices after removing one; removing a device that is gone again changes nothing. */
  async function deleteUserHwidDevice(userId: number, hwid: string): Promise<TPanelHwidDevices> {
    const route = DeleteUserHwidDeviceCommand.TSQ_url;
    const answer = await send({
      method: 'POST',
      route,
      path: DeleteUserHwidDeviceCommand.url,
      body: wireBody(`POST ${route}`, DeleteUserHwidDeviceCommand.RequestBodySchema, { userId, hwid }),
      schema: DeleteUserHwidDeviceCommand.ResponseSchema,
      idempotent: true,
    });
    return answer.response;
  }

  return {
    /** The panel's version; see assertSupportedVersion. */
    readPanelVersion: () => readPanelVersion(send),
    /** Reads the version and throws an `unsupported` PanelError naming it unless this client speaks it. */
    async checkVersion(): Promise<string> {
      const version = await readPanelVersion(send);
      assertSupportedVersion(version);
      return version;
    },
    getUserById,
    getUserByUsername,
    getUsersByTelegramId,
    createUser,
    ensureUser,
    updateUser,
    enableUser: (id: number) => setEnabled(id, true),
    disableUser: (id: number) => setEnabled(id, false),
    resetTraffic,
    revokeSubscription,
    deleteUser,
    listInternalSquads,
    listNodes,
    listUserHwidDevices,
    deleteUserHwidDevice,
  };
}
