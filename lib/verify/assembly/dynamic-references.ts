import { AssemblyStack } from './types';

const REFERENCE = /\{\{resolve:(ssm|ssm-secure|secretsmanager):([^}]+)\}\}/g;
export const SSM_ARN = /^arn:[^:]+:ssm:([^:]+):(\d{12}):parameter(\/.*?)(?::\d+)?$/;

/** Parameter names are keyed without their leading slash: ARNs drop it, `Name` may not. */
export function ssmKey(account: string, region: string, name: string): string {
  return `${account}/${region}/${name.replace(/^\//, '')}`;
}

/**
 * Expands `{{resolve:ssm:NAME}}` inside strings. A name may be a parameter ARN (a parameter
 * shared from another account), which names its own account and region.
 *
 *   "{{resolve:ssm:arn:aws:ssm:eu-west-2:100000000004:parameter/nhs-cloud/tgw-id}}"
 *     -> the Value of the SSM::Parameter named /nhs-cloud/tgw-id in account 100000000004
 */
export class DynamicReferences {
  constructor(private readonly lookup: (name: string, account: string, region: string) => string) {}

  expand(stack: AssemblyStack, text: string): string {
    if (!text.includes('{{resolve:')) return text;
    return text.replace(REFERENCE, (whole, service: string, reference: string) => {
      if (service !== 'ssm') return whole; // secrets never carry network IDs
      const arn = SSM_ARN.exec(reference);
      if (arn) return this.lookup(arn[3], arn[2], arn[1]);
      return this.lookup(reference.replace(/:\d+$/, ''), stack.account, stack.region);
    });
  }
}
