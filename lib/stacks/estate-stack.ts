import { DefaultStackSynthesizer, Stack, StackProps, Tags } from 'aws-cdk-lib';
import { Construct } from 'constructs';

/** The tags every resource carries (the estate's tag policy). */
export interface EstateTags {
  readonly 'ods-code': string;
  readonly environment: string;
  readonly 'data-classification': string;
  readonly 'patient-data': 'true' | 'false';
  readonly icb?: string;
  readonly 'cost-centre'?: string;
  /** `tenant` for spokes, `core` for platform stacks; nag rules key off it. */
  readonly 'nhs-cloud:stack-kind': 'tenant' | 'core';
}

export interface EstateStackProps extends StackProps {
  readonly env: { readonly account: string; readonly region: string };
  /** The region's zones from config; returned instead of a context lookup. */
  readonly availabilityZones: readonly string[];
  readonly estateTags: EstateTags;
  /**
   * Bootstrap qualifier of every account the estate deploys to (`landingZone.cdkQualifier`).
   * The synthesizer names the bootstrap roles, bucket and version parameter with it, and the
   * guardrail SCPs exempt `cdk-<qualifier>-*`: the two must be the same value, or the SCPs deny
   * CloudFormation's own execution role. See "Customizing bootstrapping",
   * https://docs.aws.amazon.com/cdk/v2/guide/bootstrapping-customizing.html
   */
  readonly cdkQualifier: string;
}

/**
 * Base for every stack in the estate: a fixed account and region, availability zones from
 * config (so synthesis never needs credentials), the bootstrap qualifier from config, and the
 * tag policy applied to the stack and to each resource in the template, where reviewers and
 * cdk-nag can see it.
 */
export class EstateStack extends Stack {
  private readonly zones: string[];

  constructor(scope: Construct, id: string, props: EstateStackProps) {
    const tags = definedTags(props.estateTags);
    super(scope, id, {
      ...props,
      tags: { ...tags, ...props.tags },
      synthesizer: new DefaultStackSynthesizer({ qualifier: props.cdkQualifier }),
    });
    this.zones = [...props.availabilityZones];
    for (const [key, value] of Object.entries(tags)) Tags.of(this).add(key, value);
  }

  override get availabilityZones(): string[] {
    return this.zones;
  }
}

function definedTags(tags: EstateTags): Record<string, string> {
  return Object.fromEntries(Object.entries(tags).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >;
}
