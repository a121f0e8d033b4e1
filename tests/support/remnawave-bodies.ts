import { randomUUID } from 'node:crypto';

/**
 * JSON bodies shaped like a Remnawave 3.x panel's answers, for tests. Tests parse them with the contract's
 * own response schemas before use, so a body that drifts from the contract fails the test, not the client.
 */

export type TPanelUserBody = ReturnType<typeof panelUserBody>;

export function panelUserBody(opts: {
  id: number;
  username: string;
  telegramId?: number | null;
  status?: 'ACTIVE' | 'DISABLED' | 'LIMITED' | 'EXPIRED';
  expireAt?: string;
  shortUuid?: string;
}) {
  const now = new Date().toISOString();
  const shortUuid = opts.shortUuid ?? randomUUID().replaceAll('-', '').slice(0, 16);
  return {
    id: opts.id,
    shortUuid,
    username: opts.username,
    status: opts.status ?? 'ACTIVE',
    trafficLimitBytes: 0,
    trafficLimitStrategy: 'NO_RESET',
    expireAt: opts.expireAt ?? new Date(Date.now() + 30 * 86_400_000).toISOString(),
    telegramId: opts.telegramId ?? null,
    email: null,
    description: null,
    tag: null,
    hwidDeviceLimit: null,
    externalSquadUuid: null,
    trojanPassword: 'trojan-password-1',
    vlessUuid: randomUUID(),
    ssPassword: 'ss-password-1',
    lastTriggeredThreshold: 0,
    subRevokedAt: null,
    lastTrafficResetAt: null,
    createdAt: now,
    updatedAt: now,
    subscriptionUrl: `https://sub.example.test/${shortUuid}`,
    activeInternalSquads: [] as { uuid: string; name: string }[],
    userTraffic: {
      usedTrafficBytes: 0,
      lifetimeUsedTrafficBytes: 0,
      onlineAt: null,
      firstConnectedAt: null,
      lastConnectedNodeUuid: null,
    },
  };
}

export function panelNodeBody(opts: {
  id: number;
  name: string;
  countryCode?: string;
  isConnected?: boolean;
}) {
  const now = new Date().toISOString();
  return {
    uuid: randomUUID(),
    id: opts.id,
    name: opts.name,
    address: `${opts.name.toLowerCase()}.example.test`,
    port: 2222,
    proxyUrl: null,
    isConnected: opts.isConnected ?? true,
    isDisabled: false,
    isConnecting: false,
    lastStatusChange: null,
    lastStatusMessage: null,
    isTrafficTrackingActive: false,
    trafficResetDay: null,
    trafficLimitBytes: null,
    trafficUsedBytes: null,
    notifyPercent: null,
    viewPosition: opts.id,
    countryCode: opts.countryCode ?? 'NL',
    consumptionMultiplier: 1,
    nodeConsumptionMultiplier: 1,
    tags: [],
    integrationUuids: [],
    ips: [],
    createdAt: now,
    updatedAt: now,
    configProfile: { activeConfigProfileUuid: null, activeInbounds: [] },
    providerUuid: null,
    provider: null,
    activePluginUuid: null,
    system: null,
    versions: null,
    xrayUptime: 0,
    usersOnline: 0,
    note: null,
  };
}

export function panelInternalSquadBody(opts: { name: string; viewPosition?: number }) {
  const now = new Date().toISOString();
  return {
    uuid: randomUUID(),
    viewPosition: opts.viewPosition ?? 1,
    name: opts.name,
    tags: [],
    info: { membersCount: 0, inboundsCount: 0 },
    inbounds: [],
    createdAt: now,
    updatedAt: now,
  };
}

export function panelMetadataBody(version: string) {
  return {
    version,
    build: { time: new Date().toISOString(), number: '1' },
    git: {
      backend: { commitSha: 'abc123', branch: 'main', commitUrl: 'https://example.test/commit/abc123' },
      frontend: { commitSha: 'def456', commitUrl: 'https://example.test/commit/def456' },
    },
  };
}

export function panelHwidDeviceBody(opts: { userId: number; hwid: string }) {
  const now = new Date().toISOString();
  return {
    hwid: opts.hwid,
    userId: opts.userId,
    platform: 'Android',
    osVersion: '14',
    deviceModel: 'Pixel',
    userAgent: 'Happ/1.0',
    requestIp: '203.0.113.7',
    createdAt: now,
    updatedAt: now,
  };
}
