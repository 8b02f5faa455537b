import { ENVIRONMENT_NAME } from '../../config/schema/tenant-schema';

/**
 * Names shared by the tenant organization stacks and `nhs-cloud sync-accounts`: the stack in
 * the management account that holds one tenant's accounts and access, and the output that
 * carries each vended account's ID.
 *
 *   tenantOrganizationStackName('RGR') -> 'Org-RGR'
 *   vendedAccountOutputKey('prod')     -> 'VendedAccountIdprod'
 */
export function tenantOrganizationStackName(odsCode: string): string {
  return `Org-${odsCode}`;
}

const OUTPUT_PREFIX = 'VendedAccountId';
const STACK_NAME = /^Org-([RQX][A-Z0-9]{2})$/;

export function vendedAccountOutputKey(environment: string): string {
  return `${OUTPUT_PREFIX}${environment}`;
}

export interface VendedAccountOutput {
  readonly odsCode: string;
  readonly environment: string;
  readonly accountId: string;
}

/**
 * The vended accounts in a `cdk deploy --outputs-file` JSON ({ stack: { output: value } }),
 * ignoring every other stack and output. Throws on a value that is not an account ID.
 */
export function vendedAccountsFromOutputs(
  outputs: Readonly<Record<string, Readonly<Record<string, string>>>>,
): VendedAccountOutput[] {
  const found: VendedAccountOutput[] = [];
  for (const [stackName, stackOutputs] of Object.entries(outputs)) {
    const odsCode = STACK_NAME.exec(stackName)?.[1];
    if (!odsCode) continue;
    for (const [key, value] of Object.entries(stackOutputs)) {
      if (!key.startsWith(OUTPUT_PREFIX)) continue;
      const environment = key.slice(OUTPUT_PREFIX.length);
      if (!ENVIRONMENT_NAME.test(environment)) continue;
      if (!/^\d{12}$/.test(String(value))) {
        throw new Error(`${stackName}.${key}: expected a 12-digit account ID, got ${JSON.stringify(value)}`);
      }
      found.push({ odsCode, environment, accountId: String(value) });
    }
  }
  return found.sort((a, b) => `${a.odsCode}/${a.environment}`.localeCompare(`${b.odsCode}/${b.environment}`));
}
