import { Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { EstateModel } from '../config/model';

/** A stack of the app and who it belongs to, read from the estate's tags. */
export interface StackInfo {
  readonly stack: Stack;
  readonly name: string;
  /** The owning tenant's ODS code; undefined for platform (core) stacks. */
  readonly tenant?: string;
  readonly environment?: string;
  /** The tenant's config file, where a finding with no better source location points. */
  readonly configFile?: string;
}

/** Every stack in the app (stages included), with its tenant from the `ods-code` tag. */
export function estateStacks(app: IConstruct, model: EstateModel): StackInfo[] {
  const files = new Map(model.tenants.map((t) => [t.odsCode, t.file]));
  const out: StackInfo[] = [];
  const visit = (node: IConstruct): void => {
    if (Stack.isStack(node)) {
      const tags = node.tags.tagValues();
      const code = tags['ods-code'];
      const tenant = code && files.has(code) ? code : undefined;
      out.push({
        stack: node,
        name: node.stackName,
        tenant,
        environment: tags.environment,
        configFile: tenant ? files.get(tenant) : undefined,
      });
      return;
    }
    for (const child of node.node.children) visit(child);
  };
  visit(app);
  return out;
}
