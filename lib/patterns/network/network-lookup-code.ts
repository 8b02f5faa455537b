/**
 * Source of the network lookup function, deployed inline (no asset, no bundling) and kept
 * under Lambda's 4 KB inline limit. It answers three deploy-time questions the hub cannot
 * answer at synth time without credentials:
 *
 * - `Attachments`: Transit Gateway attachment IDs, by type plus owner account (spoke and
 *   shared-services VPCs) or resource ID (VPN connections, the Direct Connect gateway). It
 *   waits for missing ones and fails on ambiguous ones, naming the key.
 * - `FirewallArn`: the firewall's endpoint ID in each AZ (the CloudFormation attribute lists
 *   them in no guaranteed order).
 * - `Organization`: the organization's ARN, for RAM shares (config has no organization ID).
 *
 * The Lambda runtime provides the AWS SDK v3 clients used here.
 */
export const NETWORK_LOOKUP_CODE = `
const ec2 = require('@aws-sdk/client-ec2');
const nfw = require('@aws-sdk/client-network-firewall');
const orgs = require('@aws-sdk/client-organizations');
const cfg = { waitMs: 15000, tries: 40 };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const alnum = (s) => s.replace(/[^A-Za-z0-9]/g, '');

async function attachments(tgw, wanted) {
  const keys = Object.keys(wanted || {});
  if (keys.length === 0) return {};
  const client = new ec2.EC2Client({});
  for (let attempt = 1; ; attempt++) {
    const all = [];
    let NextToken;
    do {
      const page = await client.send(new ec2.DescribeTransitGatewayAttachmentsCommand({
        Filters: [{ Name: 'transit-gateway-id', Values: [tgw] }, { Name: 'state', Values: ['available', 'modifying'] }],
        NextToken,
      }));
      all.push(...(page.TransitGatewayAttachments || []));
      NextToken = page.NextToken;
    } while (NextToken);
    const found = {};
    const missing = [];
    for (const key of keys) {
      const w = wanted[key];
      const hits = all.filter((a) => a.ResourceType === w.Type
        && (!w.Owner || a.ResourceOwnerId === w.Owner) && (!w.ResourceId || a.ResourceId === w.ResourceId));
      const what = key + ' (' + w.Type + ' ' + (w.Owner || w.ResourceId) + ')';
      if (hits.length > 1) throw new Error(what + ': ' + hits.length + ' attachments match, expected one');
      if (hits.length === 1) found[key] = hits[0].TransitGatewayAttachmentId;
      else missing.push(what);
    }
    if (missing.length === 0) return found;
    if (attempt >= cfg.tries) throw new Error('no available attachment for ' + missing.join(', '));
    await sleep(cfg.waitMs);
  }
}

async function endpoints(arn, zones) {
  const client = new nfw.NetworkFirewallClient({});
  for (let attempt = 1; ; attempt++) {
    const out = await client.send(new nfw.DescribeFirewallCommand({ FirewallArn: arn }));
    const states = (out.FirewallStatus && out.FirewallStatus.SyncStates) || {};
    const data = {};
    for (const zone of zones) {
      const id = states[zone] && states[zone].Attachment && states[zone].Attachment.EndpointId;
      if (id) data['Endpoint' + alnum(zone)] = id;
    }
    if (Object.keys(data).length === zones.length) return data;
    if (attempt >= cfg.tries) throw new Error('firewall has no endpoint yet in some of ' + zones.join(', '));
    await sleep(cfg.waitMs);
  }
}

exports.cfg = cfg;
exports.lookup = async (p) => {
  const data = {};
  if (p.Attachments) Object.assign(data, await attachments(p.TransitGatewayId, p.Attachments));
  if (p.FirewallArn) Object.assign(data, await endpoints(p.FirewallArn, p.FirewallZones || []));
  if (p.Organization === 'true') {
    const out = await new orgs.OrganizationsClient({}).send(new orgs.DescribeOrganizationCommand({}));
    data.OrganizationArn = out.Organization.Arn;
  }
  return data;
};

exports.handler = async (event) => {
  let Status = 'SUCCESS';
  let Reason = '';
  let Data = {};
  if (event.RequestType !== 'Delete') {
    try { Data = await exports.lookup(event.ResourceProperties); }
    catch (e) { Status = 'FAILED'; Reason = String((e && e.message) || e).slice(0, 2000); }
  }
  const body = JSON.stringify({ Status, Reason, Data, PhysicalResourceId: event.PhysicalResourceId || event.LogicalResourceId,
    StackId: event.StackId, RequestId: event.RequestId, LogicalResourceId: event.LogicalResourceId });
  await fetch(event.ResponseURL, { method: 'PUT', headers: { 'content-type': '' }, body });
};
`;
