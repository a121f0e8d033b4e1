import type { z } from 'zod';
import { aiService } from '#core/ai/service.ts';
import type { TAppErrorCode } from '#core/errors/app-error.ts';
import { type TErrorCatalog, type TErrorSpec, UNKNOWN_ERROR } from '#core/errors/error-catalog.ts';
import { platformErrors } from '#core/errors/platform-errors.ts';
import { tokenPackFulfilment } from '#core/payments/fulfilments/token-pack.ts';
import { walletTopupFulfilment } from '#core/payments/fulfilments/wallet-topup.ts';
import { walletModule } from '#core/payments/wallet/wallet-module.ts';
import { videoTasksService } from '#core/video-tasks/service.ts';
import { vpnService } from '#core/vpn/service.ts';
import type { TFulfilmentKind, TServiceModule, TServiceOperation } from './service-module.ts';

/**
 * The services of the platform: the one place that names them. Adding a service is one line here (and one
 * in each adapter list: bots, Mini App API and pages, worker jobs, sandbox stand-ins).
 */
const MODULES = [aiService, videoTasksService, vpnService, walletModule] as const;

export const SERVICES: readonly TServiceModule[] = MODULES;

type TEnvOf<S> = S extends { env: infer E extends z.core.$ZodShape } ? E : Record<never, never>;
type TAll<U> = (U extends unknown ? (u: U) => void : never) extends (all: infer A) => void ? A : never;

/** Every service's env fragment as one zod shape, typed from the modules so that TEnv stays exact. */
export type TServicesEnvShape = TAll<TEnvOf<(typeof MODULES)[number]>>;

/** Merges the services' env fragments (core/config/env.ts adds them to its schema); a name used twice throws. */
function mergeEnvFragments(services: readonly TServiceModule[]): TServicesEnvShape {
  const shape: Record<string, z.core.$ZodType> = {};
  for (const service of services)
    for (const [name, schema] of Object.entries(service.env ?? {})) {
      if (name in shape) throw new Error(`duplicate env variable ${name} (service ${service.id})`);
      shape[name] = schema;
    }
  // The runtime shape is exactly the modules' fragments side by side, which is what the type says.
  return shape as TServicesEnvShape;
}

export const SERVICES_ENV: TServicesEnvShape = mergeEnvFragments(SERVICES);

/** Fulfilments every service may use: the one wallet's token packs and its money top-ups. */
const PLATFORM_FULFILMENTS: readonly TFulfilmentKind[] = [tokenPackFulfilment, walletTopupFulfilment];

/** Error codes of the platform itself; each service adds its own (`TServiceModule.errors`). */
const PLATFORM_ERRORS: TErrorCatalog = platformErrors;

export interface TServiceRegistry {
  services: readonly TServiceModule[];
  fulfilment(kind: string): TFulfilmentKind | undefined;
  operation(name: string): TServiceOperation | undefined;
  /** Every error code with its status and messages: the platform's and each service's. */
  errors: ReadonlyMap<string, TErrorSpec>;
  /** A code's status and messages; a code no catalog lists gets UNKNOWN_ERROR (a 500, the generic apology). */
  error(code: TAppErrorCode): TErrorSpec;
}

/** Indexes a list of services; throws at start-up on a duplicate id, kind, operation name or error code. */
export function createServiceRegistry(services: readonly TServiceModule[]): TServiceRegistry {
  const fulfilments = new Map<string, TFulfilmentKind>();
  const operations = new Map<string, TServiceOperation>();
  const errors = new Map<string, TErrorSpec>();
  const ids = new Set<string>();
  const unique = <T>(map: Map<string, T>, key: string, value: T, what: string) => {
    if (map.has(key)) throw new Error(`duplicate ${what} ${key}`);
    map.set(key, value);
  };
  for (const kind of PLATFORM_FULFILMENTS) unique(fulfilments, kind.kind, kind, 'fulfilment');
  for (const [code, spec] of Object.entries(PLATFORM_ERRORS)) unique(errors, code, spec, 'error code');
  for (const service of services) {
    if (ids.has(service.id)) throw new Error(`duplicate service ${service.id}`);
    ids.add(service.id);
    for (const kind of service.fulfilments) unique(fulfilments, kind.kind, kind, 'fulfilment');
    for (const operation of service.operations ?? [])
      unique(operations, operation.name, operation, 'operation');
    for (const [code, spec] of Object.entries(service.errors ?? {})) unique(errors, code, spec, 'error code');
  }
  for (const service of services) {
    for (const product of service.products) {
      const kind = fulfilments.get(product.fulfilment.kind);
      if (!kind) throw new Error(`product ${product.id}: no fulfilment ${product.fulfilment.kind}`);
      // A product whose parameters its fulfilment would refuse must fail at start-up, not at payment time.
      kind.params.parse(product.fulfilment);
    }
  }
  return {
    services,
    fulfilment: (kind) => fulfilments.get(kind),
    operation: (name) => operations.get(name),
    errors,
    error: (code) => errors.get(code) ?? UNKNOWN_ERROR,
  };
}

export const REGISTRY: TServiceRegistry = createServiceRegistry(SERVICES);
