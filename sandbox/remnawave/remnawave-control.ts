// What tests and the sandbox steer that the panel's API does not expose: the nodes' reports
// (traffic, devices, a node dropping off), the panel's own jobs (expiry, notices), its version,
// injected failures, and forged webhooks.
import type { RequestFaults, TFaultOptions } from '#sandbox/http-stand-in/request-faults.ts';
import type { TDelivery } from '#sandbox/http-stand-in/webhook-outbox.ts';
import { deviceJson, nodeJson, squadJson, userJson } from './remnawave-json.ts';
import type { TPanel } from './remnawave-routes.ts';
import type { TDevice, TResult, TStoredUser, TUserEvent } from './remnawave-store.ts';
import type { RemnawaveWebhooks } from './remnawave-webhooks.ts';

type TUserJson = ReturnType<typeof userJson>;

export type TPanelControl = {
  /** A fresh panel: no users, the sample squads and nodes online, the configured version kept. */
  reset(): void;
  /** What `/api/system/metadata` reports from now on, e.g. '2.8.1' to rehearse an unsupported panel. */
  setVersion(version: string): void;
  /** A node loses or regains its link (by uuid or name); sends node.connection_lost / _restored. */
  setNodeOnline(node: string, online: boolean): ReturnType<typeof nodeJson>;
  /** The user moves traffic through a node: first_connected, thresholds and LIMITED follow. */
  addTraffic(userId: number, bytes: number, nodeUuid?: string): TUserJson;
  /** A client app registers a device (HWID); sends user_hwid_devices.added. */
  addDevice(
    userId: number,
    device?: Partial<Omit<TDevice, 'createdAt' | 'updatedAt'>>,
  ): ReturnType<typeof deviceJson>;
  /** The user's expiry passes now; the panel's job marks them EXPIRED and sends user.expired. */
  expire(userId: number): TUserJson;
  /** The panel's expiry job over every user. */
  expireDue(): TUserJson[];
  /**
   * A user-scope webhook as the panel's schedulers send it, e.g. `('user.expiration', id, { expiration: -72 })`
   * (signed hours: −72 = expires in 72 h, +24 = expired a day ago) or `('user.not_connected', id,
   * { notConnectedAfterHours: 24 })`.
   */
  fireUserWebhook(
    event: TUserEvent,
    userId: number,
    meta?: { expiration?: number; notConnectedAfterHours?: number },
  ): void;
  /** One POST of any body to the webhook URL, no retry; signed with the secret unless `signWith` says otherwise. */
  sendWebhook(body: unknown, opts?: { signWith?: string | null }): Promise<{ status: number }>;
  /** The next `count` API requests (optionally only under `path`) answer `status` (default 500). */
  failNext(opts?: TFaultOptions): void;
  users(): TUserJson[];
  squads(): ReturnType<typeof squadJson>[];
  nodes(): ReturnType<typeof nodeJson>[];
  webhooks(): readonly TDelivery[];
  flushWebhooks(): Promise<void>;
};

export function panelControl(
  panel: TPanel,
  webhooks: RemnawaveWebhooks,
  faults: RequestFaults<never>,
): TPanelControl {
  const store = panel.store;
  const json = (user: TStoredUser) => userJson(user, store.squads, panel.subscriptionBase);
  const unwrap = <T>(result: TResult<T>): T => {
    if (!result.ok) throw new Error(`remnawave stand-in: ${result.error.message}`);
    return result.value;
  };
  const user = (id: number): TStoredUser => {
    const found = store.byId(id);
    if (!found) throw new Error(`remnawave stand-in: no user ${id}`);
    return found;
  };
  return {
    reset: () => store.reset(),
    setVersion: (version) => {
      panel.version = version;
    },
    setNodeOnline(name, online) {
      const node = store.nodes.find((n) => n.uuid === name || n.name === name);
      return nodeJson(unwrap(store.setNodeConnected(node?.uuid ?? name, online)), store.squads);
    },
    addTraffic: (userId, bytes, nodeUuid) => json(unwrap(store.addTraffic(userId, bytes, nodeUuid))),
    addDevice: (userId, device = {}) => deviceJson(unwrap(store.addDevice(userId, device)), userId),
    expire(userId) {
      const target = user(userId);
      target.expireAt = new Date(Date.now() - 1000);
      store.expireDue();
      return json(target);
    },
    expireDue: () => store.expireDue().map(json),
    fireUserWebhook: (event, userId, meta) => store.userEvent(event, user(userId), meta),
    sendWebhook: (body, opts = {}) => webhooks.sendOnce(body, opts.signWith),
    failNext: (opts) => faults.failNext(opts),
    users: () => store.list().map(json),
    squads: () =>
      store.squads.map((s) => squadJson(s, store.list().filter((u) => u.squadUuids.includes(s.uuid)).length)),
    nodes: () => store.nodes.map((n) => nodeJson(n, store.squads)),
    webhooks: () => webhooks.outbox.list(),
    flushWebhooks: () => webhooks.outbox.flush(),
  };
}
