// The panel's state and its rules for users, devices, nodes and squads, in memory, one per stand-in.
// Every change that the real panel announces is reported through `onEvent` (webhooks are built from it).
import { randomBytes, randomUUID } from 'node:crypto';
import type { CreateUserCommand, ERRORS, EVENTS, UpdateUserCommand } from '@remnawave/backend-contract';
import type { TPanelError } from './remnawave-replies.ts';
import { sampleInfrastructure, type TNode, type TSquad } from './remnawave-sample-infra.ts';

export type TUserStatus = 'ACTIVE' | 'DISABLED' | 'LIMITED' | 'EXPIRED';

export type TDevice = {
  hwid: string;
  platform: string | null;
  osVersion: string | null;
  deviceModel: string | null;
  userAgent: string | null;
  requestIp: string | null;
  createdAt: Date;
  updatedAt: Date;
};

export type TStoredUser = {
  id: number;
  username: string;
  expireAt: Date;
  shortUuid: string;
  status: TUserStatus;
  trafficLimitBytes: number;
  trafficLimitStrategy: NonNullable<CreateUserCommand.RequestBody['trafficLimitStrategy']>;
  telegramId: number | null;
  email: string | null;
  description: string | null;
  tag: string | null;
  hwidDeviceLimit: number | null;
  externalSquadUuid: string | null;
  trojanPassword: string;
  vlessUuid: string;
  ssPassword: string;
  lastTriggeredThreshold: number;
  subRevokedAt: Date | null;
  lastTrafficResetAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
  squadUuids: string[];
  usedTrafficBytes: number;
  lifetimeUsedTrafficBytes: number;
  onlineAt: Date | null;
  firstConnectedAt: Date | null;
  lastConnectedNodeUuid: string | null;
  devices: TDevice[];
};

type TValues<T> = T[keyof T];
/** The panel's event names, from the contract's EVENTS. */
export type TUserEvent = TValues<typeof EVENTS.USER>;
type TDeviceEvent = TValues<typeof EVENTS.USER_HWID_DEVICES>;
type TNodeEvent = TValues<typeof EVENTS.NODE>;

export type TPanelEvent =
  | {
      scope: 'user';
      event: TUserEvent;
      user: TStoredUser;
      meta: { notConnectedAfterHours: number | null; expiration: number | null } | null;
    }
  | { scope: 'user_hwid_devices'; event: TDeviceEvent; user: TStoredUser; device: TDevice }
  | { scope: 'node'; event: TNodeEvent; node: TNode };

export type TResult<T> = { ok: true; value: T } | { ok: false; error: TPanelError };

type TErrors = typeof ERRORS;
type TCreate = CreateUserCommand.RequestBody;
type TUpdate = UpdateUserCommand.RequestBody;

const DAY_MS = 86_400_000;

export type TStoreOptions = {
  errors: TErrors;
  onEvent: (event: TPanelEvent) => void;
  /** BANDWIDTH_USAGE_NOTIFICATIONS_THRESHOLD, percents of the limit. */
  bandwidthThresholds: number[];
  now?: () => Date;
};

export class RemnawaveStore {
  private users = new Map<number, TStoredUser>();
  private lastUserId = 0;
  squads: TSquad[] = [];
  nodes: TNode[] = [];
  private readonly now: () => Date;

  constructor(private readonly opts: TStoreOptions) {
    this.now = opts.now ?? (() => new Date());
    this.reset();
  }

  /** Back to a fresh panel: no users, the two sample squads and nodes, all online. */
  reset(): void {
    this.users = new Map();
    this.lastUserId = 0;
    const sample = sampleInfrastructure(this.now());
    this.squads = sample.squads;
    this.nodes = sample.nodes;
  }

  list(): TStoredUser[] {
    return [...this.users.values()];
  }

  byId(id: number): TStoredUser | undefined {
    return this.users.get(id);
  }

  byUsername(username: string): TStoredUser | undefined {
    return this.list().find((u) => u.username === username);
  }

  byShortUuid(shortUuid: string): TStoredUser | undefined {
    return this.list().find((u) => u.shortUuid === shortUuid);
  }

  create(input: TCreate): TResult<TStoredUser> {
    const e = this.opts.errors;
    if (this.byUsername(input.username)) return fail(e.USER_USERNAME_ALREADY_EXISTS);
    if (input.shortUuid !== undefined && this.byShortUuid(input.shortUuid))
      return fail(e.USER_SHORT_UUID_ALREADY_EXISTS);
    const squads = input.activeInternalSquads ?? [];
    // An unknown squad breaks the panel's foreign key inside its create transaction.
    if (!this.squadsExist(squads)) return fail(e.CREATE_USER_WITH_INTERNAL_SQUAD_ERROR);
    const at = this.now();
    const user: TStoredUser = {
      id: ++this.lastUserId,
      username: input.username,
      // The panel stores the status it is given, even with a past expireAt: its expiry job moves it later.
      status: input.status ?? 'ACTIVE',
      shortUuid: input.shortUuid ?? newShortUuid(),
      trafficLimitBytes: input.trafficLimitBytes ?? 0,
      trafficLimitStrategy: input.trafficLimitStrategy ?? 'NO_RESET',
      expireAt: input.expireAt,
      telegramId: input.telegramId ?? null,
      email: input.email ?? null,
      description: input.description ?? null,
      tag: input.tag ?? null,
      hwidDeviceLimit: input.hwidDeviceLimit ?? null,
      externalSquadUuid: input.externalSquadUuid ?? null,
      trojanPassword: input.trojanPassword ?? secret(30),
      vlessUuid: input.vlessUuid ?? randomUUID(),
      ssPassword: input.ssPassword ?? secret(32),
      lastTriggeredThreshold: 0,
      subRevokedAt: null,
      lastTrafficResetAt: input.lastTrafficResetAt ?? null,
      createdAt: input.createdAt ?? at,
      updatedAt: at,
      squadUuids: [...new Set(squads)],
      usedTrafficBytes: 0,
      lifetimeUsedTrafficBytes: 0,
      onlineAt: null,
      firstConnectedAt: null,
      lastConnectedNodeUuid: null,
      devices: [],
    };
    this.users.set(user.id, user);
    this.userEvent('user.created', user);
    return { ok: true, value: user };
  }

  update(input: TUpdate): TResult<TStoredUser> {
    const e = this.opts.errors;
    // The id wins when both are given, as in the panel's lookup.
    const user = input.id !== undefined ? this.byId(input.id) : this.byUsername(input.username ?? '');
    if (!user) return fail(e.USER_NOT_FOUND);
    if (input.activeInternalSquads && !this.squadsExist(input.activeInternalSquads))
      return fail(e.UPDATE_USER_ERROR);
    const set = <K extends keyof TStoredUser>(key: K, value: TStoredUser[K] | undefined) => {
      if (value !== undefined) user[key] = value;
    };
    set('trafficLimitBytes', input.trafficLimitBytes);
    set('trafficLimitStrategy', input.trafficLimitStrategy);
    set('expireAt', input.expireAt);
    set('description', input.description);
    set('tag', input.tag);
    set('telegramId', input.telegramId);
    set('email', input.email);
    set('hwidDeviceLimit', input.hwidDeviceLimit);
    set('externalSquadUuid', input.externalSquadUuid);
    if (input.activeInternalSquads) user.squadUuids = [...new Set(input.activeInternalSquads)];
    const before = user.status;
    if (input.status !== undefined) user.status = input.status;
    // LIMITED and EXPIRED are the panel's own: a new limit or a future expiry lifts them.
    else if (before === 'EXPIRED' && input.expireAt !== undefined) user.status = 'ACTIVE';
    else if (before === 'LIMITED' && input.trafficLimitBytes !== undefined && !this.overLimit(user))
      user.status = 'ACTIVE';
    user.updatedAt = this.now();
    this.userEvent('user.modified', user);
    if (before !== 'DISABLED' && user.status === 'DISABLED') this.userEvent('user.disabled', user);
    if (before === 'DISABLED' && user.status === 'ACTIVE') this.userEvent('user.enabled', user);
    return { ok: true, value: user };
  }

  delete(id: number): TResult<TStoredUser> {
    const user = this.byId(id);
    if (!user) return fail(this.opts.errors.USER_NOT_FOUND);
    this.users.delete(id);
    this.userEvent('user.deleted', user);
    return { ok: true, value: user };
  }

  enable(id: number): TResult<TStoredUser> {
    return this.withUser(id, (user) => {
      if (user.status === 'ACTIVE') return fail(this.opts.errors.USER_ALREADY_ENABLED);
      user.status = 'ACTIVE';
      return this.changed(user, 'user.enabled');
    });
  }

  disable(id: number): TResult<TStoredUser> {
    return this.withUser(id, (user) => {
      if (user.status === 'DISABLED') return fail(this.opts.errors.USER_ALREADY_DISABLED);
      user.status = 'DISABLED';
      return this.changed(user, 'user.disabled');
    });
  }

  resetTraffic(id: number): TResult<TStoredUser> {
    return this.withUser(id, (user) => {
      user.usedTrafficBytes = 0;
      user.lastTriggeredThreshold = 0;
      user.lastTrafficResetAt = this.now();
      if (user.status === 'LIMITED') user.status = 'ACTIVE';
      return this.changed(user, 'user.traffic_reset');
    });
  }

  /** A new short uuid (so a new subscription URL) unless only the passwords are to change. */
  revoke(id: number, opts: { revokeOnlyPasswords?: boolean; shortUuid?: string }): TResult<TStoredUser> {
    return this.withUser(id, (user) => {
      if (!opts.revokeOnlyPasswords) {
        const shortUuid = opts.shortUuid ?? newShortUuid();
        const holder = this.byShortUuid(shortUuid);
        if (holder && holder !== user) return fail(this.opts.errors.USER_SHORT_UUID_ALREADY_EXISTS);
        user.shortUuid = shortUuid;
      }
      user.vlessUuid = randomUUID();
      user.trojanPassword = secret(30);
      user.ssPassword = secret(32);
      user.subRevokedAt = this.now();
      return this.changed(user, 'user.revoked');
    });
  }

  /** 3.x extend: an expired user restarts from now and becomes ACTIVE; others add to their expiry. */
  extend(id: number, days: number): TResult<TStoredUser> {
    return this.withUser(id, (user) => {
      const from = user.status === 'EXPIRED' ? this.now() : user.expireAt;
      user.expireAt = new Date(from.getTime() + days * DAY_MS);
      if (user.status === 'EXPIRED') user.status = 'ACTIVE';
      return this.changed(user, 'user.modified');
    });
  }

  /** What the nodes report: traffic, the first connection, thresholds, and LIMITED at the limit. */
  addTraffic(id: number, bytes: number, nodeUuid?: string): TResult<TStoredUser> {
    return this.withUser(id, (user) => {
      const at = this.now();
      const node = this.nodes.find((n) => n.uuid === nodeUuid) ?? this.nodes[0];
      user.usedTrafficBytes += bytes;
      user.lifetimeUsedTrafficBytes += bytes;
      user.onlineAt = at;
      user.lastConnectedNodeUuid = node?.uuid ?? null;
      if (node) node.trafficUsedBytes += bytes;
      user.updatedAt = at;
      if (user.firstConnectedAt === null) {
        user.firstConnectedAt = at;
        this.userEvent('user.first_connected', user);
      }
      if (user.trafficLimitBytes > 0) {
        const percent = (user.usedTrafficBytes / user.trafficLimitBytes) * 100;
        const reached = this.opts.bandwidthThresholds.filter(
          (t) => percent >= t && t > user.lastTriggeredThreshold,
        );
        if (reached.length > 0) {
          user.lastTriggeredThreshold = Math.max(...reached);
          this.userEvent('user.bandwidth_usage_threshold_reached', user);
        }
        if (user.status === 'ACTIVE' && this.overLimit(user)) {
          user.status = 'LIMITED';
          this.userEvent('user.limited', user);
        }
      }
      return { ok: true, value: user };
    });
  }

  /** The panel's expiry job: ACTIVE users past their expireAt become EXPIRED. */
  expireDue(): TStoredUser[] {
    const due = this.list().filter((u) => u.status === 'ACTIVE' && u.expireAt <= this.now());
    for (const user of due) {
      user.status = 'EXPIRED';
      user.updatedAt = this.now();
      this.userEvent('user.expired', user);
    }
    return due;
  }

  addDevice(id: number, device: Partial<Omit<TDevice, 'createdAt' | 'updatedAt'>>): TResult<TDevice> {
    const user = this.byId(id);
    if (!user) return fail(this.opts.errors.USER_NOT_FOUND);
    const at = this.now();
    const hwid = device.hwid ?? randomBytes(8).toString('hex');
    const known = user.devices.find((d) => d.hwid === hwid);
    if (known) {
      known.updatedAt = at;
      return { ok: true, value: known };
    }
    if (
      user.hwidDeviceLimit !== null &&
      user.hwidDeviceLimit > 0 &&
      user.devices.length >= user.hwidDeviceLimit
    )
      return fail(this.opts.errors.USER_HWID_DEVICE_LIMIT_REACHED);
    const added: TDevice = {
      hwid,
      platform: device.platform ?? 'Android',
      osVersion: device.osVersion ?? '14',
      deviceModel: device.deviceModel ?? 'Pixel 8',
      userAgent: device.userAgent ?? 'Happ/3.0.0',
      requestIp: device.requestIp ?? '203.0.113.7',
      createdAt: at,
      updatedAt: at,
    };
    user.devices.push(added);
    this.opts.onEvent({ scope: 'user_hwid_devices', event: 'user_hwid_devices.added', user, device: added });
    return { ok: true, value: added };
  }

  deleteDevices(id: number, hwid?: string): TResult<TStoredUser> {
    const user = this.byId(id);
    if (!user) return fail(this.opts.errors.USER_NOT_FOUND);
    const gone = user.devices.filter((d) => hwid === undefined || d.hwid === hwid);
    if (hwid !== undefined && gone.length === 0) return fail(this.opts.errors.HWID_DEVICE_NOT_FOUND);
    user.devices = user.devices.filter((d) => !gone.includes(d));
    for (const device of gone)
      this.opts.onEvent({ scope: 'user_hwid_devices', event: 'user_hwid_devices.deleted', user, device });
    return { ok: true, value: user };
  }

  /** The node's link to the panel drops or comes back, with the panel's node events. */
  setNodeConnected(uuid: string, connected: boolean): TResult<TNode> {
    const node = this.nodes.find((n) => n.uuid === uuid);
    if (!node) return fail(this.opts.errors.NODE_NOT_FOUND);
    if (node.isConnected === connected) return { ok: true, value: node };
    node.isConnected = connected;
    node.lastStatusChange = this.now();
    node.lastStatusMessage = connected ? null : 'Node is not reachable';
    if (!connected) node.usersOnline = 0;
    node.updatedAt = this.now();
    this.opts.onEvent({
      scope: 'node',
      event: connected ? 'node.connection_restored' : 'node.connection_lost',
      node,
    });
    return { ok: true, value: node };
  }

  userEvent(
    event: TUserEvent,
    user: TStoredUser,
    meta: { notConnectedAfterHours?: number; expiration?: number } = {},
  ): void {
    const hasMeta = meta.expiration !== undefined || meta.notConnectedAfterHours !== undefined;
    this.opts.onEvent({
      scope: 'user',
      event,
      user,
      meta: hasMeta
        ? { notConnectedAfterHours: meta.notConnectedAfterHours ?? null, expiration: meta.expiration ?? null }
        : null,
    });
  }

  private overLimit(user: TStoredUser): boolean {
    return user.trafficLimitBytes > 0 && user.usedTrafficBytes >= user.trafficLimitBytes;
  }

  private squadsExist(uuids: readonly string[]): boolean {
    return uuids.every((uuid) => this.squads.some((s) => s.uuid === uuid));
  }

  private withUser<T>(id: number, change: (user: TStoredUser) => TResult<T>): TResult<T> {
    const user = this.byId(id);
    return user ? change(user) : fail(this.opts.errors.USER_NOT_FOUND);
  }

  private changed(user: TStoredUser, event: TUserEvent): TResult<TStoredUser> {
    user.updatedAt = this.now();
    this.userEvent(event, user);
    return { ok: true, value: user };
  }
}

const fail = (error: TPanelError): { ok: false; error: TPanelError } => ({ ok: false, error });

const BASE62 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** 16 characters, the least a 3.x revoke accepts. */
function newShortUuid(): string {
  return [...randomBytes(16)].map((b) => BASE62[b % 62]).join('');
}

function secret(length: number): string {
  return randomBytes(length).toString('base64url').slice(0, length);
}
