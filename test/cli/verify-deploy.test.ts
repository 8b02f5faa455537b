import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE_ESTATE_DIR } from '../support/fixture-estate';
import { runCli } from '../support/run-cli';

const MANAGEMENT = '100000000001';

/** A one-stack assembly in the management account (SCPs do not apply there), as `cdk synth` lays it out. */
function assemblyWith(properties: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'nhs-cloud-verify-deploy-'));
  const template = { Resources: { Logs: { Type: 'AWS::Logs::LogGroup', Properties: properties } } };
  writeFileSync(join(dir, 'Core-Test.template.json'), JSON.stringify(template));
  const role = (kind: string) =>
    `arn:\${AWS::Partition}:iam::${MANAGEMENT}:role/cdk-nhscloud-${kind}-${MANAGEMENT}-eu-west-2`;
  writeFileSync(
    join(dir, 'manifest.json'),
    JSON.stringify({
      version: '48.0.0',
      artifacts: {
        'Core-Test': {
          type: 'aws:cloudformation:stack',
          environment: `aws://${MANAGEMENT}/eu-west-2`,
          properties: {
            templateFile: 'Core-Test.template.json',
            assumeRoleArn: role('deploy-role'),
            cloudFormationExecutionRoleArn: role('cfn-exec-role'),
          },
        },
      },
    }),
  );
  return dir;
}

describe('nhs-cloud verify-deploy', () => {
  it('prints each proof and exits 0 when all hold', async () => {
    const run = await runCli([
      'verify-deploy',
      '--assembly',
      assemblyWith({ RetentionInDays: 2922 }),
      '--config',
      FIXTURE_ESTATE_DIR,
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('| Schema: properties match the CloudFormation registry | 1 | 0 |');
    expect(run.stdout).toContain(
      '| Organization order: trusted access and administrators before what needs them | 0 | 0 |',
    );
  });

  it('exits 1 naming the witness of each violation, as JSON too', async () => {
    const dir = assemblyWith({ retentionInDays: 2922 });
    const md = await runCli(['verify-deploy', '--assembly', dir, '--config', FIXTURE_ESTATE_DIR]);
    expect(md.code).toBe(1);
    expect(md.stdout).toContain(
      "| Core-Test/Logs | AWS::Logs::LogGroup Properties.retentionInDays has the wrong case: CloudFormation's schema spells it RetentionInDays | `Logs.Properties.retentionInDays` |",
    );
    expect(md.stderr).toContain('verify-deploy: 1 violation of the deploy proofs');
    const json = await runCli([
      'verify-deploy',
      '--assembly',
      dir,
      '--config',
      FIXTURE_ESTATE_DIR,
      '--format',
      'json',
    ]);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout).proofs[0].violations).toEqual([
      {
        proof: 'schema',
        where: 'Core-Test/Logs',
        message:
          "AWS::Logs::LogGroup Properties.retentionInDays has the wrong case: CloudFormation's schema spells it RetentionInDays",
        witness: 'Logs.Properties.retentionInDays',
      },
    ]);
  });

  it('exits 3 when there is no assembly to read', async () => {
    const run = await runCli([
      'verify-deploy',
      '--assembly',
      join(tmpdir(), 'no-such-assembly'),
      '--config',
      FIXTURE_ESTATE_DIR,
    ]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(
      /verify-deploy: .*no-such-assembly: no manifest.json; run `npx cdk synth` first/,
    );
  });
});
