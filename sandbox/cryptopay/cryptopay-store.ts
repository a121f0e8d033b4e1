import { randomBytes } from 'node:crypto';

/**
 * The stand-in's invoices and their life: active → paid | expired. One instance per stand-in.
 *
 * Simplified on purpose: a fiat invoice is paid with its first accepted asset (USDT when none were
 * named) at a rate of exactly 1, so `paid_amount` equals `amount`; no service fee, no USD rates, no
 * comments or anonymous payments; `expires_in` is applied when an invoice is read, not by a timer.
 */

export type TInvoiceParams = {
  currencyType: 'crypto' | 'fiat';
  asset: string | undefined;
  fiat: string | undefined;
  acceptedAssets: string[] | undefined;
  amount: string;
  description: string | undefined;
  hiddenMessage: string | undefined;
  payload: string | undefined;
  paidBtnName: string | undefined;
  paidBtnUrl: string | undefined;
  allowComments: boolean;
  allowAnonymous: boolean;
  expiresIn: number | undefined;
};

export type TStoredInvoice = TInvoiceParams & {
  id: number;
  hash: string;
  status: 'active' | 'paid' | 'expired';
  createdAt: Date;
  expiresAt: Date | undefined;
  paidAt: Date | undefined;
  paidAsset: string | undefined;
};

export type TStoreResult =
  | { ok: true; invoice: TStoredInvoice; changed: boolean }
  | { ok: false; problem: string };

export class CryptoPayStore {
  private readonly invoices = new Map<number, TStoredInvoice>();
  private lastId = 0;

  constructor(private readonly now: () => Date = () => new Date()) {}

  create(params: TInvoiceParams): TStoredInvoice {
    const createdAt = this.now();
    const invoice: TStoredInvoice = {
      ...params,
      id: ++this.lastId,
      // Crypto Pay hashes look like `IVDoTcNBYEfk`: 12 URL-safe characters.
      hash: randomBytes(9).toString('base64url'),
      status: 'active',
      createdAt,
      expiresAt:
        params.expiresIn === undefined ? undefined : new Date(createdAt.getTime() + params.expiresIn * 1000),
      paidAt: undefined,
      paidAsset: undefined,
    };
    this.invoices.set(invoice.id, invoice);
    return invoice;
  }

  get(id: number): TStoredInvoice | undefined {
    const invoice = this.invoices.get(id);
    return invoice && this.withExpiry(invoice);
  }

  findByHash(hash: string): TStoredInvoice | undefined {
    const invoice = [...this.invoices.values()].find((i) => i.hash === hash);
    return invoice && this.withExpiry(invoice);
  }

  list(): TStoredInvoice[] {
    return [...this.invoices.values()].map((i) => this.withExpiry(i));
  }

  pay(id: number, asset?: string): TStoreResult {
    const invoice = this.get(id);
    if (!invoice) return { ok: false, problem: `invoice ${id} not found` };
    if (invoice.status === 'paid') return { ok: true, invoice, changed: false };
    if (invoice.status === 'expired') return { ok: false, problem: `invoice ${id} has expired` };
    const paidAsset =
      invoice.currencyType === 'crypto' ? invoice.asset : (asset ?? invoice.acceptedAssets?.[0] ?? 'USDT');
    if (
      invoice.currencyType === 'fiat' &&
      invoice.acceptedAssets &&
      !invoice.acceptedAssets.includes(paidAsset ?? '')
    ) {
      return { ok: false, problem: `${paidAsset} is not accepted for invoice ${id}` };
    }
    invoice.status = 'paid';
    invoice.paidAt = this.now();
    invoice.paidAsset = paidAsset;
    return { ok: true, invoice, changed: true };
  }

  expire(id: number): TStoreResult {
    const invoice = this.get(id);
    if (!invoice) return { ok: false, problem: `invoice ${id} not found` };
    if (invoice.status === 'paid') return { ok: false, problem: `invoice ${id} is already paid` };
    const changed = invoice.status === 'active';
    invoice.status = 'expired';
    return { ok: true, invoice, changed };
  }

  private withExpiry(invoice: TStoredInvoice): TStoredInvoice {
    if (invoice.status === 'active' && invoice.expiresAt && invoice.expiresAt <= this.now())
      invoice.status = 'expired';
    return invoice;
  }
}

/** The invoice as Crypto Pay's API shows it. `payUrl` is the stand-in's pay page for this invoice. */
export function invoiceJson(invoice: TStoredInvoice, payUrl: string): Record<string, unknown> {
  const paid = invoice.status === 'paid';
  return {
    invoice_id: invoice.id,
    hash: invoice.hash,
    currency_type: invoice.currencyType,
    ...(invoice.currencyType === 'crypto' ? { asset: invoice.asset } : { fiat: invoice.fiat }),
    amount: invoice.amount,
    // Real invoices point into Telegram (t.me/CryptoBot?start=…, the Mini App, app.send.tg); every
    // link here opens the stand-in's own page, since no Telegram client is involved.
    pay_url: payUrl,
    bot_invoice_url: payUrl,
    mini_app_invoice_url: payUrl,
    web_app_invoice_url: payUrl,
    ...(invoice.description !== undefined && { description: invoice.description }),
    status: invoice.status,
    created_at: invoice.createdAt.toISOString(),
    allow_comments: invoice.allowComments,
    allow_anonymous: invoice.allowAnonymous,
    ...(invoice.expiresAt && { expiration_date: invoice.expiresAt.toISOString() }),
    ...(paid && invoice.paidAt && { paid_at: invoice.paidAt.toISOString(), paid_anonymously: false }),
    ...(paid &&
      invoice.currencyType === 'fiat' && {
        paid_asset: invoice.paidAsset,
        paid_amount: invoice.amount,
        paid_fiat_rate: '1',
      }),
    ...(invoice.acceptedAssets && { accepted_assets: invoice.acceptedAssets }),
    ...(invoice.hiddenMessage !== undefined && { hidden_message: invoice.hiddenMessage }),
    ...(invoice.payload !== undefined && { payload: invoice.payload }),
    ...(invoice.paidBtnName !== undefined && {
      paid_btn_name: invoice.paidBtnName,
      paid_btn_url: invoice.paidBtnUrl,
    }),
  };
}
