import { evaluateOrdered } from '../firewall/boxes';
import { Piece, Protocol, PROTOCOLS } from '../firewall/types';
import { Nacl, NaclEntry } from '../model/types';
import { ALL_ADDRESSES, ALL_PORTS } from '../sets/interval-set';

const BY_NUMBER: Readonly<Record<number, Protocol>> = { 6: 'tcp', 17: 'udp', 1: 'icmp' };

/**
 * A network ACL on one side of a subnet: entries by rule number, first match decides, and
 * anything no entry matches is denied. Outbound entries match the destination, inbound
 * entries the source. A default NACL nobody added entries to allows everything.
 */
export function naclVerdicts(
  nacl: Nacl,
  egress: boolean,
  piece: Piece,
  protocol: Protocol,
): { piece: Piece; allow: boolean; reason: string }[] {
  if (!nacl.entries) return [{ piece, allow: true, reason: 'default NACL' }];
  const rules = nacl.entries
    .filter((e) => e.egress === egress)
    .map((entry) => ({
      entry,
      terminal: true,
      box: {
        protocols: protocolsOf(entry),
        src: egress ? ALL_ADDRESSES : entry.addresses,
        dst: egress ? entry.addresses : ALL_ADDRESSES,
        ports: entry.ports ?? ALL_PORTS,
      },
    }));
  return evaluateOrdered(piece, rules, protocol).map(({ rule, piece: part }) => ({
    piece: part,
    allow: rule?.entry.allow ?? false,
    reason: rule
      ? `${nacl.label} ${egress ? 'outbound' : 'inbound'} rule ${rule.entry.ruleNumber} ${rule.entry.allow ? 'allow' : 'deny'}`
      : `${nacl.label} ${egress ? 'outbound' : 'inbound'} default deny`,
  }));
}

function protocolsOf(entry: NaclEntry): readonly Protocol[] {
  if (entry.protocol === -1) return PROTOCOLS;
  const protocol = BY_NUMBER[entry.protocol];
  return protocol ? [protocol] : [];
}
