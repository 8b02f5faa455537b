import { parse } from 'yaml';
import { parseCidr, overlaps, contains } from '../../lib/net/cidr';
import { generateEstate, SCHEMA_HAS_CUSTOMER_GATEWAY_IPS } from '../../lib/generator/generate-estate';
import { summariseEstate } from '../../lib/generator/summarise';
import { TRUST_KINDS } from '../../lib/generator/organisation-kinds';
import { tierCounts } from '../../lib/generator/organisation-kinds';
import { generatedModel } from './generated-model';

describe('generateEstate', () => {
  const { estate, model } = generatedModel({ tenants: 250, seed: 'test' });
  const summary = summariseEstate(estate);
  const configs = estate.tenants.map((t) => t.config);

  test('is deterministic for a seed and differs between seeds', () => {
    const again = generateEstate({ tenants: 250, seed: 'test' });
    expect(again.estateText).toBe(estate.estateText);
    expect(again.tenants.map((t) => t.text)).toEqual(estate.tenants.map((t) => t.text));
    const other = generateEstate({ tenants: 250, seed: 'other' });
    expect(other.tenants.map((t) => t.odsCode)).not.toEqual(estate.tenants.map((t) => t.odsCode));
  });

  test('holds one national body, an ICB per five trusts and every kind of trust', () => {
    expect(model.tenants).toHaveLength(250);
    expect(summary.byKind.national).toBe(1);
    expect(summary.byKind.icb).toBe(42);
    for (const kind of TRUST_KINDS) expect(summary.byKind[kind]).toBeGreaterThan(0);
    expect(model.tenants.filter((t) => t.kind === 'trust')).toHaveLength(207);
    expect(model.tenants.find((t) => t.kind === 'national')?.odsCode).toBe('X24');
  });

  test('gives every trust an ICB that exists, about five trusts each', () => {
    const icbs = new Set(model.tenants.filter((t) => t.kind === 'icb').map((t) => t.odsCode));
    const perIcb = new Map<string, number>();
    for (const t of model.tenants.filter((x) => x.kind === 'trust')) {
      expect(icbs.has(t.icb!)).toBe(true);
      perIcb.set(t.icb!, (perIcb.get(t.icb!) ?? 0) + 1);
    }
    expect(Math.min(...perIcb.values())).toBeGreaterThanOrEqual(4);
    expect(Math.max(...perIcb.values())).toBeLessThanOrEqual(5);
  });

  test('spreads peaks from 20 Mbps to 10 Gbps, log-normally', () => {
    const peaks = configs.map((c) => c.network.currentPeakMbps).sort((a, b) => a - b);
    expect(peaks[0]).toBeGreaterThanOrEqual(20);
    expect(peaks[0]).toBeLessThan(60);
    expect(peaks.at(-1)).toBe(10_000);
    // Log-normal: the median sits far below the mean's pull from the largest trusts.
    expect(summary.peakMbps.median).toBeGreaterThan(150);
    expect(summary.peakMbps.median).toBeLessThan(800);
  });

  test('gives 20% Direct Connect and 40% VPN, with non-overlapping on-premises ranges', () => {
    expect(summary.directConnect).toBe(50);
    expect(summary.vpn).toBe(100);
    const ranges = configs.flatMap((c) => c.network.onPremises?.cidrs ?? []).map(parseCidr);
    const pools = ['172.16.0.0/12', '192.168.0.0/16'].map(parseCidr);
    for (const r of ranges) expect(pools.some((p) => contains(p, r))).toBe(true);
    for (let i = 0; i < ranges.length; i++)
      for (let j = i + 1; j < ranges.length; j++) expect(overlaps(ranges[i], ranges[j])).toBe(false);
    // The on-premises DNS resolvers in estate.yaml (172.31.255.10-11) stay outside every range.
    expect(ranges.some((r) => contains(r, parseCidr('172.31.255.10/32')))).toBe(false);
    const asns = configs.flatMap((c) => (c.network.onPremises ? [c.network.onPremises.asn] : []));
    expect(new Set(asns).size).toBe(asns.length);
    expect(asns).not.toContain(64512); // the Transit Gateway's own ASN
  });

  test('gives each VPN site two device IPs from the benchmarking range once the schema has the field', () => {
    const vpn = configs.filter((c) => c.network.onPremises?.connection === 'vpn');
    const ips = vpn.flatMap(
      (c) => (c.network.onPremises as { customerGatewayIps?: string[] }).customerGatewayIps ?? [],
    );
    if (!SCHEMA_HAS_CUSTOMER_GATEWAY_IPS) {
      expect(ips).toEqual([]);
      return;
    }
    expect(ips).toHaveLength(2 * vpn.length);
    expect(new Set(ips).size).toBe(ips.length);
    for (const ip of ips) expect(contains(parseCidr('198.18.0.0/15'), parseCidr(`${ip}/32`))).toBe(true);
  });

  test('allocates environments as onboarding does: lowest free /21 for prod, /22 for nonprod', () => {
    const first = configs[0].environments;
    expect(first.prod.cidr).toBe('10.64.0.0/21');
    expect(first.nonprod.cidr).toBe('10.64.8.0/22');
    expect(configs[1].environments.prod.cidr).toBe('10.64.16.0/21');
    expect(configs[1].environments.nonprod.cidr).toBe('10.64.12.0/22');
  });

  test('gives every environment its own 12-digit account, clear of the core accounts', () => {
    const ids = configs.flatMap((c) => Object.values(c.environments).map((e) => e.accountId!));
    expect(ids).toHaveLength(500);
    expect(new Set(ids).size).toBe(500);
    for (const id of ids) expect(id).toMatch(/^[2-9]\d{11}$/);
  });

  test('keeps the example estate settings and drops only rules that name a tenant', () => {
    const doc = parse(estate.estateText);
    expect(doc.network.tenantSupernet).toBe('10.64.0.0/10');
    expect(doc.segmentation.rules.map((r: { name: string }) => r.name)).toEqual([
      'tenants-to-national-services',
    ]);
    expect(estate.estateText).toMatch(
      /^# Generated by `nhs-cloud generate-estate --tenants 250 --seed test`/,
    );
    expect(estate.estateText).not.toContain('yaml-language-server');
  });

  test('adds Direct Connect locations when the generated need exceeds the example two', () => {
    const big = parse(generateEstate({ tenants: 1000, seed: 'test' }).estateText);
    expect(big.network.directConnect.locations.length).toBeGreaterThan(2);
    expect(big.network.directConnect.locations[2]).toBe('SynDX3');
  });

  test('fits and validates 1,000 tenants', () => {
    const { model: large } = generatedModel({ tenants: 1000, seed: 'scale' });
    expect(large.tenants).toHaveLength(1000);
  });

  test('uses given ODS codes and link shares', () => {
    const { model: given } = generatedModel({
      tenants: 4,
      odsCodes: { icbs: ['Q00'], trusts: ['R00', 'R01'] },
      linkShares: { directConnect: 0, vpn: 1 },
    });
    expect(given.tenants.map((t) => t.odsCode)).toEqual(['Q00', 'R00', 'R01', 'X24']);
    // X24's 10 Gbps peak is beyond any VPN, so it gets Direct Connect whatever the shares.
    expect(given.tenants.map((t) => t.network.onPremises?.connection)).toEqual([
      'vpn',
      'vpn',
      'vpn',
      'directConnect',
    ]);
  });

  test('refuses more tenants than the tenant pool holds', () => {
    expect(() => generateEstate({ tenants: 1366 })).toThrow(
      '--tenants: expected at most 1365 tenants, got 1366\n' +
        '  hint: tenantSupernet 10.64.0.0/10 and the R.. ODS codes hold at most 1365; use fewer tenants or a base estate (--base) with a larger tenantSupernet',
    );
  });

  test.each([
    [1, { national: 1, icbs: 0, trusts: 0 }],
    [2, { national: 1, icbs: 1, trusts: 0 }],
    [7, { national: 1, icbs: 1, trusts: 5 }],
    [50, { national: 1, icbs: 8, trusts: 41 }],
    [1000, { national: 1, icbs: 167, trusts: 832 }],
  ])('tierCounts(%i)', (n, expected) => {
    expect(tierCounts(n)).toEqual(expected);
  });
});
