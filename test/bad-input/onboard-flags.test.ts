import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BadInputCase, describeCases } from './harness';

/** A valid onboard of trust RZB into QAA; each case changes one flag. */
const FLAGS: Record<string, string | string[]> = {
  '--tenant': 'RZB',
  '--name': 'Test Trust RZB',
  '--icb': 'QAA',
  '--env': ['prod=300000000001', 'nonprod=300000000002'],
  '--peak-mbps': '100',
  '--owner': 'it@rzb.nhs.uk',
  '--security-contact': 'cyber@rzb.nhs.uk',
  '--budget-gbp': '1000',
};
const VPN = {
  '--on-prem': 'vpn',
  '--on-prem-cidr': '172.30.0.0/16',
  '--on-prem-asn': '65030',
  '--on-prem-gateway-ip': ['198.51.100.40', '198.51.100.41'],
};

type Flags = Record<string, string | string[] | undefined>;

function onboard(changes: Flags = {}, extra: string[] = []): (dir: string) => string[] {
  return (dir) => {
    const args = ['onboard'];
    for (const [flag, value] of Object.entries({ ...FLAGS, ...changes })) {
      if (value === undefined) continue;
      for (const v of [value].flat()) args.push(flag, v);
    }
    return [...args, ...extra, '--config', dir];
  };
}
const vpn = (changes: Flags = {}) => onboard({ ...VPN, ...changes });

const flagCase = (name: string, changes: Flags, flag: string, says?: string): BadInputCase => ({
  name,
  args: onboard(changes),
  code: 2,
  names: { flag },
  says,
});

const CASES: BadInputCase[] = [
  flagCase('a two-letter ODS code', { '--tenant': 'RG' }, '--tenant', 'expected a 3-character ODS code'),
  flagCase('an ODS code with punctuation', { '--tenant': 'R_1' }, '--tenant'),
  flagCase('an ODS code with no known prefix', { '--tenant': 'ZZZ' }, '--tenant'),
  flagCase('a tenant that exists, in lower case', { '--tenant': 'raa' }, '--tenant', 'already exists'),
  flagCase('an ICB that exists', { '--tenant': 'QAA', '--icb': undefined }, '--tenant', 'already exists'),
  flagCase('an empty name', { '--name': '' }, '--name'),
  flagCase('a name of only spaces', { '--name': '   ' }, '--name'),
  flagCase(
    'a name longer than a stack description allows',
    { '--name': 'N'.repeat(201) },
    '--name',
    'at most 200 characters',
  ),
  flagCase('a name over two lines', { '--name': 'Trust\nRZB' }, '--name', 'on one line'),
  flagCase('a name with a tab', { '--name': 'Trust\tRZB' }, '--name'),
  flagCase('a name with a control character', { '--name': 'Trust\u0007RZB' }, '--name'),
  flagCase('a name with a text-direction override', { '--name': 'Trust \u202eBZR' }, '--name'),
  flagCase(
    'a 50 KB name is cut when echoed',
    { '--name': 'x'.repeat(50_000) },
    '--name',
    '(50,000 characters)',
  ),
  flagCase('an ICB code with punctuation', { '--icb': 'Q-A' }, '--icb'),
  flagCase('an ICB with no tenant file', { '--icb': 'QZZ' }, '--icb', 'which has no tenant file'),
  flagCase('a trust as the ICB', { '--icb': 'raa' }, '--icb', 'which is a trust'),
  flagCase('a trust without an ICB', { '--icb': undefined }, '--icb', 'is required for a local trust'),
  flagCase('an ICB with an ICB', { '--tenant': 'QZB' }, '--icb', 'expected no icb for an ICB'),
  flagCase('no --env at all', { '--env': undefined }, '--env'),
  flagCase('--env without =', { '--env': 'prod' }, '--env', 'expected NAME=ACCOUNT_ID'),
  flagCase('an environment name in capitals', { '--env': 'Prod=300000000001' }, '--env'),
  flagCase('an environment name too long', { '--env': 'productionenvironment=300000000001' }, '--env'),
  flagCase('an account ID with dashes', { '--env': 'prod=3000-0000-0001' }, '--env prod', 'without dashes'),
  flagCase('an account ID with spaces', { '--env': 'prod=3000 0000 0001' }, '--env prod'),
  flagCase('an account ID of 11 digits', { '--env': 'prod=30000000000' }, '--env prod', '(11 digits)'),
  flagCase('an account that is neither ID nor e-mail', { '--env': 'prod=abc' }, '--env prod'),
  flagCase(
    'one environment twice',
    { '--env': ['prod=300000000001', 'prod=300000000002'] },
    '--env prod',
    'twice',
  ),
  flagCase(
    'one account for two environments',
    { '--env': ['prod=300000000001', 'nonprod=300000000001'] },
    '--env nonprod',
  ),
  flagCase('a root e-mail without a domain', { '--env': 'prod=aws@rzb' }, '--env prod'),
  flagCase(
    'a root e-mail longer than Organizations takes',
    { '--env': `prod=${'a'.repeat(60)}@rzb.nhs.uk` },
    '--env prod',
    '6 to 64 characters',
  ),
  flagCase(
    'one root e-mail for two accounts',
    { '--env': ['prod=aws@rzb.nhs.uk', 'nonprod=AWS@rzb.nhs.uk'] },
    '--env nonprod',
  ),
  flagCase('an account another tenant has', { '--env': 'prod=200000000003' }, '--env prod', 'RAA prod'),
  flagCase(
    'a core account',
    { '--env': 'prod=100000000001' },
    '--env prod',
    "the estate's management account",
  ),
  flagCase('a hexadecimal peak', { '--peak-mbps': '0x10' }, '--peak-mbps', 'decimal digits'),
  flagCase('a peak in exponent notation', { '--peak-mbps': '1e308' }, '--peak-mbps'),
  flagCase('a negative peak', { '--peak-mbps': '-5' }, '--peak-mbps'),
  flagCase('a zero peak', { '--peak-mbps': '0' }, '--peak-mbps', 'positive'),
  flagCase('an infinite peak', { '--peak-mbps': 'Infinity' }, '--peak-mbps'),
  flagCase('an absurd peak', { '--peak-mbps': '5000000' }, '--peak-mbps', 'check the unit is Mbps'),
  flagCase('a peak with a thousands separator', { '--peak-mbps': '20,000' }, '--peak-mbps'),
  flagCase('a budget with a pound sign', { '--budget-gbp': '£1000' }, '--budget-gbp'),
  flagCase(
    'a budget with fractions of a penny',
    { '--budget-gbp': '1000.005' },
    '--budget-gbp',
    '2 decimal places',
  ),
  flagCase('an absurd budget', { '--budget-gbp': '999999999' }, '--budget-gbp'),
  flagCase('a zero budget', { '--budget-gbp': '0' }, '--budget-gbp'),
  flagCase(
    'an owner that would inject a YAML key',
    { '--owner': 'it@rzb.nhs.uk, finance: x@y.nhs.uk' },
    '--owner',
  ),
  flagCase(
    'an owner address too long',
    { '--owner': `${'a'.repeat(260)}@rzb.nhs.uk` },
    '--owner',
    'at most 254',
  ),
  flagCase('a security contact that is no address', { '--security-contact': 'cyber' }, '--security-contact'),
  flagCase('a prefix too large', { '--prefix': '/12' }, '--prefix'),
  flagCase('a prefix too small', { '--prefix': '/25' }, '--prefix'),
  flagCase('a prefix that is no number', { '--prefix': 'big' }, '--prefix'),
  {
    name: 'a data classification not in the list',
    args: onboard({}, ['--data-classification', 'SECRET']),
    code: 2,
    names: { flag: '--data-classification' },
  },
  {
    name: 'a scope not in the list',
    args: onboard({ '--scope': 'regional' }),
    code: 2,
    names: { flag: '--scope' },
  },
  {
    name: 'a link type not in the list',
    args: onboard({}, ['--on-prem', 'mpls']),
    code: 2,
    names: { flag: '--on-prem' },
  },
  {
    name: 'an output format not in the list',
    args: onboard({}, ['--format', 'xml']),
    code: 2,
    names: { flag: '--format' },
  },
  {
    name: 'a misspelt option',
    args: onboard({}, ['--tennant', 'RZB']),
    code: 2,
    names: { flag: '--tennant' },
  },
  {
    name: 'national scope for a trust',
    args: onboard({ '--scope': 'national' }),
    code: 2,
    names: { flag: '--scope' },
  },
  {
    name: 'a VPN without on-premises ranges',
    args: vpn({ '--on-prem-cidr': undefined }),
    code: 2,
    names: { flag: '--on-prem-cidr' },
  },
  {
    name: 'a VPN without an ASN',
    args: vpn({ '--on-prem-asn': undefined }),
    code: 2,
    names: { flag: '--on-prem-asn' },
  },
  {
    name: 'a hexadecimal ASN',
    args: vpn({ '--on-prem-asn': '0xFDE8' }),
    code: 2,
    names: { flag: '--on-prem-asn' },
  },
  {
    name: 'a public ASN',
    args: vpn({ '--on-prem-asn': '3356' }),
    code: 2,
    names: { flag: '--on-prem-asn' },
    says: 'private BGP ASN',
  },
  {
    name: 'an on-premises CIDR with host bits set',
    args: vpn({ '--on-prem-cidr': '172.30.0.1/16' }),
    code: 2,
    names: { flag: '--on-prem-cidr' },
    says: 'did you mean 172.30.0.0/16?',
  },
  {
    name: 'an on-premises CIDR that is no CIDR',
    args: vpn({ '--on-prem-cidr': '300.0.0.0/8' }),
    code: 2,
    names: { flag: '--on-prem-cidr' },
  },
  {
    name: 'an on-premises range overlapping the hub',
    args: vpn({ '--on-prem-cidr': '10.0.0.0/20' }),
    code: 2,
    names: [{ flag: '--on-prem-cidr' }, { text: 'hub range' }],
  },
  {
    name: 'an on-premises range overlapping a tenant',
    args: vpn({ '--on-prem-cidr': '10.64.16.0/20' }),
    code: 2,
    names: [{ flag: '--on-prem-cidr' }, { file: 'tenants/RAA.yaml' }],
  },
  {
    name: 'a private VPN device address',
    args: vpn({ '--on-prem-gateway-ip': '192.168.1.1' }),
    code: 2,
    names: { flag: '--on-prem-gateway-ip' },
    says: 'private (RFC 1918',
  },
  {
    name: 'a shared-NAT VPN device address',
    args: vpn({ '--on-prem-gateway-ip': '100.64.1.1' }),
    code: 2,
    names: { flag: '--on-prem-gateway-ip' },
  },
  {
    name: 'one VPN device twice',
    args: vpn({ '--on-prem-gateway-ip': ['198.51.100.40', '198.51.100.40'] }),
    code: 2,
    names: { flag: '--on-prem-gateway-ip' },
  },
  {
    name: 'three VPN devices',
    args: vpn({ '--on-prem-gateway-ip': ['198.51.100.40', '198.51.100.41', '198.51.100.42'] }),
    code: 2,
    names: { flag: '--on-prem-gateway-ip' },
  },
  {
    name: 'a VPN device address that is no address',
    args: vpn({ '--on-prem-gateway-ip': '999.1.1.1' }),
    code: 2,
    names: { flag: '--on-prem-gateway-ip' },
  },
  {
    name: 'a VPN without device addresses',
    args: vpn({ '--on-prem-gateway-ip': undefined }),
    code: 2,
    names: { flag: '--on-prem-gateway-ip' },
  },
  {
    name: 'VPN device addresses on a Direct Connect link',
    args: vpn({ '--on-prem': 'directConnect' }),
    code: 2,
    names: { flag: '--on-prem-gateway-ip' },
    says: 'applies only to --on-prem vpn',
  },
  {
    name: 'on-premises ranges without --on-prem',
    args: onboard({ '--on-prem-cidr': '172.30.0.0/16' }),
    code: 2,
    names: { flag: '--on-prem-cidr' },
  },
  {
    name: 'an ASN without --on-prem',
    args: onboard({ '--on-prem-asn': '65030' }),
    code: 2,
    names: { flag: '--on-prem-asn' },
  },
  {
    name: 'a config folder that does not exist',
    args: (dir) => [...onboard()(dir).slice(0, -1), join(dir, 'nowhere')],
    code: 2,
    names: { text: 'nowhere' },
  },
  {
    name: 'an estate that is already invalid names its file, not the new tenant',
    setup: (dir) => writeFileSync(join(dir, 'tenants', 'QAA.yaml'), 'odsCode: QAA\nname: [unclosed\n'),
    args: onboard(),
    code: 2,
    names: { file: 'tenants/QAA.yaml' },
    says: 'not of the new tenant',
  },
  {
    name: 'more traffic than the estate carries',
    args: onboard({ '--peak-mbps': '30000' }),
    code: 1,
    names: { flag: '--peak-mbps' },
    says: 'RZB cannot join yet',
  },
  {
    name: 'more traffic than a VPN carries',
    args: vpn({ '--peak-mbps': '6000' }),
    code: 1,
    names: { flag: '--on-prem directConnect' },
  },
  {
    name: 'a tenants folder entry named like the new tenant',
    setup: (dir) => mkdirSync(join(dir, 'tenants', 'RZB.yml')),
    args: onboard(),
    code: 2,
    names: { file: 'tenants/RZB.yml' },
  },
  {
    name: 'a config without tenants/ and with a folder as estate.yaml',
    setup: (dir) => {
      rmSync(join(dir, 'estate.yaml'));
      mkdirSync(join(dir, 'estate.yaml'));
    },
    args: onboard(),
    code: 2,
    names: { file: 'estate.yaml' },
    says: 'found a folder',
  },
];

describeCases('onboard: every bad flag is refused at the flag, and nothing is written', CASES);
