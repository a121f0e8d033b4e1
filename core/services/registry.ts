import { aiService } from '#core/ai/service.ts';
import { tokenPackFulfilment } from '#core/payments/fulfilments/token-pack.ts';
import { videoTasksService } from '#core/video-tasks/service.ts';
import type { TFulfilmentKind, TServiceModule, TServiceOperation } from './service-module.ts';

/**
 * The services of the platform: the one place that names them. Adding a service is one line here (and one
 * in each adapter list: bots, Mini App API and pages, worker jobs, sandbox stand-ins).
 */
export const SERVICES: readonly TServiceModule[] = [aiService, videoTasksService];

/** Fulfilments every service may use: the one wallet's token packs. */
const PLATFORM_FULFILMENTS: readonly TFulfilmentKind[] = [tokenPackFulfilment];

export interface TServiceRegistry {
  services: readonly TServiceModule[];
  fulfilment(kind: string): TFulfilmentKind | undefined;
  operation(name: string): TServiceOperation | undefined;
}

/** Indexes a list of services; throws at start-up on a duplicate id, kind or operation name. */
export function createServiceRegistry(services: readonly TServiceModule[]): TServiceRegistry {
  const fulfilments = new Map<string, TFulfilmentKind>();
  const operations = new Map<string, TServiceOperation>();
  const ids = new Set<string>();
  const unique = <T>(map: Map<string, T>, key: string, value: T, what: string) => {
    if (map.has(key)) throw new Error(`duplicate ${what} ${key}`);
    map.set(key, value);
  };
  for (const kind of PLATFORM_FULFILMENTS) unique(fulfilments, kind.kind, kind, 'fulfilment');
  for (const service of services) {
    if (ids.has(service.id)) throw new Error(`duplicate service ${service.id}`);
    ids.add(service.id);
    for (const kind of service.fulfilments) unique(fulfilments, kind.kind, kind, 'fulfilment');
    for (const operation of service.operations ?? [])
      unique(operations, operation.name, operation, 'operation');
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
  };
}

export const REGISTRY: TServiceRegistry = createServiceRegistry(SERVICES);
