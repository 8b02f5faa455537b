import { parse } from 'node:path';
import { CfnResource } from 'aws-cdk-lib';
import { NagRuleResult } from 'cdk-nag';

/** A cdk-nag rule: one L1 resource in, a verdict or a list of findings out. */
export type NagRule = (node: CfnResource) => NagRuleResult;

/**
 * Names a rule after its source file, as cdk-nag does: the pack builds the rule ID from the
 * function's name, so the file name is the rule ID and cannot drift from it.
 */
export function namedRule(sourceFile: string, check: NagRule): NagRule {
  return Object.defineProperty(check, 'name', { value: parse(sourceFile).name });
}
