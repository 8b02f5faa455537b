import { allEnvironments, coreAccounts, EstateModel } from '../config/model';
import { Cidr, cidrProblem, overlaps, parseCidr } from '../net/cidr';
import { FlagProblem } from './flag-problems';
import { TenantRequest } from './tenant-request';

interface RangeClaim {
  readonly cidr: Cidr;
  readonly text: string;
  /** e.g. `RGR on-premises (config/tenants/RGR.yaml)`. */
  readonly owner: string;
}

export interface ExistingClaims {
  /** Every address range in use: hub, tenant environments, on-premises. */
  readonly used: readonly string[];
  /** What a request would reuse: accounts, root e-mails, on-premises ranges, each at its flag. */
  conflicts(request: TenantRequest): FlagProblem[];
}

/**
 * What the estate already holds that a new tenant may not take. Checked before the new file is
 * validated with the rest, so each problem names the flag and the file that already has the
 * value: the estate's own check would put an overlap on whichever file sorts later, which may
 * be a file the new tenant never touched.
 */
export function existingClaims(model: EstateModel): ExistingClaims {
  const ranges: RangeClaim[] = [];
  for (const [name, text] of Object.entries(model.estate.network.hub))
    ranges.push({ cidr: parseCidr(text), text, owner: `hub range ${name} (estate.yaml)` });
  for (const env of allEnvironments(model))
    ranges.push({
      cidr: parseCidr(env.cidr),
      text: env.cidr,
      owner: `${env.tenant.odsCode} ${env.name} (${env.tenant.file})`,
    });
  for (const tenant of model.tenants)
    for (const text of tenant.network.onPremises?.cidrs ?? [])
      ranges.push({ cidr: parseCidr(text), text, owner: `${tenant.odsCode} on-premises (${tenant.file})` });

  const accounts = new Map<string, string>();
  for (const [role, id] of Object.entries(coreAccounts(model.estate)))
    accounts.set(id, `the estate's ${role} account (estate.yaml)`);
  const emails = new Map<string, string>();
  for (const env of allEnvironments(model)) {
    if (env.accountId) accounts.set(env.accountId, `${env.tenant.odsCode} ${env.name} (${env.tenant.file})`);
    if (env.email)
      emails.set(env.email.toLowerCase(), `${env.tenant.odsCode} ${env.name} (${env.tenant.file})`);
  }

  return {
    used: ranges.map((r) => r.text),
    conflicts(request) {
      const problems: FlagProblem[] = [];
      for (const env of request.environments) {
        const flag = `--env ${env.name}`;
        if ('accountId' in env && accounts.has(env.accountId)) {
          problems.push({
            flag,
            message: `expected an account of its own, got ${env.accountId}, which ${accounts.get(env.accountId)} already is`,
            hint: 'each tenant environment is a separate AWS account; check the ID in the onboarding request',
          });
        }
        if ('email' in env && emails.has(env.email.toLowerCase())) {
          problems.push({
            flag,
            message: `expected a root e-mail no other account uses, got ${env.email}, which ${emails.get(env.email.toLowerCase())} already has`,
            hint: 'AWS Organizations refuses a root e-mail another account has; use a separate mailbox per environment',
          });
        }
      }
      for (const text of request.onPremises?.cidrs ?? []) {
        if (cidrProblem(text)) continue;
        const cidr = parseCidr(text);
        const clash = ranges.find((r) => overlaps(r.cidr, cidr));
        if (clash) {
          problems.push({
            flag: '--on-prem-cidr',
            message: `expected a range no other network uses, got ${text}, which overlaps ${clash.text}, ${clash.owner}`,
            hint: 'the hub cannot route one range to two places; check with your network team which ranges are yours',
          });
        }
      }
      return problems;
    },
  };
}
