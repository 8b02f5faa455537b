import { readAssembly } from '../verify/assembly/read-assembly';
import { Resolver, Unresolvable } from '../verify/assembly/resolver';
import { AssemblyStack } from '../verify/assembly/types';
import { buildNetworkModel } from '../verify/model/build-model';
import { ModelHints } from '../verify/model/context';
import { labelOf } from '../verify/model/labels';
import { TgwAttachment, TgwRouteTable, TransitGateway } from '../verify/model/types';
import { BLACKHOLE, DIRECT_CONNECT_ATTACHMENT, sortTgwExpected, TgwExpected } from './tgw-expected';
import { EXIT_CODES } from '../errors/exit-codes';
import { UserInputError } from '../errors/user-input-error';

/**
 * The assembly cannot be read, or cannot state the gateway's routing completely: the folder
 * the user passed as --assembly is the problem, so it prints without a stack.
 */
export class AssemblyExpectedError extends UserInputError {}

/** Resources whose values the expected routing depends on; a model gap in any of them is fatal. */
const TGW_TYPES = new Set([
  'AWS::EC2::TransitGateway',
  'AWS::EC2::TransitGatewayRouteTable',
  'AWS::EC2::TransitGatewayRouteTableAssociation',
  'AWS::EC2::TransitGatewayRouteTablePropagation',
  'AWS::EC2::TransitGatewayRoute',
  'AWS::EC2::TransitGatewayVpcAttachment',
  'AWS::EC2::TransitGatewayAttachment',
  'AWS::EC2::VPNConnection',
  'AWS::DirectConnect::DirectConnectGatewayAssociation',
]);

/** Reads `dir` (a `cdk.out`) and derives the expected gateway from its templates. */
export function tgwExpectedFromAssembly(dir: string, hints: ModelHints = {}): TgwExpected {
  let stacks: AssemblyStack[];
  try {
    stacks = readAssembly(dir);
  } catch (error) {
    throw new AssemblyExpectedError(`cannot read the assembly: ${(error as Error).message}`, {
      exitCode: EXIT_CODES.staleAssembly,
    });
  }
  try {
    return tgwExpectedFromStacks(stacks, hints);
  } catch (error) {
    if (error instanceof AssemblyExpectedError) {
      throw new AssemblyExpectedError(`${dir}: ${error.message}`, { exitCode: error.exitCode });
    }
    throw error;
  }
}

/**
 * The gateway exactly as the templates deploy it, from the network model `verify-network`
 * proves (the same offline evaluation of references, shared parameters and the hub's
 * deploy-time lookups), named by the Name tags in the templates.
 */
export function tgwExpectedFromStacks(stacks: readonly AssemblyStack[], hints: ModelHints = {}): TgwExpected {
  const network = buildNetworkModel(stacks, hints);
  // A second resolver only for tags: the model keeps IDs and labels, not tags.
  const resolver = new Resolver(stacks);
  const tgwLabels = new Set([...resolver.all()].filter((r) => TGW_TYPES.has(r.type)).map((r) => labelOf(r)));
  const gaps = network.gaps.filter((g) => tgwLabels.has(g.resource));
  if (gaps.length > 0) {
    throw new AssemblyExpectedError(
      `the Transit Gateway routing cannot be resolved offline:\n${gaps.map((g) => `  ${g.resource}: ${g.problem}`).join('\n')}`,
    );
  }
  const tgw = onlyGateway(network.transitGateways);
  const problems: string[] = [];
  const named = (located: { id: string; label: string }, name: string | undefined): string => {
    if (name !== undefined) return name;
    problems.push(`${located.label} has no Name tag`);
    return located.id;
  };
  const attachmentName = (a: TgwAttachment): string => named(a, nameOfAttachment(resolver, a));
  const expected = sortTgwExpected({
    routeTables: tgw.routeTables.map((table) => ({
      name: named(table, nameOfTable(resolver, table)),
      associations: tgw.attachments.filter((a) => a.association === table).map(attachmentName),
      propagations: table.propagations.map(attachmentName),
      staticRoutes: table.routes
        .filter((r) => r.kind === 'static')
        .map((r) => ({ cidr: r.destination, target: r.target ? attachmentName(r.target) : BLACKHOLE })),
    })),
  });
  if (problems.length > 0) {
    throw new AssemblyExpectedError(
      `verify-live matches route tables and attachments by Name tag:\n${[...new Set(problems)].map((p) => `  ${p}`).join('\n')}`,
    );
  }
  return expected;
}

function onlyGateway(gateways: readonly TransitGateway[]): TransitGateway {
  if (gateways.length === 1) return gateways[0];
  throw new AssemblyExpectedError(
    gateways.length === 0
      ? 'no Transit Gateway (AWS::EC2::TransitGateway) in the assembly: synthesize the whole estate'
      : `${gateways.length} Transit Gateways in the assembly (${gateways.map((g) => g.label).join(', ')}); expected one`,
  );
}

/** The gateway's default route table is not a resource of its own, so it has no tags. */
function nameOfTable(resolver: Resolver, table: TgwRouteTable): string | undefined {
  return table.id.endsWith('#default') ? undefined : nameTagOf(resolver, table.id);
}

/**
 * Named as the live reader names it: VPC attachments by their own Name tag, VPN attachments
 * by their connection's (the model's ID points at the connection), and the Direct Connect
 * gateway's attachment by convention.
 */
function nameOfAttachment(resolver: Resolver, attachment: TgwAttachment): string | undefined {
  if (attachment.kind === 'direct-connect') return directConnectName(resolver, attachment.resource);
  if (attachment.kind === 'peering') return undefined;
  return nameTagOf(resolver, attachment.id);
}

/**
 * The first Direct Connect gateway's attachment is `direct-connect-gateway`, the n-th's
 * `direct-connect-gateway-n`, by the gateway's name (`<estate>-hscn-n`) in the template.
 */
function directConnectName(resolver: Resolver, gatewayId: string): string {
  const record = resolver.record(gatewayId);
  let name: unknown;
  try {
    name = record ? resolver.prop(record, 'DirectConnectGatewayName') : undefined;
  } catch (error) {
    if (!(error instanceof Unresolvable)) throw error;
  }
  const n = typeof name === 'string' ? /-hscn-(\d+)$/.exec(name)?.[1] : undefined;
  return n ? `${DIRECT_CONNECT_ATTACHMENT}-${n}` : DIRECT_CONNECT_ATTACHMENT;
}

function nameTagOf(resolver: Resolver, id: string): string | undefined {
  const record = resolver.record(id);
  if (!record) return undefined;
  let tags: unknown;
  try {
    tags = resolver.prop(record, 'Tags');
  } catch (error) {
    if (error instanceof Unresolvable) return undefined;
    throw error;
  }
  if (!Array.isArray(tags)) return undefined;
  const name = (tags as { Key?: unknown; Value?: unknown }[]).find((t) => t?.Key === 'Name')?.Value;
  return typeof name === 'string' ? name : undefined;
}
