// The panel's sample infrastructure: two internal squads with one VLESS Reality inbound each, and
// two nodes (NL, DE) that serve them, online. Node and squad management routes are not modelled.
import { randomUUID } from 'node:crypto';

// The panel's config profile that every sample inbound belongs to.
export const PROFILE_UUID = randomUUID();

export type TInbound = {
  uuid: string;
  tag: string;
  type: string;
  network: string;
  security: string;
  port: number;
};

export type TSquad = {
  uuid: string;
  name: string;
  viewPosition: number;
  inbounds: TInbound[];
  createdAt: Date;
};

export type TNode = {
  uuid: string;
  id: number;
  name: string;
  address: string;
  countryCode: string;
  isConnected: boolean;
  isDisabled: boolean;
  lastStatusChange: Date | null;
  lastStatusMessage: string | null;
  usersOnline: number;
  trafficUsedBytes: number;
  createdAt: Date;
  updatedAt: Date;
};

export function sampleInfrastructure(at: Date): { squads: TSquad[]; nodes: TNode[] } {
  const inbound = (tag: string, port: number): TInbound => ({
    uuid: randomUUID(),
    tag,
    type: 'vless',
    network: 'tcp',
    security: 'reality',
    port,
  });
  const squads: TSquad[] = [
    {
      uuid: randomUUID(),
      name: 'Default-Squad',
      viewPosition: 1,
      inbounds: [inbound('VLESS_REALITY', 443)],
      createdAt: at,
    },
    {
      uuid: randomUUID(),
      name: 'Premium',
      viewPosition: 2,
      inbounds: [inbound('VLESS_REALITY_PREMIUM', 8443)],
      createdAt: at,
    },
  ];
  const node = (id: number, name: string, address: string, countryCode: string): TNode => ({
    uuid: randomUUID(),
    id,
    name,
    address,
    countryCode,
    isConnected: true,
    isDisabled: false,
    lastStatusChange: at,
    lastStatusMessage: null,
    usersOnline: 0,
    trafficUsedBytes: 0,
    createdAt: at,
    updatedAt: at,
  });
  const nodes: TNode[] = [
    node(1, 'Amsterdam', 'nl1.vpn.example', 'NL'),
    node(2, 'Frankfurt', 'de1.vpn.example', 'DE'),
  ];
  return { squads, nodes };
}
