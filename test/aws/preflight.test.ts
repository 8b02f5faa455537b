import { findEnvironment } from '../../lib/aws/preflight';
import { formatPreflightJson, formatPreflightText } from '../../lib/aws/preflight-format';
import { FixtureVpc, filtersOf } from '../support/ec2-query-server';
import { ACCOUNT, check, env, model, NETWORK, READY, usePreflightHarness, verdicts } from './preflight-setup';

const h = usePreflightHarness();

describe('preflight against a ready account', () => {
  test('every check passes, signed with the test key, with the filters that scope each call', async () => {
    await h.start(READY);
    const report = await h.run();
    expect(verdicts(report)).toEqual({
      region: 'pass',
      account: 'pass',
      'cidr-overlap': 'pass',
      'default-vpc': 'pass',
      'transit-gateway': 'pass',
      'vpc-quota': 'pass',
      zones: 'pass',
      'tgw-attachment-quota': 'pass',
    });
    expect(h.server.actions()).toEqual([
      'DescribeRegions',
      'DescribeAvailabilityZones',
      'DescribeVpcs',
      'DescribeTransitGateways',
      'DescribeTransitGatewayAttachments',
    ]);
    expect(h.server.requests.every((r) => r.accessKeyId === 'AKIDTEST')).toBe(true);
    const [regions] = h.server.calls('DescribeRegions');
    expect(regions.params.AllRegions).toBe('true');
    expect(filtersOf(regions.params)).toEqual(new Map([['region-name', ['eu-west-2']]]));
    expect(filtersOf(h.server.calls('DescribeAvailabilityZones')[0].params)).toEqual(
      new Map([
        ['region-name', ['eu-west-2']],
        ['zone-type', ['availability-zone']],
      ]),
    );
    expect(filtersOf(h.server.calls('DescribeTransitGateways')[0].params)).toEqual(
      new Map([['owner-id', [NETWORK]]]),
    );
    expect(filtersOf(h.server.calls('DescribeTransitGatewayAttachments')[0].params)).toEqual(
      new Map([['transit-gateway-id', ['tgw-0hub']]]),
    );
  });

  test('messages say what was checked, and that quotas are compared with documented defaults', async () => {
    await h.start(READY);
    const report = await h.run();
    expect(check(report, 'region').message).toBe(
      'eu-west-2 is enabled for this account (opt-in-not-required)',
    );
    expect(check(report, 'account').message).toBe(
      'credentials are for 200000000003 (RAA prod), the owner of vpc-0legacy (legacy-pas)',
    );
    expect(check(report, 'cidr-overlap').message).toBe('no existing VPC overlaps 10.64.16.0/21');
    expect(check(report, 'transit-gateway').message).toBe(
      'tgw-0hub (nhs-cloud-hub) owned by 100000000004 is shared with this account and available',
    );
    // How many items each list held: the deleted attachment is read but not counted as live.
    expect(report.checks.map((c) => [c.id, c.read])).toEqual([
      ['region', { count: 1, of: 'regions' }],
      ['account', { count: 1, of: 'VPCs' }],
      ['cidr-overlap', { count: 1, of: 'VPCs' }],
      ['default-vpc', { count: 1, of: 'VPCs' }],
      ['transit-gateway', { count: 1, of: 'transit gateways' }],
      ['vpc-quota', { count: 1, of: 'VPCs' }],
      ['zones', { count: 3, of: 'zones' }],
      ['tgw-attachment-quota', { count: 2, of: 'attachments' }],
    ]);
    // This account's names for the estate's zone IDs (the fixture's a is az2, b is az1).
    expect(check(report, 'zones').message).toBe(
      'every zone config uses in eu-west-2 is available here: euw2-az1 is eu-west-2b, euw2-az2 is eu-west-2a, euw2-az3 is eu-west-2c',
    );
    expect(check(report, 'vpc-quota').message).toBe(
      '2 of 5 VPCs in eu-west-2 once the spoke is added (1 existing); EC2 cannot read Service Quotas, so this compares with the default of 5 VPCs per region and cannot see a raised quota',
    );
    // the deleted attachment is not counted
    expect(check(report, 'tgw-attachment-quota').message).toMatch(
      /^2 attachments to tgw-0hub visible from this account once the spoke attaches \(1 existing\); EC2 cannot read Service Quotas, so this compares with the default of 5,000 attachments per transit gateway$/,
    );
  });

  test('text and JSON output', async () => {
    await h.start(READY);
    const report = await h.run();
    const text = formatPreflightText(report).split('\n');
    expect(text[0]).toBe('Preflight RAA prod (account 200000000003, eu-west-2, 10.64.16.0/21)');
    expect(text[1]).toBe(
      '  PASS  region                eu-west-2 is enabled for this account (opt-in-not-required) (read 1 region)',
    );
    expect(text.at(-1)).toBe('8 passed, 0 warnings, 0 failed');
    const json = JSON.parse(formatPreflightJson(report));
    expect(json.summary).toEqual({ pass: 8, warn: 0, fail: 0 });
    expect(json.checks[0]).toEqual({
      id: 'region',
      verdict: 'pass',
      message: 'eu-west-2 is enabled for this account (opt-in-not-required)',
      read: { count: 1, of: 'regions' },
    });
  });
});

describe('preflight findings', () => {
  // Issue 13: subnets are placed by zone ID, and not every account has every ID of a region.
  test('a zone ID config uses that the account does not have, or has impaired, fails naming both', async () => {
    await h.start({
      ...READY,
      regions: [
        {
          name: 'eu-west-2',
          optInStatus: 'opt-in-not-required',
          zones: [
            { name: 'eu-west-2a', id: 'euw2-az3' },
            { name: 'eu-west-2b', id: 'euw2-az2', state: 'impaired' },
            { name: 'eu-west-2c', id: 'euw2-az4' },
          ],
        },
      ],
    });
    expect(check(await h.run(), 'zones')).toEqual({
      id: 'zones',
      verdict: 'fail',
      message:
        'eu-west-2: this account has no available zone euw2-az1, euw2-az2; it has euw2-az3 (eu-west-2a), euw2-az2 (eu-west-2b, impaired), euw2-az4 (eu-west-2c)',
      fix: 'subnets are placed by the zone IDs in estate.yaml availabilityZones.eu-west-2: choose IDs every account in the estate has, or ask AWS Support about the missing one',
      read: { count: 3, of: 'zones' },
    });
  });

  const DEFAULT_VPC: FixtureVpc = {
    id: 'vpc-0default',
    cidr: '172.31.0.0/16',
    ownerId: ACCOUNT,
    isDefault: true,
  };

  test('an overlapping VPC fails, naming the VPC and block (secondary CIDRs included)', async () => {
    await h.start({
      ...READY,
      vpcs: [
        { id: 'vpc-0a', cidr: '10.64.0.0/20', ownerId: ACCOUNT, name: 'old-spoke' },
        { id: 'vpc-0b', cidr: '10.100.0.0/16', extraCidrs: ['10.64.20.0/24'], ownerId: ACCOUNT },
      ],
    });
    const result = check(await h.run(), 'cidr-overlap');
    expect(result).toEqual({
      id: 'cidr-overlap',
      verdict: 'fail',
      message: 'vpc-0b 10.64.20.0/24 overlaps 10.64.16.0/21, the range allocated to RAA prod',
      fix: 'the transit gateway cannot route two networks with the same addresses: delete or re-address the overlapping VPC, or ask the platform team to change the allocation in config/tenants/RAA.yaml',
      read: { count: 2, of: 'VPCs' },
    });
  });

  test('a default VPC warns with how to remove it', async () => {
    await h.start({ ...READY, vpcs: [DEFAULT_VPC] });
    const result = check(await h.run(), 'default-vpc');
    expect(result.verdict).toBe('warn');
    expect(result.message).toBe(
      "default VPC vpc-0default (172.31.0.0/16) exists in eu-west-2; it has an internet gateway that bypasses the hub's inspection and egress controls",
    );
    expect(result.fix).toContain('Delete VPC');
  });

  test('a default VPC owned by another account fails the account check', async () => {
    await h.start({ ...READY, vpcs: [{ ...DEFAULT_VPC, ownerId: '555555555555' }] });
    expect(check(await h.run(), 'account')).toEqual({
      id: 'account',
      verdict: 'fail',
      message:
        'these credentials are for account 555555555555 (owner of default VPC vpc-0default), not 200000000003 (RAA prod)',
      fix: 'use credentials for account 200000000003, e.g. a profile or role in that account',
      read: { count: 1, of: 'VPCs' },
    });
  });

  test('an account with no VPC at all cannot confirm who it is', async () => {
    await h.start({ ...READY, vpcs: [] });
    const result = check(await h.run(), 'account');
    expect(result.verdict).toBe('warn');
    expect(result.fix).toBe(
      "run 'aws sts get-caller-identity' with the same credentials and check it reports 200000000003",
    );
  });

  test('five owned VPCs warn that the spoke would exceed the default quota; shared-in VPCs do not count', async () => {
    const owned = [1, 2, 3, 4].map((i) => ({
      id: `vpc-${i}`,
      cidr: `10.${100 + i}.0.0/16`,
      ownerId: ACCOUNT,
    }));
    await h.start({
      ...READY,
      vpcs: [DEFAULT_VPC, ...owned, { id: 'vpc-shared', cidr: '10.150.0.0/16', ownerId: NETWORK }],
    });
    const result = check(await h.run(), 'vpc-quota');
    expect(result).toEqual({
      id: 'vpc-quota',
      verdict: 'warn',
      message:
        'the spoke would be VPC number 6 in eu-west-2 (5 existing); EC2 cannot read Service Quotas, so this compares with the default of 5 VPCs per region and cannot see a raised quota',
      fix: "remove unused VPCs (the default VPC counts), or check 'VPCs per Region' (L-F678F1CE) in Service Quotas and request an increase if it is still 5",
      read: { count: 6, of: 'VPCs' },
    });
  });

  test('a transit gateway that is not shared fails, and the attachment count is skipped', async () => {
    await h.start({ ...READY, transitGateways: [{ id: 'tgw-0other', ownerId: '999999999999' }] });
    const report = await h.run();
    expect(check(report, 'transit-gateway')).toEqual({
      id: 'transit-gateway',
      verdict: 'fail',
      message: 'no transit gateway owned by the network account 100000000004 is visible in eu-west-2',
      fix: "in the network account, share the transit gateway with this account through AWS RAM; if RAM sharing with AWS Organizations is off, accept the invitation in this account's RAM console (Shared with me > Resource shares)",
      read: { count: 0, of: 'transit gateways' },
    });
    expect(check(report, 'tgw-attachment-quota').verdict).toBe('warn');
    expect(h.server.calls('DescribeTransitGatewayAttachments')).toHaveLength(0);
  });

  test('--transit-gateway-id narrows the search and names the gateway when it is missing', async () => {
    await h.start(READY);
    const report = await h.run({ transitGatewayId: 'tgw-0nope' });
    expect(check(report, 'transit-gateway').message).toBe(
      'transit gateway tgw-0nope owned by the network account 100000000004 is visible in eu-west-2',
    );
    expect(filtersOf(h.server.calls('DescribeTransitGateways')[0].params)).toEqual(
      new Map([
        ['owner-id', [NETWORK]],
        ['transit-gateway-id', ['tgw-0nope']],
      ]),
    );
  });

  test('two shared gateways and no --transit-gateway-id warns and asks which', async () => {
    await h.start({
      ...READY,
      transitGateways: [...READY.transitGateways!, { id: 'tgw-0dr', ownerId: NETWORK }],
    });
    const result = check(await h.run(), 'transit-gateway');
    expect(result.verdict).toBe('warn');
    expect(result.message).toBe('2 transit gateways owned by 100000000004 are visible (tgw-0hub, tgw-0dr)');
  });

  test('a region not enabled fails and stops before any call to that region', async () => {
    const optIn = { ...env, region: 'eu-south-2' };
    await h.start(READY);
    const report = await h.run({ environment: optIn });
    expect(report.checks).toEqual([
      {
        id: 'region',
        verdict: 'fail',
        message:
          'eu-south-2 is not enabled for this account (not-opted-in); the other checks need it and were not run',
        fix: "enable it in the console (Account > AWS Regions) or with 'aws account enable-region --region-name eu-south-2', wait until it shows ENABLED, then run preflight again",
        read: { count: 1, of: 'regions' },
      },
    ]);
    expect(h.server.actions()).toEqual(['DescribeRegions']);
  });
});

describe('findEnvironment', () => {
  test('finds by ODS code (any case) and name', () => {
    expect(findEnvironment(model, 'raa', 'prod')).toEqual({ environment: env });
  });

  test('names the unknown tenant or lists the environments it has', () => {
    expect(findEnvironment(model, 'RZZ', 'prod')).toEqual({ error: 'no tenant with ODS code RZZ in config' });
    expect(findEnvironment(model, 'RAA', 'test')).toEqual({
      error: "tenant RAA has no environment 'test' (it has: prod, nonprod)",
    });
  });
});
