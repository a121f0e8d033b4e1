import { z } from 'zod/mini';
import { ZAssetSchema } from './wallet.ts';

// Shared by server/routes/miniapp/catalog.ts and the Mini App's buy page. Prices are minor units as decimal
// strings; product titles are the Fluent keys `product-<id>` from locales/*/shop.ftl.

export const ZProviderSchema = z.enum(['stars', 'yookassa', 'cryptobot']);
export type TProvider = z.infer<typeof ZProviderSchema>;

/** The shelves of the shop, as the bot's /buy shows them. */
/** A shelf of the shop (`TProduct.shelf` in core/catalog/product.ts), in the catalog's order. */
export const ZCategorySchema = z.string();
export type TCategory = z.infer<typeof ZCategorySchema>;

const ZPriceSchema = z.object({
  provider: ZProviderSchema,
  /** What the checkout will charge: with the user's claimed discount code, when it applies. */
  amount: z.string().check(z.regex(/^\d{1,30}$/)),
  currency: ZAssetSchema,
  /** The list price, present only when a discount lowers `amount`. */
  fullAmount: z.optional(z.string().check(z.regex(/^\d{1,30}$/))),
});
export type TPrice = z.infer<typeof ZPriceSchema>;

export const ZCatalogSchema = z.object({
  products: z.array(
    z.object({
      id: z.string(),
      category: ZCategorySchema,
      titleKey: z.string(),
      /** One price per provider that is configured and takes this product's currency; never empty. */
      prices: z.array(ZPriceSchema),
    }),
  ),
  /** The discount code the user claimed and may still use (`/promo CODE` or the promo form). */
  promoCode: z.nullable(z.string()),
});
export type TCatalog = z.infer<typeof ZCatalogSchema>;
export type TCatalogProduct = TCatalog['products'][number];

export const ZCheckoutRequestSchema = z.object({
  productId: z.string().check(z.regex(/^[a-z0-9-]{1,40}$/)),
  provider: ZProviderSchema,
});
export type TCheckoutRequest = z.infer<typeof ZCheckoutRequestSchema>;

export const ZCheckoutSchema = z.object({
  paymentId: z.string(),
  provider: ZProviderSchema,
  /** Stars: the invoice link for openInvoice; YooKassa and Crypto Pay: the provider's page to open. */
  url: z.string(),
});
export type TCheckout = z.infer<typeof ZCheckoutSchema>;

export const ZPaymentStatusSchema = z.object({
  paymentId: z.string(),
  status: z.enum(['pending', 'succeeded', 'canceled', 'refunded', 'partially_refunded']),
});
export type TPaymentStatus = z.infer<typeof ZPaymentStatusSchema>;
