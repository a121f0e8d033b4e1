import type { TServiceModule } from '#core/services/service-module.ts';
import { vpnEnv } from './env.ts';
import { vpnErrors } from './errors.ts';
import { vpnDeviceFulfilment, vpnTrafficFulfilment } from './fulfilments/vpn-addons.ts';
import { vpnPlanFulfilment } from './fulfilments/vpn-plan.ts';
import { vpnProvisionOperation, vpnSyncOperation } from './panel-sync/sync-operations.ts';
import { VPN_PRODUCTS } from './plans.ts';

/** VPN subscriptions on a Remnawave panel (spec 001) as the platform sees it. */
export const vpnService = {
  id: 'vpn',
  products: VPN_PRODUCTS,
  fulfilments: [vpnPlanFulfilment, vpnTrafficFulfilment, vpnDeviceFulfilment],
  operations: [vpnProvisionOperation, vpnSyncOperation],
  errors: vpnErrors,
  env: vpnEnv,
} satisfies TServiceModule;
