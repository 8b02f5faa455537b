import { Unresolvable } from '../assembly/unresolvable';
import {
  ALL_ADDRESSES,
  ALL_PORTS,
  EMPTY,
  fromCidr,
  IntervalSet,
  range,
  subtract,
  union,
} from '../sets/interval-set';
import { MatchBox, Protocol, PROTOCOLS, StatefulAction, StatefulRule } from './types';

/** Rule variables in scope: `HOME_NET`, `EXTERNAL_NET` and the rule group's own sets. */
export interface RuleVariables {
  readonly ipSets: ReadonlyMap<string, IntervalSet>;
  readonly portSets: ReadonlyMap<string, IntervalSet>;
}

/** Suricata protocols by the transport they ride on; app-layer ones only match once detected. */
const TRANSPORTS: Readonly<Record<string, readonly Protocol[]>> = {
  ip: PROTOCOLS,
  tcp: ['tcp'],
  udp: ['udp'],
  icmp: ['icmp'],
  dns: ['udp', 'tcp'],
  ntp: ['udp'],
  dhcp: ['udp'],
  krb5: ['udp', 'tcp'],
  ikev2: ['udp'],
};
const APP_LAYER_OVER_TCP = [
  'tls',
  'http',
  'http2',
  'ssh',
  'ftp',
  'smb',
  'smtp',
  'imap',
  'rdp',
  'dcerpc',
  'nfs',
  'sip',
  'mqtt',
  'modbus',
  'dnp3',
  'enip',
  'tftp',
  'snmp',
  'quic',
];

/** Options that label a rule or restrict it to the client side: they do not narrow the match. */
const NEUTRAL_OPTIONS = new Set([
  'msg',
  'sid',
  'rev',
  'gid',
  'classtype',
  'priority',
  'metadata',
  'reference',
  'noalert',
  'target',
]);

const RULE = /^\s*(\w+)\s+(\S+)\s+(.+?)\s+(->|<>)\s+(.+?)\s*\((.*)\)\s*$/;

/**
 * Parses Suricata-compatible rule strings into boxes over address and port sets. Payload
 * keywords (tls.sni, http.host, content, ...) and app-layer protocols become conditions:
 * the rule matches only some flows of its box. `<>` rules give one box per direction.
 *
 *   pass tcp 10.64.0.0/21 any -> 10.64.120.0/21 [443,2575] (msg:"x"; flow:to_server; sid:1;)
 *     -> pass tcp 10.64.0.0/21 => 10.64.120.0/21 ports 443,2575, no conditions
 */
export function parseSuricata(text: string, variables: RuleVariables, group: string): StatefulRule[] {
  const rules: StatefulRule[] = [];
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    rules.push(...parseRule(trimmed, variables, group));
  }
  return rules;
}

function parseRule(text: string, variables: RuleVariables, group: string): StatefulRule[] {
  const match = RULE.exec(text);
  if (!match) throw new Unresolvable(`cannot read Suricata rule: ${text}`);
  const [, actionText, protocolText, left, direction, right, optionText] = match;
  const action = actionText.toLowerCase() as StatefulAction;
  if (!['pass', 'drop', 'reject', 'alert'].includes(action)) {
    throw new Unresolvable(`unknown Suricata action "${actionText}" in: ${text}`);
  }
  const [srcText, srcPortText] = splitHeaderPair(left, text);
  const [dstText, dstPortText] = splitHeaderPair(right, text);
  const options = parseOptions(optionText);
  const conditions: string[] = [];
  const protocol = protocolText.toLowerCase();
  let protocols = TRANSPORTS[protocol];
  if (!protocols) {
    if (!APP_LAYER_OVER_TCP.includes(protocol))
      throw new Unresolvable(`unknown Suricata protocol "${protocolText}"`);
    protocols = ['tcp'];
    conditions.push(`app-layer ${protocol}`);
  }
  for (const [key, value] of options) {
    if (NEUTRAL_OPTIONS.has(key)) continue;
    if (
      key === 'flow' &&
      /^(to_server|from_client)?(,\s*(to_server|from_client))*$/.test(value.replace(/\s/g, ''))
    )
      continue;
    conditions.push(value ? `${key}:${value}` : key);
  }
  const srcPorts = ports(srcPortText, variables);
  if (srcPorts.length !== 1 || srcPorts[0][0] !== 0 || srcPorts[0][1] !== 65535) {
    conditions.push(`source port ${srcPortText}`);
  }
  const msg = options.find(([k]) => k === 'msg')?.[1]?.replace(/^"|"$/g, '');
  const sid = options.find(([k]) => k === 'sid')?.[1];
  const label = `${group}: ${msg ?? text.slice(0, text.indexOf('(')).trim()}${sid ? ` (sid ${sid})` : ''}`;
  const forward: MatchBox = {
    protocols,
    src: addresses(srcText, variables),
    dst: addresses(dstText, variables),
    ports: ports(dstPortText, variables),
  };
  const rules: StatefulRule[] = [{ action, box: forward, conditions, label }];
  if (direction === '<>') {
    const reverse: MatchBox = { protocols, src: forward.dst, dst: forward.src, ports: srcPorts };
    const reverseConditions = conditions.filter((c) => !c.startsWith('source port'));
    rules.push({ action, box: reverse, conditions: reverseConditions, label: `${label} (reverse)` });
  }
  return rules;
}

/** Splits "ADDRESS PORT" where either may be a bracketed list with spaces inside. */
function splitHeaderPair(text: string, rule: string): [string, string] {
  const parts = tokens(text);
  if (parts.length !== 2) throw new Unresolvable(`cannot read addresses and ports "${text}" in: ${rule}`);
  return [parts[0], parts[1]];
}

function tokens(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text.trim()) {
    if (ch === '[') depth++;
    if (ch === ']') depth--;
    if (/\s/.test(ch) && depth === 0) {
      if (current) out.push(current);
      current = '';
    } else current += ch;
  }
  if (current) out.push(current);
  return out;
}

function parseOptions(text: string): [string, string][] {
  const out: [string, string][] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && quoted) {
      current += ch + (text[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      pushOption(out, current);
      current = '';
    } else current += ch;
  }
  pushOption(out, current);
  return out;
}

function pushOption(out: [string, string][], text: string): void {
  const trimmed = text.trim();
  if (!trimmed) return;
  const i = trimmed.indexOf(':');
  if (i < 0) out.push([trimmed.toLowerCase(), '']);
  else out.push([trimmed.slice(0, i).trim().toLowerCase(), trimmed.slice(i + 1).trim()]);
}

/** `any`, `$VAR`, `!x`, a CIDR or address, or `[list, with, !negations]`. */
export function addresses(text: string, variables: RuleVariables): IntervalSet {
  return setExpression(text, ALL_ADDRESSES, (item) => {
    if (item.startsWith('$')) {
      const set = variables.ipSets.get(item.slice(1));
      if (!set) throw new Unresolvable(`Suricata variable ${item} is not defined`);
      return set;
    }
    return fromCidr(item.includes('/') ? item : `${item}/32`);
  });
}

/** `any`, `$VAR`, `80`, `1024:`, `:1023`, `1000:2000`, `!80`, or a bracketed list. */
export function ports(text: string, variables: RuleVariables): IntervalSet {
  return setExpression(text, ALL_PORTS, (item) => {
    if (item.startsWith('$')) {
      const set = variables.portSets.get(item.slice(1));
      if (!set) throw new Unresolvable(`Suricata port variable ${item} is not defined`);
      return set;
    }
    const [lo, hi] = item.includes(':') ? item.split(':') : [item, item];
    const from = lo === '' ? 0 : Number(lo);
    const to = hi === '' ? 65535 : Number(hi);
    if (!Number.isInteger(from) || !Number.isInteger(to))
      throw new Unresolvable(`cannot read port "${item}"`);
    return range(from, to);
  });
}

function setExpression(
  text: string,
  universe: IntervalSet,
  atom: (item: string) => IntervalSet,
): IntervalSet {
  const trimmed = text.trim();
  if (trimmed.startsWith('!')) return subtract(universe, setExpression(trimmed.slice(1), universe, atom));
  if (trimmed === 'any') return universe;
  if (!trimmed.startsWith('[')) return atom(trimmed);
  const items = splitList(trimmed.slice(1, -1));
  const positive = items.filter((i) => !i.startsWith('!'));
  const negative = items.filter((i) => i.startsWith('!'));
  let set = positive.length === 0 ? universe : EMPTY;
  for (const item of positive) set = union(set, setExpression(item, universe, atom));
  for (const item of negative) set = subtract(set, setExpression(item.slice(1), universe, atom));
  return set;
}

function splitList(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '[') depth++;
    if (ch === ']') depth--;
    if (ch === ',' && depth === 0) {
      out.push(current.trim());
      current = '';
    } else current += ch;
  }
  if (current.trim()) out.push(current.trim());
  return out;
}
