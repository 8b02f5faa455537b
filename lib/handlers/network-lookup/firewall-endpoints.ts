/**
 * The firewall's endpoint ID in each zone: the CloudFormation attribute lists them in no
 * guaranteed order, DescribeFirewall names the zone of each. Waits until every zone has one.
 */
import { Wait, waitFor } from './wait';

/** `FirewallStatus.SyncStates` of a DescribeFirewall answer: per zone, the endpoint if there is one yet. */
export type SyncStates = Readonly<
  Record<string, { readonly Attachment?: { readonly EndpointId?: string } } | undefined>
>;

/** DescribeFirewall, reduced to what the lookup reads. */
export type DescribeFirewall = (firewallArn: string) => Promise<SyncStates | undefined>;

/** The Data key of a zone's endpoint: `Endpoint` and the zone name without punctuation. */
export const endpointKey = (zone: string): string => `Endpoint${zone.replace(/[^A-Za-z0-9]/g, '')}`;

/** The endpoint of each zone, or nothing if some zone has none yet. */
export function endpointsOf(
  states: SyncStates | undefined,
  zones: readonly string[],
): Record<string, string> | undefined {
  const data: Record<string, string> = {};
  for (const zone of zones) {
    const id = states?.[zone]?.Attachment?.EndpointId;
    if (id) data[endpointKey(zone)] = id;
  }
  return Object.keys(data).length === zones.length ? data : undefined;
}

export function firewallEndpoints(
  describe: DescribeFirewall,
  firewallArn: string,
  zones: readonly string[],
  wait: Wait,
): Promise<Record<string, string>> {
  return waitFor<Record<string, string>, readonly string[]>(
    wait,
    async () => {
      const data = endpointsOf(await describe(firewallArn), zones);
      return data ? { value: data } : { missing: zones };
    },
    () => new Error(`firewall has no endpoint yet in some of ${zones.join(', ')}`),
  );
}
