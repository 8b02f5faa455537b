import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BadInputCase, describeCases, editFile, EXCEPTIONS } from './harness';

const validate = (dir: string) => ['validate', '--config', dir];

/** A case that replaces one text in one file of the estate and runs validate. */
function edit(
  name: string,
  file: string,
  from: string,
  to: string,
  says?: string,
  also: string[] = [],
): BadInputCase {
  return {
    name,
    setup: (dir) => editFile(dir, file, from, to),
    args: validate,
    code: 2,
    names: [{ file }, ...also.map((f) => ({ file: f }))],
    says,
  };
}
const raa = (name: string, from: string, to: string, says?: string, also: string[] = []) =>
  edit(name, 'tenants/RAA.yaml', from, to, says, also);
const estate = (name: string, from: string, to: string, says?: string) =>
  edit(name, 'estate.yaml', from, to, says);
const exceptions = (name: string, from: string, to: string, says?: string) =>
  edit(name, 'exceptions.yaml', from, to, says);
const register = (name: string, from: string, to: string, says?: string, also: string[] = []) =>
  edit(name, 'allocations.yaml', from, to, says, also);

const ON_PREM = (lines: string) =>
  ['  currentPeakMbps: 100\n', `  currentPeakMbps: 100\n  onPremises:\n${lines}`] as const;

const TENANT_CASES: BadInputCase[] = [
  raa('an ODS code in lower case', 'odsCode: RAA', 'odsCode: raa', 'expected a 3-character ODS code'),
  raa(
    'an ODS code that does not match the file name',
    'odsCode: RAA',
    'odsCode: RAB',
    'to match the file name',
  ),
  raa('the name missing', 'name: Test organisation RAA\n', '', 'is required but missing'),
  raa(
    'a name longer than a stack description allows',
    'name: Test organisation RAA',
    `name: ${'N'.repeat(201)}`,
  ),
  raa(
    'a name with a control character',
    'name: Test organisation RAA',
    'name: "Test\\u0007organisation"',
    'control characters',
  ),
  raa('a name with a text-direction override', 'name: Test organisation RAA', 'name: "Test \\u202eAAR"'),
  raa(
    'a 1 MB name is cut when echoed',
    'name: Test organisation RAA',
    `name: ${'x'.repeat(1_000_000)}`,
    '(1,000,000 characters)',
  ),
  raa('a scope not in the list', 'scope: local', 'scope: regional', 'expected local or national'),
  raa('an ICB with no tenant file', 'icb: QAA', 'icb: QZZ', 'which has no tenant file'),
  raa('a data classification not in the list', 'dataClassification: OFFICIAL', 'dataClassification: SECRET'),
  raa('patientData as text', 'patientData: true', 'patientData: "yes"', 'expected true or false'),
  raa('an owner that is no e-mail address', 'owner: it@raa.nhs.uk', 'owner: it-team'),
  raa('a misspelt field', 'environments:', 'enviroments:', 'did you mean "environments"?'),
  raa('a hexadecimal peak', 'currentPeakMbps: 100', 'currentPeakMbps: 0x64', '(hexadecimal)'),
  raa('a peak in exponent notation', 'currentPeakMbps: 100', 'currentPeakMbps: 1e308', '(exponent notation)'),
  raa('an infinite peak', 'currentPeakMbps: 100', 'currentPeakMbps: .inf'),
  raa('a peak with a leading zero', 'currentPeakMbps: 100', 'currentPeakMbps: 0100'),
  raa('a negative peak', 'currentPeakMbps: 100', 'currentPeakMbps: -1', 'positive'),
  raa('an absurd peak', 'currentPeakMbps: 100', 'currentPeakMbps: 10000000', 'check the unit is Mbps'),
  raa('a budget with fractions of a penny', 'monthlyGbp: 1000', 'monthlyGbp: 1000.001'),
  raa('a budget as words', 'monthlyGbp: 1000', 'monthlyGbp: lots'),
  raa('an absurd budget', 'monthlyGbp: 1000', 'monthlyGbp: 99999999999'),
  raa(
    'an unquoted account ID',
    "accountId: '200000000003'",
    'accountId: 200000000003',
    'quote the account ID',
  ),
  raa('an account ID with dashes', "accountId: '200000000003'", "accountId: '2000-0000-0003'"),
  raa(
    'an account another tenant has',
    "accountId: '200000000003'",
    "accountId: '200000000001'",
    'already used by QAA prod',
  ),
  raa(
    'a core account',
    "accountId: '200000000003'",
    "accountId: '100000000001'",
    "the estate's management account",
  ),
  raa(
    'an environment with neither account nor e-mail',
    "    accountId: '200000000003'\n",
    '',
    'found neither',
  ),
  raa(
    'a root e-mail longer than Organizations takes',
    "    accountId: '200000000004'\n",
    `    email: ${'a'.repeat(60)}@raa.nhs.uk\n`,
  ),
  {
    name: 'one root e-mail for two accounts',
    setup: (dir) => {
      editFile(dir, 'tenants/RAA.yaml', "    accountId: '200000000003'\n", '    email: aws@raa.nhs.uk\n');
      editFile(dir, 'tenants/RAA.yaml', "    accountId: '200000000004'\n", '    email: aws@raa.nhs.uk\n');
    },
    args: validate,
    code: 2,
    names: { file: 'tenants/RAA.yaml' },
    says: 'expected a root e-mail no other account uses',
  },
  raa(
    'a CIDR with host bits set',
    'cidr: 10.64.16.0/21',
    'cidr: 10.64.16.1/21',
    'did you mean 10.64.16.0/21?',
  ),
  raa('a CIDR outside the supernet', 'cidr: 10.64.16.0/21', 'cidr: 192.168.0.0/21', 'inside tenantSupernet'),
  raa(
    'a VPC too small',
    'cidr: 10.64.24.0/21',
    'cidr: 10.64.24.0/28',
    'expected a prefix between /16 and /24',
  ),
  raa(
    'a CIDR another tenant has: both files named',
    'cidr: 10.64.16.0/21',
    'cidr: 10.64.0.0/21',
    'overlaps',
    ['tenants/QAA.yaml'],
  ),
  raa('an environment name in capitals', '  prod:\n', '  Prod:\n', 'environment name'),
  raa(
    'a region not allowed',
    "    accountId: '200000000003'\n",
    "    accountId: '200000000003'\n    region: eu-west-1\n",
    'allowedRegions',
  ),
  raa(
    'a tier not in the list',
    "    accountId: '200000000003'\n",
    "    accountId: '200000000003'\n    tier: live\n",
  ),
  raa(
    'a cost centre a tag cannot hold',
    'patientData: true\n',
    'patientData: true\ncostCentre: "CC#1"\n',
    'tag value',
  ),
  raa(
    'a cost centre longer than a tag',
    'patientData: true\n',
    `patientData: true\ncostCentre: ${'C'.repeat(300)}\n`,
  ),
  raa(
    'a VPN without device addresses',
    ...ON_PREM('    connection: vpn\n    cidrs: [172.20.0.0/16]\n    asn: 65010\n'),
    'customerGatewayIps',
  ),
  raa(
    'a private VPN device address',
    ...ON_PREM(
      '    connection: vpn\n    cidrs: [172.20.0.0/16]\n    asn: 65010\n    customerGatewayIps: [10.1.2.3]\n',
    ),
    'private (RFC 1918',
  ),
  raa(
    'VPN device addresses on Direct Connect',
    ...ON_PREM(
      '    connection: directConnect\n    cidrs: [172.20.0.0/16]\n    asn: 65010\n    customerGatewayIps: [198.51.100.1]\n',
    ),
    'for vpn only',
  ),
  raa(
    'three VPN devices',
    ...ON_PREM(
      '    connection: vpn\n    cidrs: [172.20.0.0/16]\n    asn: 65010\n    customerGatewayIps: [198.51.100.1, 198.51.100.2, 198.51.100.3]\n',
    ),
  ),
  raa(
    'a public ASN',
    ...ON_PREM('    connection: directConnect\n    cidrs: [172.20.0.0/16]\n    asn: 3356\n'),
    'private BGP ASN',
  ),
  raa(
    'an on-premises range overlapping the hub: both files named',
    ...ON_PREM('    connection: directConnect\n    cidrs: [10.0.0.0/16]\n    asn: 65010\n'),
    'overlaps',
    ['estate.yaml'],
  ),
  raa('a key twice', 'patientData: true\n', 'patientData: true\npatientData: false\n', 'appears twice'),
  raa('a tab for indentation', '  owner: it@raa.nhs.uk', '\towner: it@raa.nhs.uk'),
  raa(
    'an unclosed list',
    '  owner: it@raa.nhs.uk',
    '  owner: [it@raa.nhs.uk',
    'expected "]" to close the list',
  ),
];

const ESTATE_CASES: BadInputCase[] = [
  estate('an estate name with spaces', 'name: test-estate', 'name: NHS Cloud'),
  estate('a home region not allowed', 'homeRegion: eu-west-2', 'homeRegion: eu-west-1'),
  estate(
    'a non-UK region without an exception',
    'allowedRegions: [eu-west-2]',
    'allowedRegions: [eu-west-2, us-east-1]',
    'residency exception',
  ),
  estate(
    'an unquoted core account',
    "management: '100000000001'",
    'management: 100000000001',
    'quote the account ID',
  ),
  estate(
    'one account for two core roles',
    "security: '100000000003'",
    "security: '100000000002'",
    'already the logArchive account',
  ),
  estate('a supernet with host bits set', 'tenantSupernet: 10.64.0.0/10', 'tenantSupernet: 10.64.0.1/10'),
  estate(
    'a hub range inside the supernet',
    'inspection: 10.0.0.0/22',
    'inspection: 10.64.0.0/22',
    'outside tenantSupernet',
  ),
  estate('a growth factor below 1', 'network:\n', 'network:\n  growthFactor: 0\n', 'at least 1'),
  estate('an absurd growth factor', 'network:\n', 'network:\n  growthFactor: 1000\n', 'at most 100'),
  estate('a hexadecimal growth factor', 'network:\n', 'network:\n  growthFactor: 0xA\n', '(hexadecimal)'),
  estate('a public Transit Gateway ASN', 'network:\n', 'network:\n  transitGatewayAsn: 3356\n'),
  estate(
    'a log retention CloudWatch refuses',
    'logRetention: 2922',
    'logRetention: 10',
    'nearest accepted value',
  ),
  estate(
    'two availability zones',
    'eu-west-2: [euw2-az1, euw2-az2, euw2-az3]',
    'eu-west-2: [euw2-az1, euw2-az2]',
  ),
  estate('a misspelt section', 'segmentation:', 'segmentaton:', 'did you mean "segmentation"?'),
  estate(
    'a rule naming no tenant',
    '  rules: []',
    '  rules:\n    - name: to-nowhere\n      from: { tenant: RZZ }\n      to: { segment: national-services }\n      ports: [443]\n      reason: A flow to nowhere at all.',
    'which has no tenant file',
  ),
  estate(
    'a rule joining prod and nonprod',
    '  rules: []',
    '  rules:\n    - name: across-tiers\n      from: { tenant: RAA, environment: prod }\n      to: { tenant: QAA, environment: nonprod }\n      ports: [443]\n      reason: A flow that crosses tiers.',
    'would connect prod and nonprod',
  ),
  estate(
    'a port out of range',
    '  rules: []',
    '  rules:\n    - name: bad-port\n      from: { segment: tenants-prod }\n      to: { segment: national-services }\n      ports: [70000]\n      reason: A port that does not exist.',
    'from 1 to 65535',
  ),
  estate(
    'one Direct Connect location',
    'network:\n',
    'network:\n  directConnect:\n    locations: [EqLD5]\n',
    'at least two',
  ),
  estate(
    'a residency exception with a short reason',
    'residencyExceptions: []',
    'residencyExceptions:\n  - { region: us-east-1, reason: short, approver: siro@nhs.net }',
  ),
  estate('a second YAML document', 'segmentation:', '---\nsegmentation:', 'expected one YAML document'),
];

const EXCEPTION_CASES: BadInputCase[] = [
  exceptions('an unclosed mapping', "scope: { stack: 'Core-*' }", "scope: { stack: 'Core-*'", 'expected "}"'),
  exceptions('a rule ID no pack has', 'rule: AwsSolutions-IAM5', 'rule: MyRule-1'),
  exceptions(
    'a scope of two kinds',
    "scope: { stack: 'Core-*' }",
    "scope: { stack: 'Core-*', tenant: RAA }",
    'exactly one of stack, path or tenant',
  ),
  exceptions('an expired exception', `expires: '`, `expires: '2000-01-01' # was '`, 'expired on 2000-01-01'),
  exceptions(
    'an expiry more than a year away',
    `expires: '`,
    `expires: '2999-01-01' # was '`,
    'within 366 days',
  ),
  exceptions(
    'a tenant scope naming no tenant',
    "scope: { stack: 'Core-*' }",
    'scope: { tenant: RAB }',
    'did you mean "RAA"?',
  ),
  exceptions(
    'a short reason',
    'reason: The platform roles need wildcard actions, reviewed every quarter.',
    'reason: fine',
    'at least 30 characters',
  ),
  exceptions('an approver that is no address', 'approver: security@nhs.net', 'approver: the CISO'),
  exceptions(
    'an allowDestructive change not in the list',
    'allowDestructive: []',
    `allowDestructive:\n  - { stack: Tenant-RAA-prod, logicalId: Vpc, change: drop, reason: The old VPC is replaced by a larger one., approver: a@nhs.net, expires: '2026-01-01' }`,
  ),
  exceptions(
    'a misspelt section',
    'allowDestructive: []',
    'allowDestructiv: []',
    'did you mean "allowDestructive"?',
  ),
  {
    name: 'a repeated exception',
    setup: (dir) =>
      writeFileSync(
        join(dir, 'exceptions.yaml'),
        EXCEPTIONS.replace(
          'allowDestructive',
          `${EXCEPTIONS.split('\n').slice(1, 6).join('\n')}\nallowDestructive`,
        ),
      ),
    args: validate,
    code: 2,
    names: { file: 'exceptions.yaml' },
    says: 'repeats exceptions[0]',
  },
];

const REGISTER_CASES: BadInputCase[] = [
  register(
    'a block the register lacks: the tenant file is named',
    '10.64.24.0/21: RAA nonprod\n',
    '',
    'found no line for it',
    ['tenants/RAA.yaml'],
  ),
  register(
    'a line naming another environment',
    '10.64.24.0/21: RAA nonprod',
    '10.64.24.0/21: RAA test',
    'a block belongs to one environment',
  ),
  register(
    'a line no tenant uses',
    '10.64.24.0/21: RAA nonprod',
    '10.64.24.0/21: RAA nonprod\n10.64.32.0/21: RZZ prod',
    'which no tenant file has',
  ),
  register(
    'lines out of address order',
    '10.64.16.0/21: RAA prod\n10.64.24.0/21: RAA nonprod',
    '10.64.24.0/21: RAA nonprod\n10.64.16.0/21: RAA prod',
    'address order',
  ),
  register('a block with host bits set', '10.64.24.0/21: RAA nonprod', '10.64.24.1/21: RAA nonprod'),
  register('an owner in lower case', '10.64.24.0/21: RAA nonprod', '10.64.24.0/21: raa nonprod'),
  register(
    'one block twice',
    '10.64.24.0/21: RAA nonprod',
    '10.64.24.0/21: RAA nonprod\n10.64.24.0/21: RAA nonprod',
    'appears twice',
  ),
  register(
    'an unresolved git conflict',
    '10.64.24.0/21: RAA nonprod',
    '<<<<<<< HEAD\n10.64.24.0/21: RAA nonprod\n=======\n10.64.24.0/21: RAB prod\n>>>>>>> onboard-rab',
    'If git reports a conflict',
  ),
];

describeCases('validate: tenant files', TENANT_CASES);
describeCases('validate: estate.yaml', ESTATE_CASES);
describeCases('validate: exceptions.yaml', EXCEPTION_CASES);
describeCases('validate: the allocation register', REGISTER_CASES);
