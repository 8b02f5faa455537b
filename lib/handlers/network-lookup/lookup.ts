/**
 * The network lookup: one custom resource answers the deploy-time questions the hub cannot
 * answer at synth time without credentials (attachment IDs, firewall endpoints per zone, the
 * organization's ARN). The AWS clients come in as `LookupServices`, so tests point EC2 at a
 * local endpoint and `index.ts` wires the real SDK clients Lambda ships.
 */
import { EC2Client } from '@aws-sdk/client-ec2';
import { AttachmentQuery, findAttachments } from './attachments';
import { CloudFormationEvent, CloudFormationResponse, putResponse, responseTo } from './cfn-response';
import { DescribeFirewall, firewallEndpoints } from './firewall-endpoints';
import { DescribeOrganization, organizationArn } from './organization';
import { DEFAULT_WAIT, Wait } from './wait';

/** ResourceProperties, as `NetworkLookup` writes them. */
export interface NetworkLookupProperties {
  readonly TransitGatewayId?: string;
  /** Attachment queries by key; each key is returned as a Data key of the same name. */
  readonly Attachments?: Readonly<Record<string, AttachmentQuery>>;
  /** Data gets `Endpoint<zone, alphanumerics only>` for each of `FirewallZones`. */
  readonly FirewallArn?: string;
  readonly FirewallZones?: readonly string[];
  /** 'true' adds `OrganizationArn`. */
  readonly Organization?: string;
  /** Only there to make CloudFormation re-run the lookup. */
  readonly Revision?: string;
}

export type NetworkLookupEvent = CloudFormationEvent<NetworkLookupProperties>;

export interface LookupServices {
  /** A new EC2 client; the lookup destroys it when done. */
  readonly ec2: () => EC2Client;
  readonly describeFirewall: DescribeFirewall;
  readonly describeOrganization: DescribeOrganization;
}

export async function lookup(
  p: NetworkLookupProperties,
  services: LookupServices,
  wait: Wait = DEFAULT_WAIT,
): Promise<Record<string, string>> {
  const data: Record<string, string> = {};
  if (p.Attachments) {
    Object.assign(data, await findAttachments(services.ec2, p.TransitGatewayId, p.Attachments, wait));
  }
  if (p.FirewallArn) {
    Object.assign(
      data,
      await firewallEndpoints(services.describeFirewall, p.FirewallArn, p.FirewallZones ?? [], wait),
    );
  }
  if (p.Organization === 'true') Object.assign(data, await organizationArn(services.describeOrganization));
  return data;
}

/**
 * The Lambda handler: looks up on Create and Update, does nothing on Delete, and answers
 * CloudFormation either way. Throws only if the PUT fails.
 */
export function makeHandler(
  services: LookupServices,
  wait: Wait = DEFAULT_WAIT,
): (event: NetworkLookupEvent) => Promise<CloudFormationResponse> {
  return async (event) => {
    let outcome: { data: Record<string, string> } | { error: unknown } = { data: {} };
    if (event.RequestType !== 'Delete') {
      try {
        outcome = { data: await lookup(event.ResourceProperties, services, wait) };
      } catch (error) {
        outcome = { error };
      }
    }
    const response = responseTo(event, outcome);
    await putResponse(event.ResponseURL, response);
    return response;
  };
}
