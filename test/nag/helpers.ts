import { App, CfnResource, Stack, StackProps, Stage } from 'aws-cdk-lib';
import { NagMessageLevel, NagPack, NagRuleResult } from 'cdk-nag';
import { IConstruct } from 'constructs';
import { NagRule } from '../../lib/nag/rule';

export const TEST_ENV = { account: '111111111111', region: 'eu-west-2' };

/** The tags the app applies to everything; spread them into a test stack's `tags`. */
export const MANDATORY_TAG_VALUES = {
  'ods-code': 'RGR',
  environment: 'prod',
  'data-classification': 'OFFICIAL',
};

/**
 * A fresh app holding one stack called 'Stack', in eu-west-2 unless `props.env` says otherwise.
 * CDK's built-in CloudFormation validation is off: it adds ~8 s to the first synth in a process.
 */
export function newStack(props: StackProps = {}): Stack {
  const app = new App({ builtinCloudFormationValidation: false });
  return new Stack(app, 'Stack', { env: TEST_ENV, ...props });
}

/** One violation per resource: `id` is the rule or finding ID, `error` the message when the rule threw. */
export interface Finding {
  readonly id: string;
  readonly path: string;
  readonly error?: string;
}

const RULE_ERROR = 'Rule threw an error during validation. ';

/** A pack that applies the given rules as errors, with the production pack name so IDs match. */
class TestPack extends NagPack {
  public readonly name = 'NhsCloud';

  constructor(private readonly rules: readonly NagRule[]) {
    super(undefined, { verbose: true });
    this.packName = 'NhsCloud';
  }

  protected checkResource(node: CfnResource): void {
    for (const rule of this.rules) {
      this.applyRule({ rule, node, info: 'info', explanation: 'explanation', level: NagMessageLevel.ERROR });
    }
  }
}

/**
 * Synthesizes the app of `scope` (so Tags.of() aspects have run, as they have when CDK calls a
 * plugin), then validates `scope` with `pack`, or with a pack of just `rule`, and flattens the
 * report to one finding per resource, sorted.
 */
export function validate(ruleOrPack: NagRule | NagPack, scope: IConstruct): Finding[] {
  synth(scope);
  const pack = ruleOrPack instanceof NagPack ? ruleOrPack : new TestPack([ruleOrPack]);
  const report = pack.validateScope(scope);
  const findings = report.violations.flatMap((violation) =>
    violation.violatingResources.map((resource) => ({
      id: violation.ruleName,
      path: resource.constructPath ?? '',
      ...(violation.description.startsWith(RULE_ERROR)
        ? { error: violation.description.slice(RULE_ERROR.length) }
        : {}),
    })),
  );
  return findings.sort((a, b) => `${a.id} ${a.path}`.localeCompare(`${b.id} ${b.path}`));
}

/** The rule's own verdict for one resource, after synthesis (compliant and N/A look alike in a report). */
export function verdict(rule: NagRule, resource: CfnResource): NagRuleResult {
  synth(resource);
  return rule(resource);
}

function synth(scope: IConstruct): void {
  const root = scope.node.root;
  if (Stage.isStage(root)) root.synth();
}
