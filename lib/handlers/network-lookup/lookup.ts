/**
 * The network lookup: one custom resource answers the deploy-time questions the hub cannot
 * answer at synth time without credentials (attachment IDs, firewall endpoints per zone, the
 * organization's ARN). The AWS clients come in as `LookupServices`, so tests point EC2 at a
 * local endpoint and `index.ts` wires the real SDK clients Lambda ships.
 */
import { EC2Client } from '@aws-sdk/client-ec2';
import {
  beforeLambdaTimeout,
  CloudFormationEvent,
  CloudFormationResponse,
  LambdaContext,
  putResponse,
  responseTo,
} from '../account-defaults/cfn-response';
import { AttachmentQuery, findAttachments } from './attachments';
import { DescribeFirewall, firewallEndpoints } from './firewall-endpoints';
import { DescribeOrganization, organizationArn } from './organization';
import { DEFAULT_WAIT, Wait } from './wait';

/** ResourceProperties, as `NetworkLookup` writes them. */
export interface NetworkLookupProperties {
  readonly TransitGatewayId?: string;
  /** Attachment queries by key; each key is returned as a Data key of the same name. */
  readonly Attachments?: Readonly<Record<string, AttachmentQuery>>;
  /** Data gets `Endpoint<zone ID, alphanumerics only>` for each zone of `FirewallSubnets`. */
  readonly FirewallArn?: string;
  /** The firewall subnet of each zone, by zone ID. */
  readonly FirewallSubnets?: Readonly<Record<string, string>>;
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
      await firewallEndpoints(services.describeFirewall, p.FirewallArn, p.FirewallSubnets ?? {}, wait),
    );
  }
  if (p.Organization === 'true') Object.assign(data, await organizationArn(services.describeOrganization));
  return data;
}

/** Time kept back from Lambda's timeout to answer FAILED when the lookup overruns. */
export const DEADLINE_MARGIN_MS = 10_000;

/**
 * The Lambda handler: looks up on Create and Update, does nothing on Delete, and answers
 * CloudFormation either way, through the checked, time-limited response path the account
 * defaults handler uses: FAILED with the reason before Lambda's timeout if the lookup overruns,
 * and a PUT that itself times out and checks its status. Throws only if the PUT fails.
 */
export function makeHandler(
  services: LookupServices,
  wait: Wait = DEFAULT_WAIT,
): (event: NetworkLookupEvent, context?: LambdaContext) => Promise<CloudFormationResponse> {
  return async (event, context) => {
    let outcome: { data: Record<string, string> } | { error: unknown } = { data: {} };
    if (event.RequestType !== 'Delete') {
      try {
        const work = lookup(event.ResourceProperties, services, wait);
        outcome = {
          data: await beforeLambdaTimeout(work, context, DEADLINE_MARGIN_MS, 'looking up network values'),
        };
      } catch (error) {
        outcome = { error };
      }
    }
    // The physical ID CloudFormation already has, or the logical ID on Create: never replaced.
    const response = responseTo(event, event.PhysicalResourceId || event.LogicalResourceId, outcome);
    // The response URL is a pre-signed credential: log the outcome, never the event.
    console.log(
      JSON.stringify({ RequestType: event.RequestType, Status: response.Status, Reason: response.Reason }),
    );
    await putResponse(event.ResponseURL, response);
    return response;
  };
}
