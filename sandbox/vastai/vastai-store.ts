// The host account's machines and the contracts clients hold on them, in memory. Prices are kept as
// the API states them ($ floats); earnings are integer micro-dollars (see vastai-earnings.ts).
import { HOUR_MS, type StandInClock } from './vastai-clock.ts';
import { dollarsToMicros, type TEarningRental } from './vastai-earnings.ts';

export type TMachineSpec = {
  gpuName?: string;
  numGpus?: number;
  /** Per GPU, in MB as the REST API reports `gpu_ram`. */
  gpuRamMb?: number;
  hostname?: string;
  diskSpaceGb?: number;
  driverVersion?: string;
  reliability?: number;
  verification?: 'verified' | 'unverified' | 'deverified';
  publicIp?: string;
  geolocation?: string;
  inetUpMbps?: number;
  inetDownMbps?: number;
  totalFlops?: number;
};

export type TListing = {
  priceGpu: number;
  priceDisk: number;
  priceInetUp: number;
  priceInetDown: number;
  minChunk: number;
  /** Unix seconds (float), or null for no expiry. */
  endDate: number | null;
  creditDiscountMax: number;
};

export type TDefaultJob = { priceGpu: number; image: string; args: unknown };

export type TMachine = Required<TMachineSpec> & {
  id: number;
  listed: boolean;
  listing: TListing | null;
  minBidPrice: number | null;
  defaultJob: TDefaultJob | null;
};

export type TRental = TEarningRental & {
  id: number;
  gpus: number;
  /** $/h for the whole rental, as the control was told. */
  pricePerHour: number;
  endedEarly: boolean;
};

export type TStoreResult<T> = { ok: true; value: T } | { ok: false; msg: string };

export class VastaiStore {
  private readonly machinesById = new Map<number, TMachine>();
  private readonly rentalsById = new Map<number, TRental>();
  private nextMachineId = 10_001;
  private nextRentalId = 5_000_001;

  constructor(readonly clock: StandInClock) {}

  addMachine(spec: TMachineSpec = {}): TMachine {
    const id = this.nextMachineId++;
    const machine: TMachine = {
      id,
      gpuName: spec.gpuName ?? 'RTX 4090',
      numGpus: spec.numGpus ?? 1,
      gpuRamMb: spec.gpuRamMb ?? 24_564,
      hostname: spec.hostname ?? `host-${id}`,
      diskSpaceGb: spec.diskSpaceGb ?? 1_000,
      driverVersion: spec.driverVersion ?? '550.54.14',
      reliability: spec.reliability ?? 0.995,
      verification: spec.verification ?? 'verified',
      publicIp: spec.publicIp ?? `203.0.113.${id % 250}`,
      geolocation: spec.geolocation ?? 'Germany, DE',
      inetUpMbps: spec.inetUpMbps ?? 900,
      inetDownMbps: spec.inetDownMbps ?? 900,
      totalFlops: spec.totalFlops ?? 82.6 * (spec.numGpus ?? 1),
      listed: false,
      listing: null,
      minBidPrice: null,
      defaultJob: null,
    };
    this.machinesById.set(id, machine);
    return machine;
  }

  machine(id: number): TMachine | undefined {
    return this.machinesById.get(id);
  }

  machines(): TMachine[] {
    return [...this.machinesById.values()];
  }

  list(id: number, listing: TListing, minBid: number | undefined): TStoreResult<TMachine> {
    const machine = this.machinesById.get(id);
    if (!machine) return { ok: false, msg: 'Invalid machine id or min_chunk' };
    machine.listed = true;
    machine.listing = listing;
    if (minBid !== undefined) machine.minBidPrice = minBid;
    return { ok: true, value: machine };
  }

  /** Existing contracts continue after unlisting; only new rentals stop. */
  unlist(id: number): TStoreResult<TMachine> {
    const machine = this.machinesById.get(id);
    if (!machine) return { ok: false, msg: `machine ${id} not found` };
    machine.listed = false;
    return { ok: true, value: machine };
  }

  setMinBid(id: number, price: number): TStoreResult<TMachine> {
    const machine = this.machinesById.get(id);
    if (!machine) return { ok: false, msg: `machine ${id} not found` };
    machine.minBidPrice = price;
    return { ok: true, value: machine };
  }

  setDefaultJob(id: number, job: TDefaultJob | null): TStoreResult<TMachine> {
    const machine = this.machinesById.get(id);
    if (!machine) return { ok: false, msg: `machine ${id} not found` };
    machine.defaultJob = job;
    return { ok: true, value: machine };
  }

  /** Only a machine without running contracts may be deleted. */
  remove(id: number): TStoreResult<TMachine> {
    const machine = this.machinesById.get(id);
    if (!machine) return { ok: false, msg: `machine ${id} not found` };
    if (this.running(id).length > 0) return { ok: false, msg: 'machine is in use by active contracts' };
    this.machinesById.delete(id);
    return { ok: true, value: machine };
  }

  /** A client rents `gpus` GPUs of a listed machine on demand for `hours`. */
  rent(
    machineId: number,
    hours: number,
    opts: { pricePerHour?: number; gpus?: number } = {},
  ): TStoreResult<TRental> {
    const machine = this.machinesById.get(machineId);
    if (!machine) return { ok: false, msg: `no machine ${machineId}` };
    if (!machine.listed || !machine.listing) return { ok: false, msg: `machine ${machineId} is not listed` };
    if (!(hours > 0)) return { ok: false, msg: `a rental needs a positive length, got ${hours} h` };
    const free = machine.numGpus - this.running(machineId).reduce((n, r) => n + r.gpus, 0);
    const gpus = opts.gpus ?? free;
    if (!Number.isInteger(gpus) || gpus < machine.listing.minChunk || gpus > free)
      return {
        ok: false,
        msg: `cannot rent ${gpus} GPU(s): ${free} free, min chunk ${machine.listing.minChunk}`,
      };
    const pricePerHour = opts.pricePerHour ?? machine.listing.priceGpu * gpus;
    const startMs = this.clock.now();
    const rental: TRental = {
      id: this.nextRentalId++,
      machineId,
      gpus,
      pricePerHour,
      priceMicros: dollarsToMicros(pricePerHour),
      startMs,
      endMs: startMs + Math.round(hours * HOUR_MS),
      endedEarly: false,
    };
    this.rentalsById.set(rental.id, rental);
    return { ok: true, value: rental };
  }

  endRental(rentalId: number): TStoreResult<TRental> {
    const rental = this.rentalsById.get(rentalId);
    if (!rental) return { ok: false, msg: `no rental ${rentalId}` };
    const now = this.clock.now();
    if (rental.endMs > now) {
      rental.endMs = now;
      rental.endedEarly = true;
    }
    return { ok: true, value: rental };
  }

  rentals(): TRental[] {
    return [...this.rentalsById.values()];
  }

  running(machineId: number): TRental[] {
    const now = this.clock.now();
    return this.rentals().filter((r) => r.machineId === machineId && r.startMs <= now && now < r.endMs);
  }
}
