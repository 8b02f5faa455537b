import { ConfigError } from '../config-error';
import { ConfigCheck } from './check-context';

/** Account IDs are unique across the estate, and no tenant uses a core account. */
export const checkAccountIds: ConfigCheck = ({ estate, estateSource, tenants }) => {
  const errors: ConfigError[] = [];
  const core = new Map<string, string>();
  for (const [role, id] of Object.entries(estate.organization.accounts)) {
    if (!id) continue;
    const other = core.get(id);
    if (other) {
      errors.push(
        estateSource.errorAt(
          ['organization', 'accounts', role],
          `account ${id} is already the ${other} account`,
          'each core account is a separate AWS account',
        ),
      );
    }
    core.set(id, role);
  }
  const used = new Map<string, string>();
  for (const { tenant, source } of tenants) {
    for (const [envName, env] of Object.entries(tenant.environments)) {
      if (!env.accountId) continue;
      const path = ['environments', envName, 'accountId'];
      const role = core.get(env.accountId);
      if (role) {
        errors.push(
          source.errorAt(
            path,
            `account ${env.accountId} is the estate's ${role} account`,
            'tenant environments need their own accounts; core accounts are platform-only',
          ),
        );
        continue;
      }
      const other = used.get(env.accountId);
      if (other) {
        errors.push(
          source.errorAt(
            path,
            `account ${env.accountId} is already used by ${other}`,
            'each tenant environment has its own AWS account',
          ),
        );
      }
      used.set(env.accountId, `${tenant.odsCode} ${envName} (${tenant.file})`);
    }
  }
  return errors;
};
