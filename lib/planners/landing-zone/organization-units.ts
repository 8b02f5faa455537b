import { TenantEnvironment } from '../../config/model';
import { EstateConfig } from '../../config/schema/estate-schema';

/**
 * The OU tree under the organization root. Keys are stable identifiers (construct IDs, SSM
 * parameter names); names are what the console shows.
 *
 *   Root
 *   ├── Security        log archive, security tooling
 *   ├── Infrastructure  network, shared services, backup, deployment
 *   ├── National        national bodies' environments (X.. ODS codes, scope national)
 *   ├── Trusts          local organisations: trusts and ICBs
 *   │   ├── Prod
 *   │   └── NonProd
 *   ├── Sandbox         environments named sandbox*
 *   └── Suspended       accounts being closed: everything denied
 */
export const ORGANIZATIONAL_UNITS = [
  { key: 'security', name: 'Security' },
  { key: 'infrastructure', name: 'Infrastructure' },
  { key: 'national', name: 'National' },
  { key: 'trusts', name: 'Trusts' },
  { key: 'trustsProd', name: 'Prod', parent: 'trusts' },
  { key: 'trustsNonProd', name: 'NonProd', parent: 'trusts' },
  { key: 'sandbox', name: 'Sandbox' },
  { key: 'suspended', name: 'Suspended' },
] as const satisfies readonly OrganizationalUnitPlan[];

export interface OrganizationalUnitPlan {
  readonly key: string;
  readonly name: string;
  /** Key of the parent OU; the root when absent. */
  readonly parent?: string;
}

export type OuKey = (typeof ORGANIZATIONAL_UNITS)[number]['key'];

/**
 * The OU a tenant environment's account belongs in, from its scope and environment only. The
 * ICB is deliberately not used: ICBs merge, and an account move is disruptive, so the ICB is
 * an account tag instead.
 *
 *   national tenant, any env -> national     local tenant, prod tier -> trustsProd
 *   env named sandbox*       -> sandbox      local tenant, otherwise -> trustsNonProd
 */
export function placeEnvironment(env: Pick<TenantEnvironment, 'name' | 'tier' | 'tenant'>): OuKey {
  if (env.name.startsWith('sandbox')) return 'sandbox';
  if (env.tenant.scope === 'national') return 'national';
  return env.tier === 'prod' ? 'trustsProd' : 'trustsNonProd';
}

export type CoreAccountRole = keyof EstateConfig['organization']['accounts'];

/** The OU a core account belongs in; the management account stays at the root (undefined). */
export function placeCoreAccount(role: CoreAccountRole): OuKey | undefined {
  switch (role) {
    case 'management':
      return undefined;
    case 'logArchive':
    case 'security':
      return 'security';
    default:
      return 'infrastructure';
  }
}
