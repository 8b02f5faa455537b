import { ConfigError } from '../config-error';
import { CheckContext } from './check-context';

/**
 * When the estate keeps an allocation register, it lists every tenant environment's block,
 * and only those: a tenant file added by hand without its register lines would escape the
 * merge conflict that stops two trusts taking one block (docs/adr/0022-parallel-onboarding.md).
 */
export function checkAllocations({ register, tenants, invalidTenantStems }: CheckContext): ConfigError[] {
  if (!register) return [];
  const errors: ConfigError[] = [];
  const byBlock = new Map(register.entries.map((entry) => [entry.text, entry]));
  const used = new Set<string>();
  for (const { tenant, source } of tenants) {
    for (const [envName, env] of Object.entries(tenant.environments)) {
      const entry = byBlock.get(env.cidr);
      used.add(env.cidr);
      const line = `${env.cidr}: ${tenant.odsCode} ${envName}`;
      if (!entry) {
        errors.push(
          source.errorAt(
            ['environments', envName, 'cidr'],
            `expected ${env.cidr} to be listed in ${register.source.displayPath}, found no line for it`,
            `add "${line}" where it falls in address order (nhs-cloud onboard does this for a new tenant)`,
          ),
        );
      } else if (entry.tenant !== tenant.odsCode || entry.environment !== envName) {
        errors.push(
          register.source.errorAt(
            [entry.text],
            `expected ${tenant.odsCode} ${envName}, which ${tenant.file} gives ${env.cidr}, got ${entry.tenant} ${entry.environment}`,
            `a block belongs to one environment: correct the line to "${line}"`,
          ),
        );
      }
    }
  }
  for (const entry of register.entries) {
    if (used.has(entry.text) || invalidTenantStems.has(entry.tenant)) continue;
    errors.push({
      ...register.source.errorAt(
        [entry.text],
        `expected a block a tenant environment uses, got ${entry.text} (${entry.tenant} ${entry.environment}), which no tenant file has`,
        `remove the line, or restore the environment in tenants/${entry.tenant}.yaml`,
      ),
      ...register.source.keyPositionOf([entry.text]),
    });
  }
  return errors;
}
