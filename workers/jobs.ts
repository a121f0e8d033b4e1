// Every queue the worker process runs, in start order. Adding a job: write `workers/<name>.ts` exporting
// `export const <name>Job = defineJob({ id: '<queue>', data: Z…Schema, handle: (job, ctx) => coreFn(…) })`
// (add `schedules` for a repeating job, `concurrency`/`limiter` as needed), put what its handler needs into
// TWorkerContext (workers/runtime/worker-context.ts, built in workers/worker-context.ts), and add one line below.
// workers/main.ts starts one BullMQ Worker per entry and closes it at shutdown; nothing else to wire.
import type { TJobDefinition } from '#workers/runtime/job-definition.ts';
import { aiJob } from './ai.ts';
import { aiRecoveryJob } from './ai-recovery.ts';
import { analyticsExportJob } from './analytics-export.ts';
import { fileCleanupJob } from './file-cleanup.ts';
import { ledgerMaintenanceJob } from './ledger-maintenance.ts';
import { notifyJob } from './notify.ts';
import { serviceOperationsJob } from './service-operations.ts';
import { starReconciliationJob } from './star-reconciliation.ts';
import { vpnAutoRenewJob } from './vpn-auto-renew.ts';
import { vpnExpiryScanJob } from './vpn-expiry-scan.ts';
import { vpnLoyaltyJob } from './vpn-loyalty.ts';
import { vpnNodeHealthJob } from './vpn-node-health.ts';
import { vpnTrafficSyncJob } from './vpn-traffic-sync.ts';

export const JOBS: readonly TJobDefinition[] = [
  notifyJob,
  analyticsExportJob,
  ledgerMaintenanceJob,
  fileCleanupJob,
  aiJob,
  aiRecoveryJob,
  serviceOperationsJob(),
  starReconciliationJob,
  vpnExpiryScanJob,
  vpnTrafficSyncJob,
  vpnNodeHealthJob,
  vpnAutoRenewJob,
  vpnLoyaltyJob,
];
