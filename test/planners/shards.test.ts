import { planVpnLinks } from '../../lib/planners/hub/vpn-links';
import { planSegmentation } from '../../lib/planners/segmentation/plan-segmentation';
import {
  assertShardBounds,
  ODS_CODE_SPACE,
  odsOrdinal,
  planShards,
  SHARD_COUNT,
  SHARD_MAX_RESOURCES,
  shardOf,
  shardStackName,
  ShardPlan,
} from '../../lib/planners/shards';
import { NetTenant, networkModel } from './segmentation/network-model';

const FIRST = 'RQX';
const REST = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ALL_CODES = [...FIRST].flatMap((a) => [...REST].flatMap((b) => [...REST].map((c) => `${a}${b}${c}`)));

/** A national-scale estate: two environments each; every third tenant on VPN with 1-3 connections. */
function nationalEstate(count: number, stride = 3) {
  const codes = ALL_CODES.filter((_, i) => i % stride === 0).slice(0, count);
  const tenants: NetTenant[] = codes.map((ods, i) => ({
    ods,
    ...(i % 3 === 0
      ? {
          onPremises: {
            connection: 'vpn' as const,
            cidrs: ['172.20.0.0/24'],
            asn: 65001,
            customerGatewayIps: ['203.0.113.1', '203.0.113.2'],
          },
        }
      : {}),
  }));
  const model = networkModel(tenants);
  const vpn = planVpnLinks(model, Object.fromEntries(codes.map((ods, i) => [ods, 1 + (i % 3)])));
  return { model, vpn, plan: planSegmentation(model, { vpnLinks: vpn, directConnect: true }) };
}

describe('shard assignment', () => {
  test('the ODS code space has 3,888 codes, each with its own ordinal', () => {
    expect(ODS_CODE_SPACE).toBe(3888);
    expect(new Set(ALL_CODES.map(odsOrdinal)).size).toBe(3888);
    expect([odsOrdinal('R00'), odsOrdinal('RAA'), odsOrdinal('XZZ')]).toEqual([0, 370, 3887]);
  });

  test('rejects what is not an ODS code', () => {
    expect(() => odsOrdinal('ABC')).toThrow('not an ODS code: "ABC"');
  });

  test('no shard can ever hold more than ceil(3,888 / SHARD_COUNT) = 31 tenants', () => {
    const load = new Map<number, number>();
    for (const code of ALL_CODES) load.set(shardOf(code), (load.get(shardOf(code)) ?? 0) + 1);
    expect(load.size).toBe(SHARD_COUNT);
    expect(Math.max(...load.values())).toBe(Math.ceil(ODS_CODE_SPACE / SHARD_COUNT));
  });

  test('stack names sort in shard order', () => {
    expect([shardStackName(7), shardStackName(42), shardStackName(127)]).toEqual([
      'Core-Network-Shard-007',
      'Core-Network-Shard-042',
      'Core-Network-Shard-127',
    ]);
  });
});

describe('planShards at national scale (1,000 tenants, 2,000 environments)', () => {
  const { model, vpn, plan } = nationalEstate(1000);
  const shards = planShards(model, plan, vpn);

  test('every tenant is in exactly one shard', () => {
    expect(shards.flatMap((s) => s.tenants).sort()).toEqual(model.tenants.map((t) => t.odsCode).sort());
  });

  test('no shard exceeds the resource budget', () => {
    const largest = Math.max(...shards.map((s) => s.resources));
    expect(largest).toBeLessThanOrEqual(SHARD_MAX_RESOURCES);
    expect(() => assertShardBounds(shards)).not.toThrow();
  });

  test('onboarding a tenant touches only its own shard', () => {
    const before = new Map(shards.map((s) => [s.index, s]));
    const grown = nationalEstate(1001);
    const after = planShards(grown.model, grown.plan, grown.vpn);
    const newcomer = grown.model.tenants
      .map((t) => t.odsCode)
      .find((c) => !model.tenants.some((t) => t.odsCode === c))!;
    const changed = after.filter((s) => JSON.stringify(s) !== JSON.stringify(before.get(s.index)));
    expect(changed.map((s) => s.index)).toEqual([shardOf(newcomer)]);
  });

  test('removing a tenant touches only its own shard', () => {
    const leaving = model.tenants[500].odsCode;
    const remaining = { estate: model.estate, tenants: model.tenants.filter((t) => t.odsCode !== leaving) };
    const links = vpn.filter((l) => l.tenant !== leaving);
    const after = planShards(
      remaining,
      planSegmentation(remaining, { vpnLinks: links, directConnect: true }),
      links,
    );
    const changed = after.filter(
      (s) => JSON.stringify(s) !== JSON.stringify(shards.find((b) => b.index === s.index)),
    );
    expect(changed.map((s) => s.index)).toEqual([shardOf(leaving)]);
  });
});

describe('planShards counts', () => {
  test('counts allocations, associations, propagations, blackholes, gateways, VPNs and lookups per tenant', () => {
    const model = networkModel([
      {
        ods: 'RGR',
        onPremises: {
          connection: 'vpn',
          cidrs: ['172.20.0.0/16'],
          asn: 65010,
          customerGatewayIps: ['203.0.113.10'],
        },
      },
    ]);
    const vpn = planVpnLinks(model, { RGR: 2 });
    const [shard] = planShards(model, planSegmentation(model, { vpnLinks: vpn, directConnect: false }), vpn);
    // 2 allocations + 2 spokes x (association + propagation) + 3 blackholes (prod 1, nonprod 2)
    // + 1 customer gateway + 2 VPNs x (connection + association + propagation) + 1 lookup
    expect(shard).toEqual({
      index: shardOf('RGR'),
      stackName: shardStackName(shardOf('RGR')),
      tenants: ['RGR'],
      attachments: 4,
      resources: 2 + 4 + 3 + 1 + 6 + 1,
    });
  });

  test('a full shard of the whole code space stays inside the budget for 2-environment tenants with one VPN', () => {
    const codes = ALL_CODES.filter((c) => shardOf(c) === 0);
    const model = networkModel(
      codes.map((ods) => ({
        ods,
        onPremises: {
          connection: 'vpn' as const,
          cidrs: ['172.20.0.0/24'],
          asn: 65001,
          customerGatewayIps: ['203.0.113.1'],
        },
      })),
    );
    const vpn = planVpnLinks(model, {});
    const [shard] = planShards(model, planSegmentation(model, { vpnLinks: vpn, directConnect: false }), vpn);
    expect(shard.tenants).toHaveLength(31);
    expect(shard.resources).toBe(31 * 13 + 2);
  });
});

describe('assertShardBounds', () => {
  test('names every shard over budget and its tenants', () => {
    const over: ShardPlan = {
      index: 3,
      stackName: 'Core-Network-Shard-003',
      tenants: ['RAA', 'RAB'],
      attachments: 9,
      resources: 451,
    };
    expect(() => assertShardBounds([over])).toThrow(
      'Hub shards over budget: 1\n  - Core-Network-Shard-003: 451 resources (limit 450); tenants RAA, RAB\n',
    );
  });
});
