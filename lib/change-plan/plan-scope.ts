import { posix } from 'node:path';
import { PlanScope } from './types';

/** Beyond this many changed tenants, one full synthesis per side is cheaper than one per tenant. */
export const MAX_NARROWED_TENANTS = 3;

/** Files that never reach a template: docs, tests, CI and editor settings. */
const NEVER_SYNTHESIZED = [
  /^docs\//,
  /^test\//,
  /^\.github\//,
  /^\.ci\//,
  /\.md$/,
  /^\.(gitignore|npmrc|prettierrc\.json|prettierignore)$/,
  /^(eslint\.config\.mjs|jest\.config\.js)$/,
];

/**
 * What to synthesize, from the files that differ from the base (repository-relative paths):
 *
 *   [docs/onboarding.md]                               -> none
 *   [config/tenants/RGR.yaml]                          -> tenants [RGR]
 *   [config/tenants/RGR.yaml, config/exceptions.yaml]  -> tenants [RGR]  (templates unchanged)
 *   [config/tenants/RGR.yaml, lib/stacks/x.ts]         -> full (code changed)
 *   [config/estate.yaml]                               -> full (estate-wide settings)
 */
export function planScope(changedFiles: readonly string[], configDir: string): PlanScope {
  const config = posix.normalize(configDir.replace(/\\/g, '/')).replace(/\/$/, '');
  const tenantFile = new RegExp(`^${escape(config)}/tenants/([A-Z0-9]+)\\.ya?ml$`);
  // Editor schemas never reach a template; exceptions only acknowledge findings (construct
  // metadata, not template content), and the guard reads the working tree's copy itself.
  const neutral = new RegExp(`^${escape(config)}/(schema/|exceptions\\.yaml$)`);
  const tenants = new Set<string>();
  const other: string[] = [];
  for (const file of changedFiles) {
    if (NEVER_SYNTHESIZED.some((pattern) => pattern.test(file)) || neutral.test(file)) continue;
    const tenant = tenantFile.exec(file)?.[1];
    if (tenant) tenants.add(tenant);
    else other.push(file);
  }
  if (other.length > 0) {
    const more = other.length > 1 ? ` and ${other.length - 1} more` : '';
    return { kind: 'full', reason: `${other[0]}${more} changed` };
  }
  if (tenants.size === 0) return { kind: 'none', reason: 'no file that reaches a template changed' };
  if (tenants.size > MAX_NARROWED_TENANTS) {
    return {
      kind: 'full',
      reason: `${tenants.size} tenants changed (narrowing stops at ${MAX_NARROWED_TENANTS})`,
    };
  }
  return { kind: 'tenants', tenants: [...tenants].sort() };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * `-c tenant=ODS` only accepts a tenant the config has, so a tenant added or removed by the
 * change (on one side only) cannot be narrowed to: both sides are then synthesized in full.
 */
export function requireTenantsOnBothSides(
  scope: PlanScope,
  baseTenants: ReadonlySet<string>,
  headTenants: ReadonlySet<string>,
): PlanScope {
  if (scope.kind !== 'tenants') return scope;
  const oneSided = scope.tenants.filter((t) => !baseTenants.has(t) || !headTenants.has(t));
  if (oneSided.length === 0) return scope;
  const what = oneSided.map((t) => `${baseTenants.has(t) ? 'removed' : 'new'} tenant ${t}`).join(', ');
  return { kind: 'full', reason: `${what}: -c tenant= narrows only to a tenant both sides have` };
}
