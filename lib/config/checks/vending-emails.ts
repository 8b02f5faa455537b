import { ConfigError } from '../config-error';
import { TenantSetCheck } from './check-context';

/**
 * Each account to be vended has its own root e-mail: AWS Organizations refuses to create an
 * account with an address another AWS account already has
 * (https://docs.aws.amazon.com/organizations/latest/APIReference/API_CreateAccount.html), and
 * it would refuse only at deploy time, after the first account of the pair was made.
 * Compared without case: mail systems treat the local part of these addresses alike.
 */
export const checkVendingEmails: TenantSetCheck = ({ tenants }) => {
  const errors: ConfigError[] = [];
  const seen = new Map<string, string>();
  for (const { tenant, source } of tenants) {
    for (const [envName, env] of Object.entries(tenant.environments)) {
      if (!env.email) continue;
      const key = env.email.toLowerCase();
      const other = seen.get(key);
      if (other) {
        errors.push(
          source.errorAt(
            ['environments', envName, 'email'],
            `expected a root e-mail no other account uses, got ${env.email}, which ${other} already has`,
            'every AWS account needs its own root e-mail; use a separate mailbox (or a +suffix alias) per environment',
          ),
        );
      } else seen.set(key, `${tenant.odsCode} ${envName} (${tenant.file})`);
    }
  }
  return errors;
};
