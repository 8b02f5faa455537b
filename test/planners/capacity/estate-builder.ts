import { EstateModel, Tenant, tenantKind } from '../../../lib/config/model';
import { estateSchema } from '../../../lib/config/schema/estate-schema';
import { blockSize, formatCidr, parseCidr } from '../../../lib/net/cidr';

/**
 * Small estates for capacity tests, built in code: only the fields the capacity plan reads
 * vary, everything else is a fixed valid value. Each tenant gets four /21 slots from
 * 10.64.0.0 on (tenant 1 starts at 10.64.32.0/21), so CIDRs never overlap.
 */
export interface TenantSpec {
  readonly ods: string;
  readonly peakMbps: number;
  readonly onPremises?: 'vpn' | 'directConnect';
  /** @default ['172.16.0.0/16'] with onPremises */
  readonly onPremisesCidrs?: readonly string[];
  /** @default ['prod'] */
  readonly environments?: readonly string[];
  /** `network.lane`: the lane the tenant is pinned to. */
  readonly lane?: number;
  /** @default 'local' */
  readonly scope?: 'local' | 'national';
}

export interface EstateSpec {
  /** @default 10 */
  readonly growthFactor?: number;
  /** Omit for an estate without Direct Connect. */
  readonly dxLocations?: readonly string[];
  /** @default euw2-az1, 2b and 2c */
  readonly zones?: readonly string[];
  /** `network.hub.lanes`. @default 10.1.0.0/16 */
  readonly lanesRange?: string | null;
  /** @default 1000 */
  readonly averagePacketBytes?: number;
  readonly rules?: readonly unknown[];
  /** @default none */
  readonly resolvers?: readonly string[];
}

export const TWO_LOCATIONS = ['Slough', 'Docklands'];

export function estateModel(tenants: readonly TenantSpec[], spec: EstateSpec = {}): EstateModel {
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
    availabilityZones: { 'eu-west-2': spec.zones ?? ['euw2-az1', 'euw2-az2', 'euw2-az3'] },
    network: {
      tenantSupernet: '10.64.0.0/10',
      hub: {
        inspection: '10.0.0.0/22',
        egress: '10.0.4.0/22',
        sharedServices: '10.0.8.0/21',
        ...(spec.lanesRange === null ? {} : { lanes: spec.lanesRange ?? '10.1.0.0/16' }),
      },
      growthFactor: spec.growthFactor ?? 10,
      ...(spec.averagePacketBytes ? { averagePacketBytes: spec.averagePacketBytes } : {}),
      ...(spec.dxLocations ? { directConnect: { locations: spec.dxLocations } } : {}),
      ...(spec.resolvers ? { dns: { onPremisesResolvers: spec.resolvers, forwardedDomains: [] } } : {}),
    },
    segmentation: { rules: spec.rules ?? [] },
  });
  return { estate, tenants: tenants.map(tenant) };
}

function tenant(spec: TenantSpec, index: number): Tenant {
  const names = spec.environments ?? ['prod'];
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
      currentPeakMbps: spec.peakMbps,
      ...(spec.onPremises
        ? {
            onPremises: {
              connection: spec.onPremises,
              cidrs: [...(spec.onPremisesCidrs ?? ['172.16.0.0/16'])],
              asn: 65001,
            },
          }
        : {}),
      ...(spec.lane ? { lane: spec.lane } : {}),
    },
    environments: Object.fromEntries(
      names.map((name, i) => [
        name,
        { accountId: String(200000000000 + index * 10 + i), cidr: slot(index * 4 + i) },
      ]),
    ),
    budget: { monthlyGbp: 1000 },
  };
}

const FIRST_SLOT = parseCidr('10.64.0.0/21');

function slot(n: number): string {
  return formatCidr({ base: FIRST_SLOT.base + n * blockSize(FIRST_SLOT), prefix: FIRST_SLOT.prefix });
}
