import { edit, errorsOf, ESTATE, tenantErrors, tenantText, withOnPremises } from './helpers';

/** A trust file (RAA, lines as documented in helpers.ts) to break one field at a time. */
const trust = tenantText('RAA', 1);
const envs = `environments:
  prod:
    accountId: '200000000003'
    cidr: 10.64.16.0/21
  nonprod:
    accountId: '200000000004'
    cidr: 10.64.24.0/21`;

describe('tenant schema errors name the field, what was expected and what was found', () => {
  test.each([
    {
      problem: 'wrong type',
      text: edit(trust, 'patientData: true', 'patientData: yes please'),
      expected: ['config/tenants/RAA.yaml:6:14 patientData: expected true or false, got "yes please"'],
    },
    {
      problem: 'an empty value',
      text: edit(trust, 'name: Test organisation RAA', 'name:'),
      expected: ['config/tenants/RAA.yaml:2:6 name: expected text, got an empty value'],
    },
    {
      problem: 'account ID failing its pattern',
      text: edit(trust, "accountId: '200000000003'", "accountId: '12345'"),
      expected: [
        'config/tenants/RAA.yaml:14:16 environments.prod.accountId: expected a 12-digit AWS account ID, got "12345"\n' +
          '  hint: an AWS account ID is exactly 12 digits; copy it from the AWS console account menu',
      ],
    },
    {
      problem: 'unquoted numeric account ID',
      text: edit(trust, "accountId: '200000000003'", 'accountId: 012345678901'),
      expected: [
        'config/tenants/RAA.yaml:14:16 environments.prod.accountId: expected a 12-digit AWS account ID in quotes, e.g. "123456789012", got 12345678901\n' +
          '  hint: quote the account ID ("012345678901") so YAML keeps it as text with its leading zeros',
      ],
    },
    {
      problem: 'missing required field, located at its parent mapping',
      text: edit(trust, '    cidr: 10.64.16.0/21\n', ''),
      expected: [
        'config/tenants/RAA.yaml:14:5 environments.prod.cidr: is required but missing\n' +
          '  hint: add "cidr" under "environments.prod"; expected an IPv4 CIDR such as 10.64.0.0/21',
      ],
    },
    {
      problem: 'missing required enum field',
      text: edit(trust, 'scope: local\n', ''),
      expected: [
        'config/tenants/RAA.yaml:1:1 scope: is required but missing\n' +
          '  hint: add "scope" under the top level; expected local or national',
      ],
    },
    {
      problem: 'dataClassification typo',
      text: edit(trust, 'dataClassification: OFFICIAL', 'dataClassification: OFFICAL-SENSITIVE'),
      expected: [
        'config/tenants/RAA.yaml:5:21 dataClassification: expected OFFICIAL or OFFICIAL-SENSITIVE, got "OFFICAL-SENSITIVE"\n' +
          '  hint: did you mean "OFFICIAL-SENSITIVE"?',
      ],
    },
    {
      problem: 'bad e-mail contact',
      text: edit(trust, 'owner: it@raa.nhs.uk', 'owner: it.raa.nhs.uk'),
      expected: [
        'config/tenants/RAA.yaml:8:10 contacts.owner: expected an e-mail address such as cyber@trust.nhs.uk, got "it.raa.nhs.uk"\n' +
          '  hint: use a monitored mailbox, ideally a shared team address',
      ],
    },
    {
      problem: 'CIDR with host bits set',
      text: edit(trust, 'cidr: 10.64.16.0/21', 'cidr: 10.64.17.0/21'),
      expected: [
        'config/tenants/RAA.yaml:15:11 environments.prod.cidr: expected a network address with no host bits set, got 10.64.17.0/21 (did you mean 10.64.16.0/21?)\n' +
          '  hint: write the network address and prefix, e.g. 10.64.0.0/21',
      ],
    },
    {
      problem: 'malformed CIDR',
      text: edit(trust, 'cidr: 10.64.16.0/21', 'cidr: 10.64.16/21'),
      expected: [
        'config/tenants/RAA.yaml:15:11 environments.prod.cidr: expected an IPv4 CIDR such as 10.64.0.0/21, got "10.64.16/21"\n' +
          '  hint: write the network address and prefix, e.g. 10.64.0.0/21',
      ],
    },
    {
      problem: 'CIDR octet out of range in an on-premises list',
      text: withOnPremises(trust, '172.20.0.0/16, 172.300.0.0/16'),
      expected: [
        'config/tenants/RAA.yaml:14:28 network.onPremises.cidrs[1]: expected each address octet to be 0-255, got "172.300.0.0/16"\n' +
          '  hint: write the network address and prefix, e.g. 10.64.0.0/21',
      ],
    },
    {
      problem: 'unknown key close to a known one',
      text: edit(withOnPremises(trust, '172.20.0.0/16'), 'onPremises:', 'onPremisses:'),
      expected: [
        'config/tenants/RAA.yaml:12:3 network.onPremisses: unknown field "onPremisses"\n' +
          '  hint: did you mean "onPremises"?',
      ],
    },
    {
      // Reported once, as the typo: not again as "environments is required but missing".
      problem: 'misspelt required key',
      text: edit(trust, 'environments:', 'enviroments:'),
      expected: [
        'config/tenants/RAA.yaml:12:1 enviroments: unknown field "enviroments"\n' +
          '  hint: did you mean "environments"?',
      ],
    },
    {
      problem: 'unknown key with no close match',
      text: edit(trust, 'patientData: true', 'patientData: true\nfavouriteColour: blue'),
      expected: [
        'config/tenants/RAA.yaml:7:1 favouriteColour: unknown field "favouriteColour"\n' +
          '  hint: allowed fields here: odsCode, name, scope, icb, dataClassification, patientData, costCentre, contacts, network, environments, budget',
      ],
    },
    {
      problem: 'public BGP ASN',
      text: withOnPremises(trust, '172.20.0.0/16', 70000),
      expected: [
        'config/tenants/RAA.yaml:15:10 network.onPremises.asn: expected a private BGP ASN (64512-65534 or 4200000000-4294967294), got 70000\n' +
          '  hint: use the private ASN agreed with your network provider; public ASNs are not accepted',
      ],
    },
    {
      problem: 'bad environment name, reported at the key',
      text: edit(trust, '  nonprod:', '  Non-Prod:'),
      expected: [
        'config/tenants/RAA.yaml:16:3 environments.Non-Prod: expected a short lower-case environment name such as prod, got "Non-Prod"\n' +
          '  hint: environment names are 2-12 lower-case letters or digits starting with a letter, e.g. prod, nonprod, test',
      ],
    },
    {
      problem: 'no environments',
      text: edit(trust, envs, 'environments: {}'),
      expected: [
        'config/tenants/RAA.yaml:12:15 environments: expected at least one environment, got an empty mapping',
      ],
    },
    {
      problem: 'environment with neither accountId nor email',
      text: edit(trust, "    accountId: '200000000003'\n", ''),
      expected: [
        'config/tenants/RAA.yaml:14:5 environments.prod: expected an accountId, or an email for a new account to be vended, found neither\n' +
          '  hint: add accountId: "123456789012" for an existing account, or email: for a new account to be vended',
      ],
    },
    {
      problem: 'a whole file that is not a mapping',
      text: 'just some text',
      expected: [
        'config/tenants/RAA.yaml:1:1: expected a mapping of fields, got "just some text"\n' +
          '  hint: write the file as "field: value" lines, like the examples in the config folder',
      ],
    },
  ])('$problem', ({ text, expected }) => {
    expect(tenantErrors('RAA', text)).toEqual(expected);
  });

  test('an environment with an email instead of an accountId is valid (account vending)', () => {
    const text = edit(trust, "accountId: '200000000003'", 'email: aws-raa-prod@raa.nhs.uk');
    expect(tenantErrors('RAA', text)).toEqual([]);
  });
});

describe('estate schema errors', () => {
  test.each([
    {
      problem: 'logRetention CloudWatch does not accept',
      estate: edit(ESTATE, 'logRetention: 2922', 'logRetention: 2920'),
      expected: [
        'config/estate.yaml:21:17 security.logRetention: expected a retention in days that CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653), got 2920\n' +
          '  hint: the nearest accepted value is 2922; 2922 days (8 years) is the estate default',
      ],
    },
    {
      problem: 'missing organization account',
      estate: edit(ESTATE, "    security: '100000000003'\n", ''),
      expected: [
        'config/estate.yaml:9:5 organization.accounts.security: is required but missing\n' +
          '  hint: add "security" under "organization.accounts"; expected a 12-digit AWS account ID in quotes, e.g. "123456789012"',
      ],
    },
    {
      problem: 'unknown key in organization.accounts',
      estate: edit(
        ESTATE,
        "    network: '100000000004'",
        "    network: '100000000004'\n    logarchive: '100000000008'",
      ),
      expected: [
        'config/estate.yaml:13:5 organization.accounts.logarchive: unknown field "logarchive"\n' +
          '  hint: did you mean "logArchive"?',
      ],
    },
    {
      problem: 'growth factor below 1',
      estate: edit(ESTATE, '  tenantSupernet', '  growthFactor: 0\n  tenantSupernet'),
      expected: [
        'config/estate.yaml:15:17 network.growthFactor: expected a growth factor of at least 1, got 0',
      ],
    },
    {
      problem: 'a bad region key in availabilityZones',
      estate: edit(ESTATE, '  eu-west-2: [euw2-az1', '  London: [euw2-az1'),
      expected: [
        'config/estate.yaml:6:3 availabilityZones.London: expected an AWS region name such as eu-west-2, got "London"',
      ],
    },
    {
      problem: 'too few availability zones',
      estate: edit(ESTATE, '[euw2-az1, euw2-az2, euw2-az3]', '[euw2-az1, euw2-az2]'),
      expected: [
        'config/estate.yaml:6:14 availabilityZones.eu-west-2: expected three availability zones, got 2 items',
      ],
    },
    {
      // Issue 13: a zone name is a different physical zone in each account.
      problem: 'a zone name where a zone ID belongs',
      estate: edit(ESTATE, '[euw2-az1, euw2-az2', '[eu-west-2a, euw2-az2'),
      expected: [
        'config/estate.yaml:6:15 availabilityZones.eu-west-2[0]: expected an availability zone ID such as euw2-az1, not a zone name (names differ by account), got "eu-west-2a"',
      ],
    },
  ])('$problem', ({ estate, expected }) => {
    expect(errorsOf(estate)).toEqual(expected);
  });
});
