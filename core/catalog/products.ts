import { SERVICES } from '#core/services/registry.ts';
import type { TProduct } from './product.ts';

/** Every product of every service, in the registry's order (the shop's order). */
export const PRODUCTS: readonly TProduct[] = SERVICES.flatMap((service) => service.products);

/** The shop's shelves in the order their first product comes. */
export const SHELVES: readonly string[] = [...new Set(PRODUCTS.map((p) => p.shelf))];

export function findProduct(id: string): TProduct | undefined {
  return PRODUCTS.find((p) => p.id === id);
}
