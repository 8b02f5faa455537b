import { notPublicReason } from '../../lib/config/schema/aws-values';
import { edit, tenantErrors, tenantText, withOnPremises } from './helpers';

const RAA = tenantText('RAA', 1);
const messages = (text: string) => tenantErrors('RAA', text).map((e) => e.split('\n')[0]);

describe('values AWS would refuse at deploy time are refused by validate', () => {
  test.each([
    [
      'a name longer than a stack description allows',
      edit(RAA, 'name: Test organisation RAA', `name: ${'N'.repeat(201)}`),
      'config/tenants/RAA.yaml:2:7 name: expected a name of at most 200 characters, got "NNN',
    ],
    [
      'a cost centre with characters a tag value cannot hold',
      edit(RAA, 'patientData: true\n', 'patientData: true\ncostCentre: "CC#12"\n'),
      'config/tenants/RAA.yaml:7:13 costCentre: expected a cost centre code of letters, digits, spaces and _ . : / = + - @ only (what AWS accepts in a tag value), got "CC#12"',
    ],
    [
      'a cost centre longer than a tag value',
      edit(RAA, 'patientData: true\n', `patientData: true\ncostCentre: ${'C'.repeat(257)}\n`),
      'config/tenants/RAA.yaml:7:13 costCentre: expected a cost centre code of at most 256 characters (the AWS tag value limit)',
    ],
    [
      'a vending e-mail longer than Organizations accepts',
      edit(RAA, "    accountId: '200000000004'\n", `    email: ${'a'.repeat(60)}@nhs.net\n`),
      'config/tenants/RAA.yaml:17:12 environments.nonprod.email: expected an account root e-mail of 6 to 64 characters (the AWS Organizations limit)',
    ],
    [
      'an absurd peak',
      edit(RAA, 'currentPeakMbps: 100', 'currentPeakMbps: 100000000'),
      'config/tenants/RAA.yaml:11:20 network.currentPeakMbps: expected a measured peak of at most 100,000 Mbps (100 Gbps); check the unit is Mbps, got 100000000',
    ],
    [
      'a budget with fractions of a penny',
      edit(RAA, 'monthlyGbp: 1000', 'monthlyGbp: 1000.555'),
      'config/tenants/RAA.yaml:20:15 budget.monthlyGbp: expected pounds and pence, at most 2 decimal places, got 1000.555',
    ],
  ])('%s', (_, text, expected) => {
    const found = messages(text);
    expect(found).toHaveLength(1);
    expect(found[0].startsWith(expected)).toBe(true);
  });

  test('a vending e-mail used by two accounts names both', () => {
    const twice = edit(
      edit(RAA, "    accountId: '200000000003'\n", '    email: aws@raa.nhs.uk\n'),
      "    accountId: '200000000004'\n",
      '    email: AWS@raa.nhs.uk\n',
    );
    expect(tenantErrors('RAA', twice)).toEqual([
      'config/tenants/RAA.yaml:17:12 environments.nonprod.email: expected a root e-mail no other account uses, got AWS@raa.nhs.uk, which RAA prod (config/tenants/RAA.yaml) already has\n' +
        '  hint: every AWS account needs its own root e-mail; use a separate mailbox (or a +suffix alias) per environment',
    ]);
  });

  const vpn = (ips: string, connection = 'vpn') =>
    edit(
      withOnPremises(RAA, '172.20.0.0/16'),
      '    connection: directConnect\n',
      `    connection: ${connection}\n    customerGatewayIps: ${ips}\n`,
    );

  test.each([
    ['[10.1.2.3]', 'got 10.1.2.3, which is private (RFC 1918, 10.0.0.0/8)'],
    ['[100.64.0.1]', 'got 100.64.0.1, which is shared carrier-grade NAT (100.64.0.0/10)'],
    ['[192.168.1.1, 198.51.100.7]', 'got 192.168.1.1, which is private (RFC 1918, 192.168.0.0/16)'],
  ])('a private address as a VPN public address: %s', (ips, found) => {
    expect(messages(vpn(ips))).toEqual([
      `config/tenants/RAA.yaml:14:26 network.onPremises.customerGatewayIps[0]: expected the public internet address of a VPN device, ${found}`,
    ]);
  });

  test('the same device twice, and VPN addresses on a Direct Connect link, are refused', () => {
    expect(messages(vpn('[198.51.100.7, 198.51.100.7]'))).toEqual([
      'config/tenants/RAA.yaml:14:25 network.onPremises.customerGatewayIps: expected two different addresses: the same device twice gives no resilience',
    ]);
    expect(messages(vpn('[198.51.100.7]', 'directConnect'))).toEqual([
      'config/tenants/RAA.yaml:14:25 network.onPremises.customerGatewayIps: expected no customerGatewayIps for a directConnect connection: they are for vpn only',
    ]);
  });

  test.each([
    ['203.0.113.9', undefined],
    ['198.51.100.40', undefined],
    ['172.15.0.1', undefined],
    ['172.31.255.1', 'private (RFC 1918, 172.16.0.0/12)'],
    ['127.0.0.1', 'loopback (127.0.0.0/8)'],
    ['169.254.169.254', 'link-local (169.254.0.0/16)'],
    ['224.0.0.5', 'multicast (224.0.0.0/4)'],
    ['255.255.255.255', 'reserved (240.0.0.0/4)'],
    ['0.1.2.3', 'this-network (0.0.0.0/8)'],
  ])('notPublicReason(%s) is %s', (address, reason) => {
    expect(notPublicReason(address)).toBe(reason);
  });
});
