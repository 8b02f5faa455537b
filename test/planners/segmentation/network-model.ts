import { EstateModel, Tenant, tenantKind } from '../../../lib/config/model';
import { estateSchema } from '../../../lib/config/schema/estate-schema';
import { blockSize, formatCidr, parseCidr } from '../../../lib/net/cidr';

/**
 * Small estates for network tests, built in code. Tenant i's environment j gets the /21 at
 * slot 4i + j from 10.64.0.0 and account 3000000<i:3><j:2>, so nothing overlaps.
 */
export interface NetTenant {
  readonly ods: string;
  /** @default 'local' */
  readonly scope?: 'local' | 'national';
  /** @default ['prod', 'nonprod'] */
  readonly environments?: readonly string[];
  readonly onPremises?: {
    readonly connection: 'vpn' | 'directConnect';
    readonly cidrs: readonly string[];
    readonly asn: number;
    readonly customerGatewayIps?: readonly string[];
  };
  /** Environments without an account yet (not vended). */
  readonly unvended?: readonly string[];
  /** @default 100 */
  readonly peakMbps?: number;
  /** `network.lane`: pins the tenant to a lane. */
  readonly lane?: number;
}

export interface NetEstate {
  readonly rules?: readonly unknown[];
  readonly egressDomains?: readonly string[];
  readonly dxLocations?: readonly string[];
  /** @default ['172.31.255.10'] */
  readonly resolvers?: readonly string[];
  /** `network.hub.lanes`. @default none */
  readonly lanesRange?: string;
  /** `network.directConnect.transitVifs`. */
  readonly transitVifs?: readonly { gateway: number; location: string; vlan: number; asn: number }[];
}

export function networkModel(tenants: readonly NetTenant[], spec: NetEstate = {}): EstateModel {
  const estate = estateSchema.parse({
    organization: {
      accounts: {
        management: '100000000001',
        logArchive: '100000000002',
        security: '100000000003',
        network: '100000000004',
        sharedServices: '100000000005',
      },
    },
    network: {
      tenantSupernet: '10.64.0.0/10',
      hub: {
        inspection: '10.0.0.0/22',
        egress: '10.0.4.0/22',
        sharedServices: '10.0.8.0/21',
        ...(spec.lanesRange ? { lanes: spec.lanesRange } : {}),
      },
      dns: { onPremisesResolvers: spec.resolvers ?? ['172.31.255.10'], forwardedDomains: ['hscn.nhs.uk'] },
      ...(spec.dxLocations
        ? { directConnect: { locations: spec.dxLocations, transitVifs: spec.transitVifs ?? [] } }
        : {}),
    },
    segmentation: { rules: spec.rules ?? [], egressDomains: spec.egressDomains ?? [] },
  });
  return { estate, tenants: [...tenants].sort((a, b) => a.ods.localeCompare(b.ods)).map(tenant) };
}

function tenant(spec: NetTenant, index: number): Tenant {
  const names = spec.environments ?? ['prod', 'nonprod'];
  return {
    file: `config/tenants/${spec.ods}.yaml`,
    kind: tenantKind(spec.ods),
    odsCode: spec.ods,
    name: `Test organisation ${spec.ods}`,
    scope: spec.scope ?? 'local',
    dataClassification: 'OFFICIAL',
    patientData: true,
    contacts: { owner: 'it@example.nhs.uk', security: 'cyber@example.nhs.uk' },
    network: {
      currentPeakMbps: spec.peakMbps ?? 100,
      ...(spec.onPremises ? { onPremises: spec.onPremises as Tenant['network']['onPremises'] } : {}),
      ...(spec.lane ? { lane: spec.lane } : {}),
    },
    environments: Object.fromEntries(
      names.map((name, j) => [
        name,
        spec.unvended?.includes(name)
          ? { email: `${name}@example.nhs.uk`, cidr: slot(index * 4 + j) }
          : { accountId: accountOf(index, j), cidr: slot(index * 4 + j) },
      ]),
    ),
    budget: { monthlyGbp: 1000 },
  };
}

export function accountOf(tenantIndex: number, envIndex: number): string {
  return `3000000${String(tenantIndex).padStart(3, '0')}${String(envIndex).padStart(2, '0')}`;
}

const FIRST_SLOT = parseCidr('10.64.0.0/21');

export function slot(n: number): string {
  return formatCidr({ base: FIRST_SLOT.base + n * blockSize(FIRST_SLOT), prefix: FIRST_SLOT.prefix });
}
