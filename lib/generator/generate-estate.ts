import { UserInputError } from '../errors/user-input-error';
import { stringify } from 'yaml';
import { TenantConfig, tenantSchema } from '../config/schema/tenant-schema';
import { needMbps } from '../planners/capacity/capacity-row';
import { sizeDirectConnect } from '../planners/capacity/direct-connect';
import { VPN_MAX_CAPACITY_MBPS } from '../planners/capacity/vpn';
import { AccountIdPool } from './account-ids';
import { parseBaseEstate, readExampleEstate, readExampleExceptions } from './base-estate';
import { EnvironmentCidrAllocator, tenantCapacity } from './environments';
import { organisationName } from './names';
import { CODES_PER_PREFIX, drawOdsCodes } from './ods-codes';
import { assignConnections, LinkShares, OnPremisesAllocator, OnPremisesLink } from './on-premises';
import { drawTrustKinds, OrganisationKind, tierCounts } from './organisation-kinds';
import { drawPeakMbps } from './peaks';
import { Random, seededRandom } from './prng';

export const DEFAULT_SEED = 'nhs-cloud';
/** The national body keeps its real code: there is one, and rules and docs name it. */
export const NATIONAL_ODS_CODE = 'X24';

export interface GenerateEstateOptions {
  /** How many tenants (organisations), each with a prod and a nonprod environment. */
  readonly tenants: number;
  /** @default 'nhs-cloud' */
  readonly seed?: string | number;
  /** estate.yaml whose settings the generated estate copies. @default the example config/estate.yaml */
  readonly baseEstateText?: string;
  /**
   * The security-review exception register the generated estate carries, so its review judges
   * the same findings the base's does. @default the example config/exceptions.yaml (none with `baseEstateText`)
   */
  readonly baseExceptionsText?: string;
  /**
   * Use exactly these ICB (Q..) and trust (R..) codes instead of drawing them, e.g. to fill
   * one hub shard; `tenants` must then be 1 + icbs + trusts.
   * @default drawn at random, one ICB per five trusts
   */
  readonly odsCodes?: { readonly icbs: readonly string[]; readonly trusts: readonly string[] };
  /** Shares of tenants with Direct Connect and with VPN. @default { directConnect: 0.2, vpn: 0.4 } */
  readonly linkShares?: LinkShares;
}

export interface GeneratedTenant {
  readonly odsCode: string;
  readonly kind: OrganisationKind;
  readonly config: TenantConfig;
  /** The tenant file's YAML. */
  readonly text: string;
}

export interface GeneratedEstate {
  readonly estateText: string;
  /** exceptions.yaml, copied from the base. */
  readonly exceptionsText?: string;
  /** Sorted by ODS code. */
  readonly tenants: readonly GeneratedTenant[];
}

interface Organisation {
  readonly odsCode: string;
  readonly kind: OrganisationKind;
  readonly name: string;
  readonly icb?: string;
  readonly peakMbps: number;
}

/**
 * A synthetic but realistic estate of `tenants` organisations, for scale tests and
 * benchmarks: one national body, ICBs and trusts about 1:5, every kind of trust, log-normal
 * peaks from 20 Mbps to 10 Gbps, 20% Direct Connect and 40% VPN sites with non-overlapping
 * on-premises ranges, and a prod and a nonprod environment each, laid out by the onboarding
 * allocator. A pure function of its options: the same seed always gives the same files.
 */
export function generateEstate(options: GenerateEstateOptions): GeneratedEstate {
  const seed = String(options.seed ?? DEFAULT_SEED);
  const random = seededRandom(seed);
  const base = parseBaseEstate(options.baseEstateText ?? readExampleEstate());
  const { network, organization } = base.config;
  const counts = options.odsCodes
    ? { national: 1, icbs: options.odsCodes.icbs.length, trusts: options.odsCodes.trusts.length }
    : tierCounts(options.tenants);
  if (counts.national + counts.icbs + counts.trusts !== options.tenants) {
    throw new Error(
      `odsCodes: expected 1 national body + ICBs + trusts to make ${options.tenants} tenants, got ${counts.national + counts.icbs + counts.trusts}`,
    );
  }
  const capacity = Math.min(tenantCapacity(network.tenantSupernet), CODES_PER_PREFIX + counts.icbs + 1);
  if (options.tenants > capacity) {
    throw UserInputError.at(
      { flag: '--tenants' },
      `expected at most ${capacity} tenants, got ${options.tenants}`,
      {
        hint: `tenantSupernet ${network.tenantSupernet} and the R.. ODS codes hold at most ${capacity}; use fewer tenants or a base estate (--base) with a larger tenantSupernet`,
      },
    );
  }

  const organisations = drawOrganisations(counts, random, options.odsCodes);
  const connections = assignConnections(
    organisations,
    random,
    VPN_MAX_CAPACITY_MBPS / network.growthFactor,
    options.linkShares,
  );
  const accounts = new AccountIdPool(random, Object.values(organization.accounts).filter(isDefined));
  const environments = new EnvironmentCidrAllocator(network.tenantSupernet);
  const onPremises = new OnPremisesAllocator(
    random,
    [
      network.tenantSupernet,
      ...Object.values(network.hub),
      ...network.dns.onPremisesResolvers.map((ip) => `${ip}/32`),
    ],
    network.transitGatewayAsn,
  );

  const tenants = [...organisations]
    .sort((a, b) => a.odsCode.localeCompare(b.odsCode))
    .map((org): GeneratedTenant => {
      const connection = connections.get(org.odsCode);
      const config = tenantConfig(
        org,
        environments.allocate(org.odsCode),
        accounts,
        connection && onPremises.allocate(connection),
      );
      return { odsCode: org.odsCode, kind: org.kind, config, text: renderTenant(config, seed) };
    });
  const estateText = base.render({
    header: ` Generated by \`nhs-cloud generate-estate --tenants ${options.tenants} --seed ${seed}\`: synthetic, for scale tests.`,
    directConnectLocations: directConnectLocationsNeeded(
      tenants,
      network.growthFactor,
      network.directConnect?.locations ?? [],
    ),
  });
  const exceptionsText =
    options.baseExceptionsText ??
    (options.baseEstateText === undefined ? readExampleExceptions() : undefined);
  return { estateText, tenants, ...(exceptionsText !== undefined && { exceptionsText }) };
}

function drawOrganisations(
  counts: ReturnType<typeof tierCounts>,
  random: Random,
  given: GenerateEstateOptions['odsCodes'],
): Organisation[] {
  const icbCodes = given ? [...given.icbs] : drawOdsCodes('Q', counts.icbs, random);
  const trustCodes = given ? [...given.trusts] : drawOdsCodes('R', counts.trusts, random);
  const trustKinds = drawTrustKinds(counts.trusts, random);
  const organisation = (odsCode: string, kind: OrganisationKind, icb?: string): Organisation => ({
    odsCode,
    kind,
    icb,
    name: organisationName(kind, random),
    peakMbps: drawPeakMbps(kind, random),
  });
  return [
    organisation(NATIONAL_ODS_CODE, 'national'),
    ...icbCodes.map((code) => organisation(code, 'icb')),
    // Round-robin over randomly ordered ICBs: every ICB gets about five trusts.
    ...trustCodes.map((code, i) => organisation(code, trustKinds[i], icbCodes[i % icbCodes.length])),
  ];
}

/** Enough Direct Connect locations for the generated tenants' need, as the capacity planner sizes them. */
function directConnectLocationsNeeded(
  tenants: readonly GeneratedTenant[],
  growthFactor: number,
  locations: readonly string[],
): number {
  const need = tenants
    .filter((t) => t.config.network.onPremises?.connection === 'directConnect')
    .reduce((sum, t) => sum + needMbps(growthFactor, t.config.network.currentPeakMbps), 0);
  return need > 0 ? sizeDirectConnect(need, locations).sizing.locationsNeeded : 0;
}

function tenantConfig(
  org: Organisation,
  cidrs: { prod: string; nonprod: string },
  accounts: AccountIdPool,
  link: OnPremisesLink | undefined,
): TenantConfig {
  const domain = `${org.odsCode.toLowerCase()}.nhs.uk`;
  const holdsPatientData = org.kind !== 'icb';
  return {
    odsCode: org.odsCode,
    name: org.name,
    scope: org.kind === 'national' ? 'national' : 'local',
    ...(org.icb ? { icb: org.icb } : {}),
    dataClassification: holdsPatientData ? 'OFFICIAL-SENSITIVE' : 'OFFICIAL',
    patientData: holdsPatientData,
    costCentre: `${org.odsCode}-DIGITAL`,
    contacts: { owner: `it.director@${domain}`, security: `cyber@${domain}` },
    network: {
      currentPeakMbps: org.peakMbps,
      ...(link ? { onPremises: onPremisesConfig(link) } : {}),
    },
    environments: {
      prod: { accountId: accounts.next(), cidr: cidrs.prod },
      nonprod: { accountId: accounts.next(), cidr: cidrs.nonprod },
    },
    // Roughly a fixed platform cost plus a share that grows with traffic.
    budget: { monthlyGbp: Math.round((8000 + org.peakMbps * 25) / 1000) * 1000 },
  };
}

type OnPremisesConfig = NonNullable<TenantConfig['network']['onPremises']>;

/**
 * The tenant schema is strict, so VPN device IPs are written only once it has the field
 * (the hub planner already reads it); until then VPN links stay unbuilt, as the hub warns.
 */
export const SCHEMA_HAS_CUSTOMER_GATEWAY_IPS =
  'customerGatewayIps' in tenantSchema.shape.network.shape.onPremises.unwrap().shape;

function onPremisesConfig(link: OnPremisesLink): OnPremisesConfig {
  const base = { connection: link.connection, cidrs: [...link.cidrs], asn: link.asn };
  if (!SCHEMA_HAS_CUSTOMER_GATEWAY_IPS || link.customerGatewayIps.length === 0) return base;
  return { ...base, customerGatewayIps: [...link.customerGatewayIps] } as OnPremisesConfig;
}

function renderTenant(config: TenantConfig, seed: string): string {
  return `# Synthetic tenant from \`nhs-cloud generate-estate\` (seed ${seed}); not a real organisation's data.\n${stringify(config, { lineWidth: 0 })}`;
}

function isDefined<T>(value: T | undefined): value is T {
  return value !== undefined;
}
