import { ConfigError } from '../config-error';
import { TenantSetCheck } from './check-context';

/**
 * Root e-mails of accounts to vend are unique across the estate (compared without case, as
 * mailboxes are). Organizations refuses a second account with an address already in use
 * (`EMAIL_ALREADY_EXISTS`, https://docs.aws.amazon.com/organizations/latest/APIReference/API_CreateAccountStatus.html),
 * so a duplicate would fail one tenant's deployment half way instead of here.
 */
export const checkAccountEmails: TenantSetCheck = ({ tenants }) => {
  const errors: ConfigError[] = [];
  const used = new Map<string, string>();
  for (const { tenant, source } of tenants) {
    for (const [envName, env] of Object.entries(tenant.environments)) {
      if (!env.email) continue;
      const address = env.email.toLowerCase();
      const other = used.get(address);
      if (other) {
        errors.push(
          source.errorAt(
            ['environments', envName, 'email'],
            `e-mail ${env.email} is already the root e-mail of ${other}`,
            'every AWS account needs its own root e-mail address (a shared mailbox with +tags works)',
          ),
        );
        continue;
      }
      used.set(address, `${tenant.odsCode} ${envName} (${tenant.file})`);
    }
  }
  return errors;
};
