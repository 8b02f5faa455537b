/**
 * The firewall's endpoint ID in each zone: the CloudFormation attribute lists them in no
 * guaranteed order, DescribeFirewall names the subnet of each (and the zone, by this account's
 * zone name, which is not the estate's zone ID). Waits until every zone's subnet has one.
 */
import { Wait, waitFor } from './wait';

/** `FirewallStatus.SyncStates` of a DescribeFirewall answer: per zone name, the endpoint if there is one yet. */
export type SyncStates = Readonly<
  Record<
    string,
    { readonly Attachment?: { readonly SubnetId?: string; readonly EndpointId?: string } } | undefined
  >
>;

/** DescribeFirewall, reduced to what the lookup reads. */
export type DescribeFirewall = (firewallArn: string) => Promise<SyncStates | undefined>;

/** The Data key of a zone's endpoint: `Endpoint` and the zone ID without punctuation. */
export const endpointKey = (zone: string): string => `Endpoint${zone.replace(/[^A-Za-z0-9]/g, '')}`;

/** The endpoint in each zone's firewall subnet, or nothing if some subnet has none yet. */
export function endpointsOf(
  states: SyncStates | undefined,
  subnets: Readonly<Record<string, string>>,
): Record<string, string> | undefined {
  const bySubnet = new Map<string, string>();
  for (const state of Object.values(states ?? {})) {
    const { SubnetId, EndpointId } = state?.Attachment ?? {};
    if (SubnetId && EndpointId) bySubnet.set(SubnetId, EndpointId);
  }
  const data: Record<string, string> = {};
  for (const [zone, subnet] of Object.entries(subnets)) {
    const id = bySubnet.get(subnet);
    if (id) data[endpointKey(zone)] = id;
  }
  return Object.keys(data).length === Object.keys(subnets).length ? data : undefined;
}

export function firewallEndpoints(
  describe: DescribeFirewall,
  firewallArn: string,
  subnets: Readonly<Record<string, string>>,
  wait: Wait,
): Promise<Record<string, string>> {
  const zones = Object.keys(subnets);
  return waitFor<Record<string, string>, readonly string[]>(
    wait,
    async () => {
      const data = endpointsOf(await describe(firewallArn), subnets);
      return data ? { value: data } : { missing: zones };
    },
    () => new Error(`firewall has no endpoint yet in some of ${zones.join(', ')}`),
  );
}
