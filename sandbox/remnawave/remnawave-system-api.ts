// The panel's system, node and internal squad routes that a shop bot reads.
import { availableParallelism, freemem, totalmem } from 'node:os';
import {
  ERRORS,
  type GetMetadataCommand,
  GetNodeCommand,
  GetStatsCommand,
  REST_API,
} from '@remnawave/backend-contract';
import { nodeJson, squadJson } from './remnawave-json.ts';
import { ok, panelError, parseWith, type TWire } from './remnawave-replies.ts';
import { pattern, type TRoute } from './remnawave-routes.ts';

const HOUR_MS = 3_600_000;

export const systemRoutes: TRoute[] = [
  {
    method: 'GET',
    path: REST_API.SYSTEM.METADATA,
    handle(panel) {
      const metadata: TWire<typeof GetMetadataCommand.ResponseSchema>['response'] = {
        version: panel.version,
        build: { time: panel.startedAt.toISOString(), number: '0' },
        git: {
          backend: {
            commitSha: 'stand-in',
            branch: 'main',
            commitUrl: 'https://github.com/remnawave/backend',
          },
          frontend: { commitSha: 'stand-in', commitUrl: 'https://github.com/remnawave/frontend' },
        },
      };
      return ok(metadata);
    },
  },
  {
    method: 'GET',
    path: REST_API.SYSTEM.STATS.SYSTEM_STATS,
    handle(panel, req) {
      const query = parseWith(GetStatsCommand.RequestQuerySchema, req.query);
      if (!query.ok) return query.reply;
      const users = panel.store.list();
      const now = Date.now();
      const onlineWithin = (ms: number) =>
        users.filter((u) => u.onlineAt && now - u.onlineAt.getTime() <= ms).length;
      const count = (status: string) => users.filter((u) => u.status === status).length;
      const nodes = panel.store.nodes;
      const stats: TWire<typeof GetStatsCommand.ResponseSchema>['response'] = {
        cpu: { cores: availableParallelism() },
        memory: { total: totalmem(), free: freemem(), used: totalmem() - freemem() },
        uptime: Math.floor((now - panel.startedAt.getTime()) / 1000),
        timestamp: now,
        users: {
          statusCounts: {
            ACTIVE: count('ACTIVE'),
            DISABLED: count('DISABLED'),
            LIMITED: count('LIMITED'),
            EXPIRED: count('EXPIRED'),
          },
          totalUsers: users.length,
        },
        onlineStats: {
          lastDay: onlineWithin(24 * HOUR_MS),
          lastWeek: onlineWithin(7 * 24 * HOUR_MS),
          neverOnline: users.filter((u) => u.onlineAt === null).length,
          // The panel counts a user online when seen in the last minute.
          onlineNow: onlineWithin(60_000),
        },
        nodes: {
          totalOnline: nodes.filter((n) => n.isConnected && !n.isDisabled).length,
          totalBytesLifetime: String(nodes.reduce((sum, n) => sum + n.trafficUsedBytes, 0)),
        },
      };
      return ok(stats);
    },
  },
  {
    method: 'GET',
    path: REST_API.NODES.GET,
    handle: (panel) => ok(panel.store.nodes.map((n) => nodeJson(n, panel.store.squads))),
  },
  {
    method: 'GET',
    path: pattern(REST_API.NODES.GET_BY_UUID, 'uuid'),
    handle(panel, req) {
      const params = parseWith(GetNodeCommand.RequestParamSchema, req.params);
      if (!params.ok) return params.reply;
      const node = panel.store.nodes.find((n) => n.uuid === params.data.uuid);
      return node ? ok(nodeJson(node, panel.store.squads)) : panelError(ERRORS.NODE_NOT_FOUND, req.path);
    },
  },
  {
    method: 'GET',
    path: REST_API.INTERNAL_SQUADS.GET,
    handle(panel) {
      const users = panel.store.list();
      const internalSquads = panel.store.squads.map((s) =>
        squadJson(s, users.filter((u) => u.squadUuids.includes(s.uuid)).length),
      );
      return ok({ total: internalSquads.length, internalSquads });
    },
  },
];
