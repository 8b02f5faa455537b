/** A CloudFormation template as synthesized, loosely typed: proofs read what they need. */
export interface Template {
  readonly Parameters?: Record<string, { readonly Type: string; readonly Default?: unknown }>;
  readonly Resources?: Record<string, TemplateResource>;
  readonly [section: string]: unknown;
}

export interface TemplateResource {
  readonly Type: string;
  readonly Properties?: Record<string, unknown>;
  readonly DependsOn?: string | readonly string[];
  readonly [attribute: string]: unknown;
}

/** One stack of the cloud assembly, with what the manifest says about deploying it. */
export interface DeployStack {
  /** Artifact ID (the stack name in this estate). */
  readonly id: string;
  readonly stackName: string;
  readonly account: string;
  readonly region: string;
  readonly template: Template;
  /** IDs of the stacks this one deploys after (directly; assets left out). */
  readonly dependencies: readonly string[];
  /** Stack tags, which CloudFormation puts on every resource it can tag. */
  readonly tags: Readonly<Record<string, string>>;
  /** The role CloudFormation deploys with, as the manifest names it (`${AWS::Partition}` replaced). */
  readonly executionRoleArn?: string;
  /** The role the CLI assumes to deploy. */
  readonly deployRoleArn?: string;
}

export type ProofId = 'schema' | 'guardrails' | 'log-delivery' | 'organization-order';

/** One way a deployment would fail, with the thing to look at. */
export interface Violation {
  readonly proof: ProofId;
  /** Stack and logical ID, or account, where it shows. */
  readonly where: string;
  readonly message: string;
  /** The statement, resource or key that decides it, exactly as written. */
  readonly witness: string;
}

export interface ProofResult {
  readonly proof: ProofId;
  readonly title: string;
  /** What was checked, counted (resources, principal actions, writers, registrations). */
  readonly checked: number;
  readonly violations: readonly Violation[];
  /** Things the proof saw but does not model, counted by kind (said in the report, never silent). */
  readonly notModelled: Readonly<Record<string, number>>;
}

export interface DeployProofReport {
  readonly stacks: number;
  readonly proofs: readonly ProofResult[];
}
