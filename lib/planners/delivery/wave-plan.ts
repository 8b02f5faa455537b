import { allEnvironments, EstateModel } from '../../config/model';
import { EstateConfig } from '../../config/schema/estate-schema';
import { DELIVERY_PIPELINE_STACK } from '../naming';
import { accountOf, StackNode } from './stack-graph';

/**
 * The deployment waves, in order. Each wave's stacks depend only on earlier waves (or on
 * stacks of their own account in the same wave), so a wave may deploy all its stacks at once.
 */
export const WAVES = [
  { id: 'Organization', title: 'organization, OUs and guardrails (management account)' },
  {
    id: 'LogArchiveAndSecurity',
    title: 'log archive, security tooling, backup and the deployment account baseline',
  },
  { id: 'NetworkHub', title: 'network hub and shared services' },
  { id: 'TenantsNonprod', title: 'every nonprod tenant environment, in parallel' },
  { id: 'TenantsProd', title: 'every prod tenant environment, in parallel, after a manual approval' },
  { id: 'NetworkShards', title: 'hub shards: routing for the tenant attachments, once they exist' },
] as const;
export type WaveId = (typeof WAVES)[number]['id'];

type CoreAccountRole = keyof EstateConfig['organization']['accounts'];

/**
 * Which wave each core account's stacks belong to. The deployment account's baseline delivers
 * to the log archive like the other core baselines; its pipeline stack is not in any wave.
 */
const CORE_WAVE: Readonly<Record<CoreAccountRole, WaveId>> = {
  management: 'Organization',
  logArchive: 'LogArchiveAndSecurity',
  security: 'LogArchiveAndSecurity',
  backup: 'LogArchiveAndSecurity',
  network: 'NetworkHub',
  sharedServices: 'NetworkHub',
  deployment: 'LogArchiveAndSecurity',
};

/**
 * The wave of every account in the estate. Placing stacks by account rather than by name
 * means a stack another module adds (a baseline, a hub shard) lands in the right wave with
 * no list to keep up to date.
 */
export function accountWaves(model: EstateModel): Map<string, WaveId> {
  const out = new Map<string, WaveId>();
  for (const [role, id] of Object.entries(model.estate.organization.accounts)) {
    if (id) out.set(id, CORE_WAVE[role as CoreAccountRole]);
  }
  for (const env of allEnvironments(model)) {
    if (env.accountId) out.set(env.accountId, env.tier === 'prod' ? 'TenantsProd' : 'TenantsNonprod');
  }
  return out;
}

export interface PlannedWave {
  readonly id: WaveId;
  readonly stacks: readonly string[];
  /** The stacks split into `shards` lists that deploy side by side; one account never spans two. */
  readonly shards: readonly (readonly string[])[];
}

export interface WavePlan {
  readonly waves: readonly PlannedWave[];
  /** Why the stacks cannot be deployed wave by wave; empty when they can. */
  readonly problems: readonly string[];
}

const TENANT_WAVES: readonly WaveId[] = ['TenantsNonprod', 'TenantsProd'];
/** Where a core stack goes when it needs tenant stacks first (a hub shard looks up their attachments). */
const AFTER_TENANTS: WaveId = 'NetworkShards';

/**
 * Places stacks in waves by account and checks the order holds: no stack depends on a later
 * wave, and no tenant stack depends on another tenant account's stack (that would chain
 * tenants and make the deployment as deep as the estate is wide). A core stack that needs a
 * stack of a later wave moves to that wave, or after the tenants if it needs them.
 */
export function planWaves(
  stacks: readonly StackNode[],
  waveOfAccount: ReadonlyMap<string, WaveId>,
  tenantShards = 1,
): WavePlan {
  const problems: string[] = [];
  const order = new Map<string, number>(WAVES.map((w, i) => [w.id, i]));
  const placed = new Map<string, WaveId>();
  const byName = new Map(stacks.map((s) => [s.name, s]));
  for (const stack of stacks) {
    // The pipeline deploys the waves; it is deployed by hand, once (docs/deploy.md).
    if (stack.name === DELIVERY_PIPELINE_STACK) continue;
    const wave = waveOfAccount.get(accountOf(stack));
    if (!wave)
      problems.push(
        `${stack.name}: account ${accountOf(stack)} is neither a core account nor a tenant environment's`,
      );
    else placed.set(stack.name, wave);
  }
  // A core stack deploys in the first wave at or after its account's in which all it needs
  // exists: a management-account baseline that needs the log archive waits for it, and a hub
  // shard that needs tenant attachments goes after the tenants. Ranks only rise, so this ends.
  const rank = (name: string) => order.get(placed.get(name)!)!;
  const firstTenantRank = order.get(TENANT_WAVES[0])!;
  for (let moved = true; moved;) {
    moved = false;
    for (const stack of stacks) {
      const wave = placed.get(stack.name);
      if (!wave || TENANT_WAVES.includes(wave)) continue;
      const needed = Math.max(order.get(wave)!, ...stack.dependencies.filter((d) => placed.has(d)).map(rank));
      const target = needed >= firstTenantRank ? AFTER_TENANTS : WAVES[needed].id;
      if (target !== wave) {
        placed.set(stack.name, target);
        moved = true;
      }
    }
  }
  for (const stack of stacks) {
    const wave = placed.get(stack.name);
    if (!wave) continue;
    for (const dep of stack.dependencies) {
      const depWave = placed.get(dep);
      if (!depWave) continue;
      if (order.get(depWave)! > order.get(wave)!) {
        problems.push(
          `${stack.name} (wave ${wave}) depends on ${dep}, which deploys later (wave ${depWave})`,
        );
      }
      const depStack = byName.get(dep);
      if (
        TENANT_WAVES.includes(wave) &&
        TENANT_WAVES.includes(depWave) &&
        depStack &&
        accountOf(depStack) !== accountOf(stack)
      ) {
        problems.push(
          `${stack.name} depends on ${dep}: tenant stacks of different accounts must not depend on each other`,
        );
      }
    }
  }
  const waves = WAVES.map(({ id }): PlannedWave => {
    const members = stacks.filter((s) => placed.get(s.name) === id);
    const count = TENANT_WAVES.includes(id) ? Math.max(1, tenantShards) : 1;
    const shards = Array.from({ length: count }, () => [] as string[]);
    for (const s of members) shards[shardOf(accountOf(s), count)].push(s.name);
    return { id, stacks: members.map((s) => s.name), shards };
  });
  return { waves, problems };
}

/** A stable shard for an account: every stack of one account deploys from the same step. */
function shardOf(account: string, count: number): number {
  return /^\d+$/.test(account) ? Number(BigInt(account) % BigInt(count)) : 0;
}
