// The panel's user and HWID device routes (3.x: users are addressed by their numeric id).
import {
  CreateUserCommand,
  DeleteAllUserHwidDevicesCommand,
  DeleteUserCommand,
  DeleteUserHwidDeviceCommand,
  DisableUserCommand,
  EnableUserCommand,
  ERRORS,
  ExtendUserCommand,
  GetUserByIdCommand,
  GetUserByShortUuidCommand,
  GetUserByUsernameCommand,
  GetUserHwidDevicesCommand,
  GetUsersCommand,
  GetUsersStreamCommand,
  REST_API,
  ResetUserTrafficCommand,
  RevokeUserSubscriptionCommand,
  UpdateUserCommand,
} from '@remnawave/backend-contract';
import { deviceJson, userJson } from './remnawave-json.ts';
import { noContent, ok, panelError, parseWith, type TReply } from './remnawave-replies.ts';
import { pattern, type TPanel, type TRequest, type TRoute } from './remnawave-routes.ts';
import type { TResult, TStoredUser } from './remnawave-store.ts';

const userReply = (panel: TPanel, user: TStoredUser): TReply =>
  ok(userJson(user, panel.store.squads, panel.subscriptionBase));

function userResult(panel: TPanel, req: TRequest, result: TResult<TStoredUser>, status = 200): TReply {
  if (!result.ok) return panelError(result.error, req.path);
  return { ...userReply(panel, result.value), status };
}

/** Lookups by a unique field answer A063 when nothing matches (actions on a missing user: A025). */
function found(panel: TPanel, req: TRequest, user: TStoredUser | undefined): TReply {
  return user ? userReply(panel, user) : panelError(ERRORS.GET_USER_BY_UNIQUE_FIELDS_NOT_FOUND, req.path);
}

/** An action route: the `:userId` parameter checked with the command's own schema. */
function action(
  path: string,
  paramSchema: typeof EnableUserCommand.RequestParamSchema,
  run: (panel: TPanel, userId: number, req: TRequest) => TReply,
): TRoute {
  return {
    method: 'POST',
    path,
    handle(panel, req) {
      const params = parseWith(paramSchema, req.params);
      return params.ok ? run(panel, params.data.userId, req) : params.reply;
    },
  };
}

function devicesReply(req: TRequest, result: TResult<TStoredUser>): TReply {
  if (!result.ok) return panelError(result.error, req.path);
  const devices = result.value.devices.map((d) => deviceJson(d, result.value.id));
  return ok({ total: devices.length, devices });
}

export const userRoutes: TRoute[] = [
  {
    method: 'POST',
    path: REST_API.USERS.CREATE,
    handle(panel, req) {
      const body = parseWith(CreateUserCommand.RequestBodySchema, req.body);
      return body.ok ? userResult(panel, req, panel.store.create(body.data), 201) : body.reply;
    },
  },
  {
    method: 'PATCH',
    path: REST_API.USERS.UPDATE,
    handle(panel, req) {
      const body = parseWith(UpdateUserCommand.RequestBodySchema, req.body);
      return body.ok ? userResult(panel, req, panel.store.update(body.data)) : body.reply;
    },
  },
  {
    method: 'GET',
    path: REST_API.USERS.GET,
    handle(panel, req) {
      const query = parseWith(GetUsersCommand.RequestQuerySchema, req.query);
      if (!query.ok) return query.reply;
      // Offset paging in creation order; the table's `filters` and `sorting` are accepted, not applied.
      const users = panel.store.list();
      const page = users.slice(query.data.start, query.data.start + query.data.size);
      return ok({
        users: page.map((u) => userJson(u, panel.store.squads, panel.subscriptionBase)),
        total: users.length,
      });
    },
  },
  {
    method: 'GET',
    path: REST_API.USERS.STREAM,
    handle(panel, req) {
      const query = parseWith(GetUsersStreamCommand.RequestQuerySchema, req.query);
      if (!query.ok) return query.reply;
      const q = query.data;
      const matching = panel.store
        .list()
        .filter((u) => q.cursor === undefined || u.id > q.cursor)
        .filter((u) => q.status === undefined || u.status === q.status)
        .filter(
          (u) => q.trafficLimitStrategy === undefined || u.trafficLimitStrategy === q.trafficLimitStrategy,
        )
        .filter((u) => q.telegramId === undefined || u.telegramId === q.telegramId)
        .filter((u) => q.email === undefined || u.email === q.email)
        .filter((u) => q.tag === undefined || u.tag === q.tag)
        .filter((u) => q.externalSquadUuid === undefined || u.externalSquadUuid === q.externalSquadUuid)
        .sort((a, b) => a.id - b.id);
      const page = matching.slice(0, q.size);
      const hasMore = matching.length > page.length;
      return ok({
        users: page.map((u) => userJson(u, panel.store.squads, panel.subscriptionBase)),
        nextCursor: hasMore ? String(page.at(-1)?.id) : null,
        hasMore,
      });
    },
  },
  {
    method: 'GET',
    path: pattern(REST_API.USERS.GET_BY.USERNAME, 'username'),
    handle(panel, req) {
      const params = parseWith(GetUserByUsernameCommand.RequestParamSchema, req.params);
      return params.ok ? found(panel, req, panel.store.byUsername(params.data.username)) : params.reply;
    },
  },
  {
    method: 'GET',
    path: pattern(REST_API.USERS.GET_BY.SHORT_UUID, 'shortUuid'),
    handle(panel, req) {
      const params = parseWith(GetUserByShortUuidCommand.RequestParamSchema, req.params);
      return params.ok ? found(panel, req, panel.store.byShortUuid(params.data.shortUuid)) : params.reply;
    },
  },
  {
    method: 'GET',
    path: pattern(REST_API.USERS.GET_BY_ID, 'userId'),
    handle(panel, req) {
      const params = parseWith(GetUserByIdCommand.RequestParamSchema, req.params);
      return params.ok ? found(panel, req, panel.store.byId(params.data.userId)) : params.reply;
    },
  },
  {
    method: 'DELETE',
    path: pattern(REST_API.USERS.DELETE, 'userId'),
    handle(panel, req) {
      const params = parseWith(DeleteUserCommand.RequestParamSchema, req.params);
      if (!params.ok) return params.reply;
      const result = panel.store.delete(params.data.userId);
      // 3.x answers 204 with no body (2.x had `{ isDeleted: true }`).
      return result.ok ? noContent : panelError(result.error, req.path);
    },
  },
  action(
    pattern(REST_API.USERS.ACTIONS.ENABLE, 'userId'),
    EnableUserCommand.RequestParamSchema,
    (panel, id, req) => userResult(panel, req, panel.store.enable(id)),
  ),
  action(
    pattern(REST_API.USERS.ACTIONS.DISABLE, 'userId'),
    DisableUserCommand.RequestParamSchema,
    (panel, id, req) => userResult(panel, req, panel.store.disable(id)),
  ),
  action(
    pattern(REST_API.USERS.ACTIONS.RESET_TRAFFIC, 'userId'),
    ResetUserTrafficCommand.RequestParamSchema,
    (panel, id, req) => userResult(panel, req, panel.store.resetTraffic(id)),
  ),
  action(
    pattern(REST_API.USERS.ACTIONS.REVOKE_SUBSCRIPTION, 'userId'),
    RevokeUserSubscriptionCommand.RequestParamSchema,
    (panel, id, req) => {
      const body = parseWith(RevokeUserSubscriptionCommand.RequestBodySchema, req.body);
      return body.ok ? userResult(panel, req, panel.store.revoke(id, body.data)) : body.reply;
    },
  ),
  action(
    pattern(REST_API.USERS.ACTIONS.EXTEND_EXPIRATION_DATE, 'userId'),
    ExtendUserCommand.RequestParamSchema,
    (panel, id, req) => {
      const body = parseWith(ExtendUserCommand.RequestBodySchema, req.body);
      return body.ok ? userResult(panel, req, panel.store.extend(id, body.data.days)) : body.reply;
    },
  ),
  {
    method: 'GET',
    path: pattern(REST_API.HWID.GET_USER_HWID_DEVICES, 'userId'),
    handle(panel, req) {
      const params = parseWith(GetUserHwidDevicesCommand.RequestParamSchema, req.params);
      if (!params.ok) return params.reply;
      const user = panel.store.byId(params.data.userId);
      return devicesReply(
        req,
        user ? { ok: true, value: user } : { ok: false, error: ERRORS.USER_NOT_FOUND },
      );
    },
  },
  {
    method: 'POST',
    path: REST_API.HWID.DELETE_USER_HWID_DEVICE,
    handle(panel, req) {
      const body = parseWith(DeleteUserHwidDeviceCommand.RequestBodySchema, req.body);
      return body.ok
        ? devicesReply(req, panel.store.deleteDevices(body.data.userId, body.data.hwid))
        : body.reply;
    },
  },
  {
    method: 'POST',
    path: REST_API.HWID.DELETE_ALL_USER_HWID_DEVICES,
    handle(panel, req) {
      const body = parseWith(DeleteAllUserHwidDevicesCommand.RequestBodySchema, req.body);
      return body.ok ? devicesReply(req, panel.store.deleteDevices(body.data.userId)) : body.reply;
    },
  },
];
