/**
 * What a product is to the shared money pipeline. Each service lists its own products in its service module
 * (core/<service>/products.ts); the registry (core/services/registry.ts) merges them into one catalog.
 *
 * Prices live in code (reviewed, versioned, deployed) rather than in the database; a payment stores a
 * snapshot of the product it bought, so a price changed here never re-values what users already paid for.
 * Every product has a Stars price: Telegram requires digital goods inside Telegram to be sellable for Stars.
 */
export interface TProduct {
  id: string;
  /** The service that sells it (its module's id). */
  service: string;
  /** Where the product is shown (a shelf of the shop); its title is the Fluent key `shelf-<shelf>`. */
  shelf: string;
  /** Fluent key of the product's name. */
  titleKey: string;
  prices: { RUB?: bigint; USD?: bigint; XTR: bigint };
  /**
   * What the payment delivers: `kind` names a fulfilment of the service (or of the wallet, `tokens.pack`); the
   * other fields are that fulfilment's parameters, checked by its zod schema, and stored with the payment.
   */
  fulfilment: { kind: string } & Record<string, string | number | boolean>;
}
