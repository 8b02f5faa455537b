import { evaluatePolicy } from '../../lib/verify/firewall/evaluate';
import { parseSuricata, RuleVariables } from '../../lib/verify/firewall/suricata';
import { FirewallPolicyModel, Piece } from '../../lib/verify/firewall/types';
import { toCidrs } from '../../lib/verify/sets/format';
import {
  ALL_ADDRESSES,
  ALL_PORTS,
  fromCidr,
  fromCidrs,
  range,
  subtract,
} from '../../lib/verify/sets/interval-set';

const HOME = fromCidrs(['10.0.0.0/8']);
const variables: RuleVariables = {
  ipSets: new Map([
    ['HOME_NET', HOME],
    ['EXTERNAL_NET', subtract(ALL_ADDRESSES, HOME)],
  ]),
  portSets: new Map([
    [
      'WEB',
      fromCidrs([]).concat([
        [80, 80],
        [443, 443],
      ]),
    ],
  ]),
};

describe('parseSuricata', () => {
  test('reads address and port lists, and keeps flow:to_server out of the conditions', () => {
    const [rule] = parseSuricata(
      'pass tcp [10.64.0.0/21,10.64.16.0/21] any -> 10.64.120.0/21 [443,2575] (msg:"wsh"; flow:to_server; sid:7; rev:1;)',
      variables,
      'seg',
    );
    expect(rule.action).toBe('pass');
    expect(rule.box.protocols).toEqual(['tcp']);
    expect(toCidrs(rule.box.src)).toEqual(['10.64.0.0/21', '10.64.16.0/21']);
    expect(rule.box.ports).toEqual([
      [443, 443],
      [2575, 2575],
    ]);
    expect(rule.conditions).toEqual([]);
    expect(rule.label).toBe('seg: wsh (sid 7)');
  });

  test('makes app-layer protocols and payload keywords conditions', () => {
    const [rule] = parseSuricata(
      'pass tls 10.64.0.0/10 any -> $EXTERNAL_NET any (tls.sni; dotprefix; content:".nhs.uk"; nocase; endswith; msg:"egress"; flow:to_server; sid:2;)',
      variables,
      'egress',
    );
    expect(rule.box.protocols).toEqual(['tcp']);
    expect(rule.conditions).toEqual([
      'app-layer tls',
      'tls.sni',
      'dotprefix',
      'content:".nhs.uk"',
      'nocase',
      'endswith',
    ]);
    expect(toCidrs(rule.box.dst)).toContain('11.0.0.0/8');
  });

  test('reads negation, port ranges, variables and both directions', () => {
    const rules = parseSuricata(
      'drop udp !$HOME_NET any <> [10.0.0.0/8,!10.1.0.0/16] 1024: (sid:3;)',
      variables,
      'g',
    );
    expect(rules).toHaveLength(2);
    expect(rules[0].box.ports).toEqual([[1024, 65535]]);
    expect(toCidrs(rules[0].box.dst)).toEqual([
      '10.0.0.0/16',
      '10.2.0.0/15',
      '10.4.0.0/14',
      '10.8.0.0/13',
      '10.16.0.0/12',
      '10.32.0.0/11',
      '10.64.0.0/10',
      '10.128.0.0/9',
    ]);
    expect(rules[1].label).toBe(
      'g: drop udp !$HOME_NET any <> [10.0.0.0/8,!10.1.0.0/16] 1024: (sid 3) (reverse)',
    );
    expect(parseSuricata('pass tcp any any -> any $WEB (sid:4;)', variables, 'g')[0].box.ports).toEqual([
      [80, 80],
      [443, 443],
    ]);
  });

  test('names what it cannot read', () => {
    expect(() => parseSuricata('pass tcp any any -> $NOPE any (sid:1;)', variables, 'g')).toThrow(
      'Suricata variable $NOPE is not defined',
    );
    expect(() => parseSuricata('bogus', variables, 'g')).toThrow('cannot read Suricata rule: bogus');
  });
});

describe('evaluatePolicy', () => {
  const rules = parseSuricata(
    [
      'pass tcp 10.64.0.0/21 any -> 10.64.8.0/21 443 (msg:"allow"; sid:1;)',
      'pass tls 10.64.0.0/10 any -> $EXTERNAL_NET any (tls.sni; content:".nhs.uk"; msg:"egress"; sid:2;)',
      'drop tcp 10.64.0.0/21 any -> 10.64.8.0/21 any (msg:"deny"; sid:3;)',
    ].join('\n'),
    variables,
    'g',
  );
  const policy = (overrides: Partial<FirewallPolicyModel> = {}): FirewallPolicyModel => ({
    label: 'p',
    statelessRules: [],
    statelessDefault: 'forward',
    statefulRules: rules,
    statefulDefault: 'drop',
    statefulDefaultLabel: 'aws:drop_strict',
    strictOrder: true,
    ...overrides,
  });
  const piece: Piece = { src: fromCidr('10.64.0.0/21'), dst: ALL_ADDRESSES, ports: ALL_PORTS };

  test('strict order: the first matching rule decides, the default drops the rest', () => {
    const out = evaluatePolicy(policy(), piece, 'tcp');
    const allow = out.find((o) => o.reason === 'g: allow (sid 1)')!;
    expect([allow.verdict, toCidrs(allow.piece.dst), allow.piece.ports]).toEqual([
      'pass',
      ['10.64.8.0/21'],
      [[443, 443]],
    ]);
    const egress = out.find((o) => o.reason === 'g: egress (sid 2)')!;
    expect(egress.conditions).toEqual(['app-layer tls', 'tls.sni', 'content:".nhs.uk"']);
    expect(out.find((o) => o.reason === 'g: deny (sid 3)')?.piece.ports).toEqual([
      [0, 442],
      [444, 65535],
    ]);
    expect(out.filter((o) => o.verdict === 'pass').every((o) => o.inspected && o.explicit)).toBe(true);
    expect(out.some((o) => o.reason === 'stateful default aws:drop_strict' && o.verdict === 'drop')).toBe(
      true,
    );
  });

  test('a stateless pass skips inspection, and UDP meets only the default', () => {
    const bypass = evaluatePolicy(policy({ statelessDefault: 'pass' }), piece, 'tcp');
    expect(bypass).toEqual([
      {
        piece,
        verdict: 'pass',
        reason: 'stateless default aws:pass',
        inspected: false,
        explicit: false,
        conditions: [],
      },
    ]);
    const udp = evaluatePolicy(policy(), { ...piece, ports: range(53, 53) }, 'udp');
    expect(udp.map((o) => o.verdict)).toEqual(['drop']);
  });
});
