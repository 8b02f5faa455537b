import { EgressPolicy, FirewallRule } from './types';

/** SID ranges per rule group, so an alert's SID alone says which group raised it. */
export const SEGMENTATION_SID_BASE = 1_000_000;
export const EGRESS_SID_BASE = 2_000_000;

/**
 * Renders pass rules as Suricata, one per line, numbered from `sidBase + 1`. TCP and UDP
 * rules match the client side of a flow (`flow:to_server`); the firewall then passes the
 * whole flow, replies included.
 *
 *   { name: 'wsh-to-esneft', tcp, [10.64.0.0/21] -> [10.64.120.0/21], ports [443, 2575] } ->
 *   pass tcp 10.64.0.0/21 any -> 10.64.120.0/21 [443,2575] (msg:"wsh-to-esneft"; flow:to_server; sid:1000001; rev:1;)
 */
export function renderPassRules(rules: readonly FirewallRule[], sidBase = SEGMENTATION_SID_BASE): string[] {
  return rules.map((rule, i) => {
    const flow = rule.protocol === 'tcp' || rule.protocol === 'udp' ? ' flow:to_server;' : '';
    const ports = rule.ports ? addressList(rule.ports.map(String)) : 'any';
    return (
      `pass ${rule.protocol} ${addressList(rule.sources)} any -> ${addressList(rule.destinations)} ${ports} ` +
      `(msg:"${rule.name}";${flow} sid:${sidBase + i + 1}; rev:1;)`
    );
  });
}

/**
 * The internet allow-list: for each domain a TLS rule on the SNI and an HTTP rule on the
 * Host header, from the tenants to `$EXTERNAL_NET` only. A leading dot allows the domain and
 * its subdomains (`dotprefix` makes "nhs.uk" read ".nhs.uk"); without one, the exact name.
 *
 *   .nhs.uk -> pass tls 10.64.0.0/10 any -> $EXTERNAL_NET any
 *              (tls.sni; dotprefix; content:".nhs.uk"; nocase; endswith; msg:"egress .nhs.uk"; flow:to_server; sid:2000001; rev:1;)
 */
export function renderEgressRules(egress: EgressPolicy, sidBase = EGRESS_SID_BASE): string[] {
  const sources = addressList(egress.sources);
  let sid = sidBase;
  return egress.domains.flatMap((domain) =>
    (['tls', 'http'] as const).map((protocol) => {
      const buffer = protocol === 'tls' ? 'tls.sni' : 'http.host';
      sid += 1;
      return (
        `pass ${protocol} ${sources} any -> $EXTERNAL_NET any ` +
        `(${buffer}; ${domainMatch(domain)} msg:"egress ${domain}"; flow:to_server; sid:${sid}; rev:1;)`
      );
    }),
  );
}

function domainMatch(domain: string): string {
  return domain.startsWith('.')
    ? `dotprefix; content:"${domain}"; nocase; endswith;`
    : `content:"${domain}"; nocase; startswith; endswith;`;
}

function addressList(items: readonly string[]): string {
  return items.length === 1 ? items[0] : `[${items.join(',')}]`;
}
