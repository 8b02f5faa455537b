import { edit, errorsOf, ESTATE, tenantText } from './helpers';

const ON_PREMISES = '  currentPeakMbps: 100\n';
const withOnPremises = (lines: string) => edit(tenantText('RAA', 1), ON_PREMISES, `${ON_PREMISES}${lines}`);
const tenants = (raa: string) => ({ QAA: tenantText('QAA', 0), RAA: raa });

describe('on-premises VPN fields', () => {
  test('a vpn link without customer gateway addresses names the missing field', () => {
    const raa = withOnPremises(
      '  onPremises:\n    connection: vpn\n    cidrs: [172.20.0.0/16]\n    asn: 65010\n',
    );
    expect(errorsOf(ESTATE, tenants(raa))).toEqual([
      'config/tenants/RAA.yaml:13:5 network.onPremises.customerGatewayIps: is required but missing\n' +
        '  hint: add "customerGatewayIps" under "network.onPremises"; expected customerGatewayIps (the public addresses of your VPN devices) for a vpn connection',
    ]);
  });

  test('a directConnect link needs no customer gateway addresses', () => {
    const raa = withOnPremises(
      '  onPremises:\n    connection: directConnect\n    cidrs: [172.20.0.0/16]\n    asn: 65010\n',
    );
    expect(errorsOf(ESTATE, tenants(raa))).toEqual([]);
  });

  test.each([
    ['[198.51.100.1, 198.51.100.2, 198.51.100.3]', 'expected one or two customer gateway addresses'],
    ['[198.51.100.300]', 'expected an IPv4 address such as 198.51.100.10, got "198.51.100.300"'],
  ])('customerGatewayIps %s', (value, message) => {
    const raa = withOnPremises(
      `  onPremises:\n    connection: vpn\n    cidrs: [172.20.0.0/16]\n    asn: 65010\n    customerGatewayIps: ${value}\n`,
    );
    const errors = errorsOf(ESTATE, tenants(raa));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(`network.onPremises.customerGatewayIps`);
    expect(errors[0]).toContain(message);
  });
});

describe('estate network fields', () => {
  test('Direct Connect locations are location codes', () => {
    const estate = edit(
      ESTATE,
      '  hub:\n',
      '  directConnect:\n    locations: [EqLD5, Telehouse North]\n  hub:\n',
    );
    expect(errorsOf(estate)).toEqual([
      'config/estate.yaml:17:24 network.directConnect.locations[1]: expected a Direct Connect location code such as EqLD5 (aws directconnect describe-locations), got "Telehouse North"',
    ]);
  });

  test('post-inspection cannot be named by a rule', () => {
    const estate = edit(
      ESTATE,
      'segmentation:\n  rules: []',
      'segmentation:\n  rules:\n    - name: bad\n      from: { segment: post-inspection }\n      to: { segment: tenants-prod }\n      reason: not a real endpoint',
    );
    const errors = errorsOf(estate);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /^config\/estate\.yaml:25:\d+ segmentation\.rules\[0\]\.from\.segment: expected one of national-services, tenants-prod, tenants-nonprod, shared-services, on-premises, got "post-inspection"/,
    );
  });
});
