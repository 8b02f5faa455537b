import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AssemblyExpectedError,
  tgwExpectedFromAssembly,
  tgwExpectedFromStacks,
} from '../../lib/aws/tgw-expected-assembly';
import { tgwExpectedFromPlan } from '../../lib/aws/tgw-expected-plan';
import { TgwExpected } from '../../lib/aws/verify-live';
import { verifyLiveCommand } from '../../lib/cli/commands/verify-live';
import { readAssembly } from '../../lib/verify/assembly/read-assembly';
import { writeStamp } from '../../lib/app/synth-stamp';
import { STAMP_FILE } from '../../lib/config/assembly-stamp';
import { AssemblyStack } from '../../lib/verify/assembly/types';
import { hintsFromConfig } from '../../lib/verify/verify-network';
import { runCommand } from '../support/ec2-fixtures/run-command';
import { Ec2QueryServer, FAST_CLIENT } from '../support/ec2-query-server';
import { FIXTURE_ESTATE_DIR, fixtureModel, synthAssemblyDir } from '../support/fixture-estate';
import { miniHub } from '../fixtures/assemblies/mini-hub';
import { findResource, props, stackOf } from '../verify/support/tamper';
import { deployedGateway } from './deployed-gateway';

/**
 * The two offline sources of the expected gateway must agree: the plan (no cdk.out) and the
 * synthesized templates (what a deploy creates). The example estate is synthesized once.
 */
const model = fixtureModel();
const hints = hintsFromConfig(model);
let dir: string;
let stacks: AssemblyStack[];
let planned: TgwExpected;

beforeAll(() => {
  dir = synthAssemblyDir(model);
  writeStamp(dir, FIXTURE_ESTATE_DIR); // as createApp does once a synth of that config finishes
  stacks = readAssembly(dir);
  planned = tgwExpectedFromPlan(model);
}, 300_000);
afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

/** The example's stacks with one resource's properties edited in memory. */
function edited(
  stackId: string,
  type: string,
  edit: (p: Record<string, unknown>) => void,
  logicalId = '',
): AssemblyStack[] {
  const copy = structuredClone(stacks);
  edit(props(findResource(stackOf(copy, stackId), type, (_, id) => id.includes(logicalId))[1]));
  return copy;
}

const rgrAttachment = 'AWS::EC2::TransitGatewayVpcAttachment';
const renameTag = (name: string | undefined) => (p: Record<string, unknown>) => {
  const tags = (p.Tags as { Key: string; Value: string }[]).filter((t) => t.Key !== 'Name');
  p.Tags = name === undefined ? tags : [...tags, { Key: 'Name', Value: name }];
};

describe('the expected gateway from a synthesized assembly', () => {
  test('equals the one planned from config, for the whole example estate', () => {
    const fromAssembly = tgwExpectedFromAssembly(dir, hints);
    expect(fromAssembly.routeTables).toHaveLength(9);
    expect(fromAssembly).toEqual(planned);
  });

  test('a template that names an attachment differently from lib/planners/naming breaks the equality', () => {
    const renamed = tgwExpectedFromStacks(
      edited('Tenant-RGR-prod', rgrAttachment, renameTag('rgr-prod')),
      hints,
    );
    expect(renamed).not.toEqual(planned);
    const prod = renamed.routeTables.find((t) => t.name === 'nhs-cloud-tenants-prod')!;
    expect(prod.associations).toContain('rgr-prod');
    expect(prod.associations).not.toContain('RGR-prod');
  });

  test('an attachment without a Name tag cannot be matched to the live gateway, and says which', () => {
    expect(() =>
      tgwExpectedFromStacks(edited('Tenant-RGR-prod', rgrAttachment, renameTag(undefined)), hints),
    ).toThrow(
      'verify-live matches route tables and attachments by Name tag:\n  Tenant-RGR-prod/Spoke/TransitGatewayAttachment has no Name tag',
    );
  });

  test('an association that cannot be resolved offline is an error, not a guess', () => {
    const broken = edited(
      'Core-Network',
      'AWS::EC2::TransitGatewayRouteTableAssociation',
      (p) => (p.TransitGatewayAttachmentId = 'tgw-attach-0unknown'),
      'SegmentsEgressAssociation',
    );
    expect(() => tgwExpectedFromStacks(broken, hints)).toThrow(
      'the Transit Gateway routing cannot be resolved offline:\n  Core-Network/Segments/EgressAssociation: transit gateway attachment tgw-attach-0unknown is not in the assembly',
    );
  });
});

describe('verify-live against a gateway deployed from the assembly', () => {
  let server: Ec2QueryServer;
  afterEach(() => server?.close());

  const run = (args: string[], defaultAssembly = join(dir, 'no-such-dir')) =>
    runCommand(
      (io) =>
        verifyLiveCommand(io, {
          clientDefaults: FAST_CLIENT,
          defaultAssembly,
        }),
      ['verify-live', '--config', FIXTURE_ESTATE_DIR, '--endpoint', server.url, ...args],
    );

  test('--assembly DIR: no differences, and the header names the assembly', async () => {
    server = await Ec2QueryServer.start(deployedGateway(planned));
    const result = await run(['--assembly', dir]);
    expect(result).toEqual({
      code: 0,
      stdout: [
        `expected model: synthesized assembly ${dir}`,
        'tgw-0hub: 58 attachments and 9 route tables read, no differences from the expected model',
        '',
      ].join('\n'),
      stderr: '',
    });
  });

  test('an assembly no synth finished (no stamp) is refused before any AWS call: exit 3', async () => {
    server = await Ec2QueryServer.start(deployedGateway(planned));
    const copy = mkdtempSync(join(tmpdir(), 'nhs-cloud-unstamped-'));
    cpSync(dir, copy, { recursive: true });
    rmSync(join(copy, STAMP_FILE));
    const result = await run(['--assembly', copy]);
    expect(result).toEqual({
      code: 3,
      stdout: '',
      stderr: `verify-live: ${copy} is not the product of a synth that finished: it has no ${STAMP_FILE}, so the last synth into it failed or stopped part way (its templates may be older than your config); fix what stopped it and synthesize again: npx cdk synth -c config=${FIXTURE_ESTATE_DIR}\n`,
    });
    expect(server.requests).toEqual([]);
    rmSync(copy, { recursive: true, force: true });
  });

  test('without --assembly it uses the default assembly when that has a manifest', async () => {
    server = await Ec2QueryServer.start(deployedGateway(planned));
    const result = await run(['--format', 'json'], dir);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      source: { kind: 'assembly', path: dir },
      transitGatewayId: 'tgw-0hub',
      routeTables: 9,
      drift: [],
    });
  });
});

describe('assemblies verify-live cannot use', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'nhs-cloud-bad-assembly-'));
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  function assembly(name: string, files: Record<string, string>): string {
    const path = join(scratch, name);
    mkdirSync(path);
    for (const [file, text] of Object.entries(files)) writeFileSync(join(path, file), text);
    return path;
  }

  const stackArtifact = (template: string) =>
    JSON.stringify({
      artifacts: {
        'Core-Network': {
          type: 'aws:cloudformation:stack',
          environment: 'aws://100000000004/eu-west-2',
          properties: { templateFile: template },
        },
      },
    });

  test('no manifest.json', () => {
    const path = assembly('empty', {});
    expect(() => tgwExpectedFromAssembly(path)).toThrow(
      new AssemblyExpectedError(
        `cannot read the assembly: ${path}: no manifest.json; run \`npx cdk synth\` first or pass --assembly DIR`,
      ),
    );
  });

  test('a template that is not JSON is named', () => {
    const path = assembly('broken', {
      'manifest.json': stackArtifact('Core-Network.template.json'),
      'Core-Network.template.json': '{"Resources": ',
    });
    expect(() => tgwExpectedFromAssembly(path)).toThrow(
      `cannot read the assembly: ${join(path, 'Core-Network.template.json')}: not valid JSON`,
    );
  });

  test('an assembly without a Transit Gateway', () => {
    const path = assembly('no-tgw', {
      'manifest.json': stackArtifact('Core-Network.template.json'),
      'Core-Network.template.json': '{"Resources": {}}',
    });
    expect(() => tgwExpectedFromAssembly(path)).toThrow(
      `${path}: no Transit Gateway (AWS::EC2::TransitGateway) in the assembly: synthesize the whole estate`,
    );
  });

  test('templates without Name tags (the hand-written mini hub) list every unnamed table and attachment', () => {
    const message = (() => {
      try {
        tgwExpectedFromStacks(miniHub());
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(message.split('\n')[0]).toBe('verify-live matches route tables and attachments by Name tag:');
    expect(message).toContain('  Core-Network/TenantsProdTable has no Name tag');
    expect(message).toContain('  Tenant-RAA-prod/Attachment has no Name tag');
  });
});
