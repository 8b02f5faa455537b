import { Duration, aws_codebuild as codebuild, aws_iam as iam, pipelines } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { EstateStack, EstateStackProps } from '../estate-stack';
import { CFN_VALIDATE_ENV, DeliverySettings } from './delivery-settings';
import { WAVE_PLAN_FILE, waveDeployCommands } from '../../planners/delivery/wave-commands';
import { WAVES } from '../../planners/delivery/wave-plan';

export interface DeliveryPipelineStackProps extends EstateStackProps {
  readonly settings: DeliverySettings;
  /** The aws-cdk CLI version the steps install (the repository's pinned devDependency). */
  readonly cdkCliVersion: string;
  /** Name of the CodePipeline pipeline. */
  readonly pipelineName: string;
  /** Config folder the synth step reads. @default 'config' */
  readonly configDir?: string;
}

/**
 * Stacks deployed at once in a core wave. The management account holds one placement stack
 * per tenant (`Org-<ODS>`), so wave 1 grows with the estate inside one account, where the
 * Organizations API's rate limits, not CloudFormation, set the pace.
 */
export const CORE_CONCURRENCY = 10;

/** Stage name of the manual approval in front of the prod tenant wave. */
export const PROD_APPROVAL = 'ApproveProd';

/**
 * The delivery pipeline, in the deployment account. One synth produces one cloud assembly
 * (the estate plus this stack, `-c pipeline=true`) and a wave plan; each wave is a fixed set
 * of CodeBuild steps that `cdk deploy --exclusively` their stacks from that assembly. The
 * pipeline's shape does not grow with the estate: 1,000 tenants widen the tenant steps'
 * stack lists, not the number of CodePipeline stages or actions (50 and 50 per stage are
 * hard quotas). Why not one CDK Pipelines Stage per tenant: docs/adr/0016-delivery-waves.md.
 */
export class DeliveryPipelineStack extends EstateStack {
  readonly pipeline: pipelines.CodePipeline;

  constructor(scope: Construct, id: string, props: DeliveryPipelineStackProps) {
    super(scope, id, props);
    const { settings } = props;
    const configDir = props.configDir ?? 'config';
    const source = pipelines.CodePipelineSource.connection(settings.repository, settings.branch, {
      connectionArn: settings.connectionArn,
    });
    const context = [
      `-c config=${configDir}`,
      '-c pipeline=true',
      `-c pipelineRepo=${settings.repository}`,
      `-c pipelineBranch=${settings.branch}`,
      `-c pipelineConnectionArn=${settings.connectionArn}`,
      `-c pipelineTenantShards=${settings.tenantShards}`,
      `-c pipelineConcurrency=${settings.concurrency}`,
    ].join(' ');
    const synth = new pipelines.ShellStep('Synth', {
      input: source,
      installCommands: ['npm ci'],
      // CloudFormation Validate stays on here (docs/adr/0015-cfn-validate-plugin.md).
      commands: [
        `npx cdk synth --quiet ${context}`,
        `npx tsx scripts/plan-waves.ts --assembly cdk.out --config ${configDir} --tenant-shards ${settings.tenantShards} --out cdk.out/${WAVE_PLAN_FILE}`,
      ],
      primaryOutputDirectory: 'cdk.out',
      env: { [CFN_VALIDATE_ENV]: 'true' },
    });
    this.pipeline = new pipelines.CodePipeline(this, 'Pipeline', {
      pipelineName: props.pipelineName,
      synth,
      crossAccountKeys: true,
      enableKeyRotation: true,
      cliVersion: props.cdkCliVersion,
    });
    for (const wave of WAVES) {
      const tenantWave = wave.id.startsWith('Tenants');
      const shards = tenantWave ? settings.tenantShards : 1;
      const steps = Array.from({ length: shards }, (_, shard) =>
        this.deployStep(
          synth,
          wave.id,
          shard,
          shards,
          tenantWave ? settings.concurrency : CORE_CONCURRENCY,
          props.cdkCliVersion,
        ),
      );
      const pre: pipelines.Step[] = [];
      if (wave.id === 'TenantsProd') {
        const approval = new pipelines.ManualApprovalStep(PROD_APPROVAL, {
          comment: 'Nonprod is deployed; approve to deploy every prod tenant environment.',
        });
        // A wave without stages runs its pre and post steps side by side unless told otherwise.
        for (const step of steps) step.addStepDependency(approval);
        pre.push(approval);
      }
      this.pipeline.addWave(wave.id, { pre, post: steps });
    }
  }

  private deployStep(
    synth: pipelines.ShellStep,
    wave: (typeof WAVES)[number]['id'],
    shard: number,
    shards: number,
    concurrency: number,
    cdkCliVersion: string,
  ): pipelines.CodeBuildStep {
    return new pipelines.CodeBuildStep(
      shards > 1 ? `Deploy-${wave}-${shard + 1}-of-${shards}` : `Deploy-${wave}`,
      {
        input: synth.primaryOutput,
        installCommands: [`npm install -g aws-cdk@${cdkCliVersion}`],
        commands: waveDeployCommands({ wave, shard, concurrency }),
        timeout: Duration.hours(8),
        buildEnvironment: { computeType: codebuild.ComputeType.MEDIUM },
        // `cdk deploy` works through each target account's bootstrap roles, which trust this account.
        rolePolicyStatements: [
          new iam.PolicyStatement({
            actions: ['sts:AssumeRole'],
            resources: ['arn:*:iam::*:role/cdk-*'],
            conditions: {
              StringEquals: {
                'iam:ResourceTag/aws-cdk:bootstrap-role': [
                  'deploy',
                  'file-publishing',
                  'image-publishing',
                  'lookup',
                ],
              },
            },
          }),
        ],
      },
    );
  }
}
