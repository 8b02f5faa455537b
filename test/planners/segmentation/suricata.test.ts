import { FirewallPlan } from '../../../lib/planners/segmentation/types';
import { planRuleGroups, RULE_GROUP_CAPACITY } from '../../../lib/planners/segmentation/firewall-groups';
import { renderEgressRules, renderPassRules } from '../../../lib/planners/segmentation/suricata';

describe('renderPassRules', () => {
  test('renders tcp and udp rules on the client side of the flow, with ports', () => {
    expect(
      renderPassRules([
        {
          name: 'epr',
          protocol: 'tcp',
          sources: ['10.64.0.0/21'],
          destinations: ['10.64.8.0/21', '10.64.16.0/21'],
          ports: [443, 2575],
          reason: 'r',
        },
        {
          name: 'dns',
          protocol: 'udp',
          sources: ['10.0.8.0/21'],
          destinations: ['172.31.255.10/32'],
          ports: [53],
          reason: 'r',
        },
      ]),
    ).toEqual([
      'pass tcp 10.64.0.0/21 any -> [10.64.8.0/21,10.64.16.0/21] [443,2575] (msg:"epr"; flow:to_server; sid:1000001; rev:1;)',
      'pass udp 10.0.8.0/21 any -> 172.31.255.10/32 53 (msg:"dns"; flow:to_server; sid:1000002; rev:1;)',
    ]);
  });

  test('renders ip and icmp rules without flow keywords and on any port', () => {
    expect(
      renderPassRules(
        [
          {
            name: 'site',
            protocol: 'ip',
            sources: ['10.64.0.0/21'],
            destinations: ['172.20.0.0/16'],
            reason: 'r',
          },
          {
            name: 'ping',
            protocol: 'icmp',
            sources: ['10.64.0.0/21'],
            destinations: ['10.64.8.0/21'],
            reason: 'r',
          },
        ],
        10,
      ),
    ).toEqual([
      'pass ip 10.64.0.0/21 any -> 172.20.0.0/16 any (msg:"site"; sid:11; rev:1;)',
      'pass icmp 10.64.0.0/21 any -> 10.64.8.0/21 any (msg:"ping"; sid:12; rev:1;)',
    ]);
  });
});

describe('renderEgressRules', () => {
  test('a leading dot allows the domain and its subdomains, on TLS SNI and HTTP Host', () => {
    expect(renderEgressRules({ sources: ['10.64.0.0/10'], domains: ['.nhs.uk'] })).toEqual([
      'pass tls 10.64.0.0/10 any -> $EXTERNAL_NET any (tls.sni; dotprefix; content:".nhs.uk"; nocase; endswith; msg:"egress .nhs.uk"; flow:to_server; sid:2000001; rev:1;)',
      'pass http 10.64.0.0/10 any -> $EXTERNAL_NET any (http.host; dotprefix; content:".nhs.uk"; nocase; endswith; msg:"egress .nhs.uk"; flow:to_server; sid:2000002; rev:1;)',
    ]);
  });

  test('a name without a leading dot matches exactly', () => {
    expect(
      renderEgressRules({ sources: ['10.64.0.0/10'], domains: ['login.microsoftonline.com'] })[0],
    ).toContain('(tls.sni; content:"login.microsoftonline.com"; nocase; startswith; endswith;');
  });
});

describe('planRuleGroups', () => {
  const firewall: FirewallPlan = {
    homeNet: ['10.0.0.0/8'],
    rules: [
      { name: 'a', protocol: 'tcp', sources: ['10.64.0.0/21'], destinations: ['10.64.8.0/21'], reason: 'r' },
    ],
    egress: { sources: ['10.64.0.0/10'], domains: ['.nhs.uk'] },
  };

  test('names, orders and sizes the estate groups for the policy', () => {
    expect(
      planRuleGroups(firewall, 'nhs-cloud').map(({ rules, ...g }) => ({ ...g, rules: rules.length })),
    ).toEqual([
      {
        purpose: 'segmentation',
        name: 'nhs-cloud-segmentation',
        capacity: RULE_GROUP_CAPACITY.segmentation,
        priority: 100,
        rules: 1,
      },
      {
        purpose: 'egress',
        name: 'nhs-cloud-egress',
        capacity: RULE_GROUP_CAPACITY.egress,
        priority: 200,
        rules: 2,
      },
    ]);
  });

  test('leaves out a group with no rules', () => {
    expect(
      planRuleGroups({ ...firewall, egress: { ...firewall.egress, domains: [] } }, 'x').map((g) => g.purpose),
    ).toEqual(['segmentation']);
  });

  test('fails when a group would outgrow its fixed capacity', () => {
    const domains = Array.from({ length: RULE_GROUP_CAPACITY.egress / 2 + 1 }, (_, i) => `.d${i}.example`);
    expect(() =>
      planRuleGroups({ ...firewall, egress: { sources: ['10.64.0.0/10'], domains } }, 'x'),
    ).toThrow(
      `firewall rule group x-egress needs ${RULE_GROUP_CAPACITY.egress + 2} rules but its capacity is ${RULE_GROUP_CAPACITY.egress}`,
    );
  });
});
