import { allResources, where } from '../template-values';
import { DeployStack, ProofResult, Violation } from '../types';
import { checkProperties, SchemaIssue } from './property-check';
import { Registry } from './registry';

/** Types with no registry schema by design: custom resources and the CDK's own metadata. */
function isCustom(type: string): boolean {
  return (
    type.startsWith('Custom::') ||
    type === 'AWS::CloudFormation::CustomResource' ||
    type === 'AWS::CDK::Metadata'
  );
}

/**
 * Schema proof: every resource's properties match its CloudFormation registry schema, as
 * `@aws-cdk/aws-service-spec` carries it: exact (case-sensitive) names, types, enums and
 * required keys. CloudFormation rejects a template that breaks one of these when it deploys,
 * not when `cdk synth` runs; the L2 `ec2.FlowLog` with S3 destination options is the known case
 * (aws-cdk issues #21037, #23964, #25432).
 */
export function proveSchema(
  stacks: readonly DeployStack[],
  registry: Registry = Registry.load(),
): ProofResult {
  const violations: Violation[] = [];
  const notModelled: Record<string, number> = {};
  let checked = 0;
  for (const { stack, id, resource } of allResources(stacks)) {
    if (isCustom(resource.Type)) {
      notModelled["custom resources (properties are the handler's own)"] =
        (notModelled["custom resources (properties are the handler's own)"] ?? 0) + 1;
      continue;
    }
    checked++;
    const schema = registry.resource(resource.Type);
    if (!schema) {
      violations.push({
        proof: 'schema',
        where: where(stack, id),
        message: `${resource.Type} is not a CloudFormation resource type`,
        witness: `${id}.Type: ${resource.Type}`,
      });
      continue;
    }
    const issues: SchemaIssue[] = [];
    checkProperties(registry, resource.Properties ?? {}, schema.properties, 'Properties', issues);
    for (const issue of issues) {
      violations.push({
        proof: 'schema',
        where: where(stack, id),
        message: `${resource.Type} ${issue.path} ${issue.message}`,
        witness: `${id}.${issue.path}`,
      });
    }
  }
  return {
    proof: 'schema',
    title: 'Schema: properties match the CloudFormation registry',
    checked,
    violations,
    notModelled,
  };
}
