import { Unresolvable } from '../assembly/unresolvable';
import {
  ALL_ADDRESSES,
  ALL_PORTS,
  fromCidrs,
  IntervalSet,
  normalise,
  Range,
  subtract,
} from '../sets/interval-set';
import { addresses, parseSuricata, ports, RuleVariables } from './suricata';
import {
  MatchBox,
  Protocol,
  PROTOCOLS,
  StatefulAction,
  StatefulRule,
  StatelessAction,
  StatelessRule,
} from './types';

type Json = Record<string, unknown>;

const IANA: Readonly<Record<number, Protocol>> = { 6: 'tcp', 17: 'udp', 1: 'icmp' };

/**
 * The variables a rule group sees: its own IP and port sets, with the policy's HOME_NET (or
 * the firewall VPC's CIDRs) winning over the group's, and EXTERNAL_NET everything else.
 */
export function ruleVariables(
  group: Json,
  policyHomeNet: IntervalSet | undefined,
  vpcHomeNet: IntervalSet,
): RuleVariables {
  const variables = ((group.RuleVariables ?? {}) as Json) ?? {};
  const ipSets = new Map<string, IntervalSet>();
  for (const [name, set] of Object.entries(
    (variables.IPSets ?? {}) as Record<string, { Definition?: string[] }>,
  )) {
    ipSets.set(name, fromCidrs((set.Definition ?? []).map((c) => (c.includes('/') ? c : `${c}/32`))));
  }
  const portSets = new Map<string, IntervalSet>();
  for (const [name, set] of Object.entries(
    (variables.PortSets ?? {}) as Record<string, { Definition?: string[] }>,
  )) {
    portSets.set(name, normalise((set.Definition ?? []).flatMap((p) => portRange(p))));
  }
  const home = policyHomeNet ?? ipSets.get('HOME_NET') ?? vpcHomeNet;
  ipSets.set('HOME_NET', home);
  if (!ipSets.has('EXTERNAL_NET')) ipSets.set('EXTERNAL_NET', subtract(ALL_ADDRESSES, home));
  return { ipSets, portSets };
}

/** Stateful rules of one group, in the order written: Suricata strings, 5-tuples or a domain list. */
export function statefulRulesOf(
  group: Json,
  variables: RuleVariables,
  name: string,
  dropToAlert: boolean,
): StatefulRule[] {
  const source = (group.RulesSource ?? {}) as Json;
  let rules: StatefulRule[];
  if (typeof source.RulesString === 'string') rules = parseSuricata(source.RulesString, variables, name);
  else if (Array.isArray(source.StatefulRules))
    rules = source.StatefulRules.flatMap((r) => fiveTuple(r as Json, variables, name));
  else if (source.RulesSourceList) rules = domainList(source.RulesSourceList as Json, variables, name);
  else throw new Unresolvable(`rule group ${name} has no stateful rules source the model reads`);
  return dropToAlert ? rules.map((r) => (r.action === 'drop' ? { ...r, action: 'alert' } : r)) : rules;
}

function fiveTuple(rule: Json, variables: RuleVariables, group: string): StatefulRule[] {
  const header = rule.Header as Record<string, string>;
  const action = String(rule.Action).toLowerCase() as StatefulAction;
  const protocol = header.Protocol.toLowerCase();
  const protocols: readonly Protocol[] =
    protocol === 'ip' ? PROTOCOLS : (PROTOCOLS.filter((p) => p === protocol) as Protocol[]);
  const conditions: string[] = [];
  if (protocols.length === 0) conditions.push(`app-layer ${protocol}`);
  const options = (rule.RuleOptions ?? []) as { Keyword: string; Settings?: string[] }[];
  const sid = options.find((o) => o.Keyword === 'sid')?.Settings?.[0];
  for (const o of options) {
    if (!['sid', 'msg', 'rev', 'flow'].includes(o.Keyword))
      conditions.push(`${o.Keyword}:${(o.Settings ?? []).join(',')}`);
  }
  if (header.SourcePort.toUpperCase() !== 'ANY') conditions.push(`source port ${header.SourcePort}`);
  const label = `${group}: ${action.toUpperCase()} ${protocol} ${header.Source} -> ${header.Destination}:${header.DestinationPort}${sid ? ` (sid ${sid})` : ''}`;
  const box: MatchBox = {
    protocols: protocols.length ? protocols : ['tcp'],
    src: addresses(header.Source.toLowerCase() === 'any' ? 'any' : header.Source, variables),
    dst: addresses(header.Destination.toLowerCase() === 'any' ? 'any' : header.Destination, variables),
    ports: ports(header.DestinationPort.toLowerCase() === 'any' ? 'any' : header.DestinationPort, variables),
  };
  const out: StatefulRule[] = [{ action, box, conditions, label }];
  if (header.Direction?.toUpperCase() === 'ANY') {
    const back = ports(header.SourcePort.toLowerCase() === 'any' ? 'any' : header.SourcePort, variables);
    out.push({
      action,
      box: { ...box, src: box.dst, dst: box.src, ports: back },
      conditions,
      label: `${label} (reverse)`,
    });
  }
  return out;
}

/** A domain list: an allow-list passes TLS/HTTP from HOME_NET on the named domains only. */
function domainList(list: Json, variables: RuleVariables, group: string): StatefulRule[] {
  const targets = (list.Targets ?? []) as string[];
  const allow = String(list.GeneratedRulesType).toUpperCase() === 'ALLOWLIST';
  const box: MatchBox = {
    protocols: ['tcp'],
    src: variables.ipSets.get('HOME_NET')!,
    dst: ALL_ADDRESSES,
    ports: ALL_PORTS,
  };
  const kinds = ((list.TargetTypes ?? []) as string[]).join('/');
  return [
    {
      action: allow ? 'pass' : 'drop',
      box,
      conditions: [`${kinds} in ${targets.join(' ')}`],
      label: `${group}: domain ${allow ? 'allow' : 'deny'} list`,
    },
  ];
}

/** Stateless rules of one group, by priority. */
export function statelessRulesOf(group: Json, name: string): StatelessRule[] {
  const source = ((group.RulesSource ?? {}) as Json).StatelessRulesAndCustomActions as Json | undefined;
  const rules = ((source?.StatelessRules ?? []) as Json[])
    .slice()
    .sort((a, b) => Number(a.Priority) - Number(b.Priority));
  return rules.map((rule) => {
    const definition = rule.RuleDefinition as Json;
    const match = (definition.MatchAttributes ?? {}) as Json;
    const actions = (definition.Actions ?? []) as string[];
    const action: StatelessAction = actions.includes('aws:pass')
      ? 'pass'
      : actions.includes('aws:drop')
        ? 'drop'
        : 'forward';
    const numbers = (match.Protocols ?? []) as number[];
    const protocols =
      numbers.length === 0 ? PROTOCOLS : numbers.map((n) => IANA[n]).filter((p): p is Protocol => !!p);
    const cidrs = (list: unknown): IntervalSet => {
      const defs = ((list ?? []) as { AddressDefinition: string }[]).map((a) => a.AddressDefinition);
      return defs.length === 0 ? ALL_ADDRESSES : fromCidrs(defs);
    };
    const portList = ((match.DestinationPorts ?? []) as { FromPort: number; ToPort: number }[]).map(
      (p): Range => [Number(p.FromPort), Number(p.ToPort)],
    );
    return {
      action,
      box: {
        protocols,
        src: cidrs(match.Sources),
        dst: cidrs(match.Destinations),
        ports: portList.length ? normalise(portList) : ALL_PORTS,
      },
      label: `${name}: stateless priority ${String(rule.Priority)} ${actions.join(',')}`,
    };
  });
}

function portRange(text: string): Range[] {
  const [lo, hi] = text.includes(':') ? text.split(':') : [text, text];
  return [[Number(lo || 0), Number(hi || 65535)]];
}
