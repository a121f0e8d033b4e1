/**
 * What Polygram needs from a GPU marketplace on which it resells providers' servers under its own host account.
 * Vast.ai implements it first (./vastai/), RunPod or others later; nothing here names one marketplace's routes
 * or fields, so the sync job and the admin screens work with any of them.
 *
 * Money is integer USD cents (bigint), like the ledger. Days are UTC calendar days, `YYYY-MM-DD`.
 */

/** A marketplace's own id of a machine, as text (Vast.ai uses integers, others do not). */
export type TMarketplaceMachineId = string;

/** `2026-12-08`: one UTC calendar day. */
export type TUtcDay = string;

export type TListMachineInput = {
  machineId: TMarketplaceMachineId;
  /** On-demand price of one GPU for one hour, in USD cents. */
  pricePerGpuHourCents: bigint;
  /** Fewest GPUs one rental may take (≥ 1). */
  minGpusPerRental: number;
  /** When the offer ends; rentals started before it run on until their renters end them. */
  offerEndsAt: Date;
  /** Floor for interruptible (bid) rentals of one GPU for one hour, in USD cents; the marketplace's default if absent. */
  minBidPerGpuHourCents?: bigint;
};

export type TListMachineResult = {
  /** Running rentals the marketplace extended to the new end date. */
  rentalsExtended: number;
};

/**
 * - `idle`: no rental holds the machine;
 * - `rented`: at least one rental is running on it;
 * - `reserved`: rentals hold it but none is running (stopped by their renters, still theirs).
 */
export type TMachineRentalState = 'idle' | 'rented' | 'reserved';

/** One machine of our host account, as the marketplace sees it now. */
export type THostMachine = {
  machineId: TMarketplaceMachineId;
  hostname: string | null;
  gpuModel: string | null;
  gpuCount: number;
  /** Offered for rent now. */
  listed: boolean;
  /** The on-demand price it is offered at, in cents per GPU-hour; null when the marketplace does not say. */
  listedPricePerGpuHourCents: bigint | null;
  minBidPerGpuHourCents: bigint | null;
  /** When the offer ends; null when none is set. */
  offerEndsAt: Date | null;
  rentalState: TMachineRentalState;
  rentals: {
    /** Contracts on the machine, running or not. */
    total: number;
    running: number;
    runningOnDemand: number;
  };
  /** GPUs taken, by kind of rental. */
  gpusInUse: { onDemand: number; interruptible: number; reserved: number };
  /** 0..1 as the marketplace scores it; null when absent. */
  reliability: number | null;
  /** The marketplace's own word for its verification of the machine (`verified`, …). */
  verification: string | null;
};

/** What one machine earned on one UTC day, in cents. */
export type TMachineDayEarnings = {
  machineId: TMarketplaceMachineId;
  day: TUtcDay;
  /** The amount to account for: the exact sum of the parts, rounded once to a cent (half up). */
  totalCents: bigint;
  /** The parts, each rounded on its own: for display; they may differ from `totalCents` by a cent or so. */
  parts: { gpuCents: bigint; storageCents: bigint; uploadCents: bigint; downloadCents: bigint };
};

export type TMachineEarningsQuery = {
  machineId: TMarketplaceMachineId;
  /** First UTC day, included. */
  fromDay: TUtcDay;
  /** Last UTC day, included. */
  toDay: TUtcDay;
};

export interface TMarketplace {
  /** `vastai`, `runpod`: names the marketplace in settings and in the ledger's references. */
  readonly id: string;
  /** Offers the machine (or changes its offer); doing it again with the same input changes nothing. */
  listMachine(input: TListMachineInput): Promise<TListMachineResult>;
  /** Withdraws the offer; rentals already running go on. */
  unlistMachine(machineId: TMarketplaceMachineId): Promise<void>;
  setMinBid(machineId: TMarketplaceMachineId, pricePerGpuHourCents: bigint): Promise<void>;
  hostMachines(): Promise<THostMachine[]>;
  /** null when the machine is not one of our host account's. */
  hostMachine(machineId: TMarketplaceMachineId): Promise<THostMachine | null>;
  /** One entry per day that earned something, in day order. */
  machineEarnings(query: TMachineEarningsQuery): Promise<TMachineDayEarnings[]>;
}
