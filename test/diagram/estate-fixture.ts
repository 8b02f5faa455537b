import { EstateModel, Tenant, tenantKind } from '../../lib/config/model';
import { fixtureModel } from '../support/fixture-estate';

const DIGITS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const code = (letter: string, i: number) => `${letter}${DIGITS[Math.floor(i / 36)]}${DIGITS[i % 36]}`;

function tenant(odsCode: string, icb?: string, onPremises?: 'vpn' | 'directConnect'): Tenant {
  const kind = tenantKind(odsCode);
  return {
    odsCode,
    file: `config/tenants/${odsCode}.yaml`,
    kind,
    name: `Organisation ${odsCode}`,
    scope: kind === 'national' ? 'national' : 'local',
    ...(icb && { icb }),
    dataClassification: 'OFFICIAL-SENSITIVE',
    patientData: true,
    contacts: { owner: 'it@example.nhs.uk', security: 'cyber@example.nhs.uk' },
    network: {
      currentPeakMbps: 100,
      ...(onPremises && { onPremises: { connection: onPremises, cidrs: ['172.20.0.0/24'], asn: 65010 } }),
    },
    // Diagrams read names and tiers only: the addresses need not be distinct.
    environments: {
      prod: { accountId: '300000000001', cidr: '10.64.0.0/21' },
      nonprod: { accountId: '300000000002', cidr: '10.64.8.0/21' },
    },
    budget: { monthlyGbp: 1000 },
  } as Tenant;
}

/**
 * A synthetic estate on the example's estate.yaml: `national` national bodies, then ICBs whose
 * trust counts are given one per ICB (every third trust on VPN).
 */
export function syntheticEstate(national: number, trustsPerIcb: readonly number[]): EstateModel {
  const tenants: Tenant[] = [];
  for (let i = 0; i < national; i++) tenants.push(tenant(code('X', i)));
  let trust = 0;
  trustsPerIcb.forEach((trusts, i) => {
    const icb = code('Q', i);
    tenants.push(tenant(icb));
    for (let t = 0; t < trusts; t++, trust++)
      tenants.push(tenant(code('R', trust), icb, trust % 3 === 0 ? 'vpn' : undefined));
  });
  return {
    estate: fixtureModel().estate,
    tenants: tenants.sort((a, b) => a.odsCode.localeCompare(b.odsCode)),
  };
}
