// The shapes the API answers with (fact sheet §3): machine rows of GET /machines and the
// machine-earnings report.
import { dayOf, earningsByDay, microsToDollars } from './vastai-earnings.ts';
import type { TMachine, VastaiStore } from './vastai-store.ts';

export type TAccount = {
  id: number;
  username: string;
  email: string;
  fullname: string;
};

/** The idle glyph of `gpu_occupancy` is unconfirmed (sheet §6); `x` stands for it here. */
const IDLE_GLYPH = 'x';

export function machineJson(machine: TMachine, store: VastaiStore) {
  const running = store.running(machine.id);
  const rentedGpus = running.reduce((n, r) => n + r.gpus, 0);
  const glyphs = Array.from({ length: machine.numGpus }, (_, i) => (i < rentedGpus ? 'D' : IDLE_GLYPH));
  const listing = machine.listing;
  return {
    id: machine.id,
    hostname: machine.hostname,
    num_gpus: machine.numGpus,
    gpu_name: machine.gpuName,
    gpu_ram: machine.gpuRamMb,
    gpu_total_ram: machine.gpuRamMb * machine.numGpus,
    disk_space: machine.diskSpaceGb,
    driver_version: machine.driverVersion,
    reliability2: machine.reliability,
    verification: machine.verification,
    listed: machine.listed,
    public_ipaddr: machine.publicIp,
    geolocation: machine.geolocation,
    num_reports: 0,
    // The last listing's prices stay on an unlisted machine, as a re-list starts from them.
    listed_gpu_cost: listing?.priceGpu ?? null,
    min_bid_price: machine.minBidPrice,
    credit_discount_max: listing?.creditDiscountMax ?? null,
    listed_inet_up_cost: listing?.priceInetUp ?? null,
    listed_inet_down_cost: listing?.priceInetDown ?? null,
    gpu_occupancy: glyphs.map((g) => `${g} `).join(''),
    current_rentals_on_demand: running.length,
    current_rentals_resident: running.length,
    current_rentals_running: running.length,
    current_rentals_running_on_demand: running.length,
    current_rentals_reserved: 0,
    inet_up: machine.inetUpMbps,
    inet_down: machine.inetDownMbps,
    total_flops: machine.totalFlops,
    timeout: 0,
    end_date: listing?.endDate ?? null,
  };
}

export type TMachineJson = ReturnType<typeof machineJson>;

type TEarnCols = { gpu_earn: number; sto_earn: number; bwu_earn: number; bwd_earn: number };
const cols = (gpuMicros: number): TEarnCols => ({
  gpu_earn: microsToDollars(gpuMicros),
  sto_earn: 0,
  bwu_earn: 0,
  bwd_earn: 0,
});

/** Days `fromDay..toDay` inclusive; `machineId` null for every machine of the account. */
export function earningsJson(
  store: VastaiStore,
  account: TAccount,
  window: { fromDay: number; toDay: number; machineId: number | null },
) {
  const now = store.clock.now();
  const rentals = store
    .rentals()
    .filter((r) => window.machineId === null || r.machineId === window.machineId);
  const rows = earningsByDay(rentals, window.fromDay, window.toDay, now);
  const sum = (pick: (row: (typeof rows)[number]) => boolean) =>
    rows.filter(pick).reduce((n, row) => n + row.gpuMicros, 0);
  const machineIds = [...new Set(rows.map((r) => r.machineId))].sort((a, b) => a - b);
  const days = [...new Set(rows.map((r) => r.day))].sort((a, b) => a - b);
  const balance = balanceMicros(store);
  const total = sum(() => true);
  return {
    summary: { total_gpu: microsToDollars(total), total_stor: 0, total_bwu: 0, total_bwd: 0 },
    username: account.username,
    email: account.email,
    fullname: account.fullname,
    address1: '',
    address2: '',
    city: '',
    zip: '',
    country: '',
    taxinfo: '',
    current: {
      balance: microsToDollars(balance),
      service_fee: 0,
      total: microsToDollars(balance),
      credit: 0,
    },
    per_machine: machineIds.map((id) => ({ machine_id: id, ...cols(sum((r) => r.machineId === id)) })),
    per_day: days.map((day) => ({ day, ...cols(sum((r) => r.day === day)) })),
  };
}

export type TEarningsJson = ReturnType<typeof earningsJson>;

/** Everything the account's machines have earned up to now: what `current.balance` reports. */
export function balanceMicros(store: VastaiStore): number {
  const now = store.clock.now();
  return earningsByDay(store.rentals(), 0, dayOf(now), now).reduce((n, row) => n + row.gpuMicros, 0);
}
