import { App } from 'aws-cdk-lib';
import { buildEstate } from '../../../lib/app/build-estate';
import { dependencyDepth } from '../../../lib/planners/delivery/stack-graph';
import { stacksOfApp } from '../../../lib/stacks/delivery/stacks-of-app';
import { accountWaves, planWaves } from '../../../lib/planners/delivery/wave-plan';
import { generatedModel } from '../../generator/generated-model';

/**
 * Tenant stacks must not depend on each other: then a bigger estate makes the deployment
 * waves wider, never deeper. Built as construct trees only (no templates), with creation
 * stack traces and asset staging off, which do not change stacks or dependencies.
 */
function estateGraph(tenants: number) {
  const { model } = generatedModel({ tenants, seed: 'depth' });
  const app = new App({
    context: { 'aws:cdk:disable-creation-stack-traces': true, 'aws:cdk:disable-asset-staging': true },
  });
  buildEstate(app, model, { capacityGate: 'warn' });
  const stacks = stacksOfApp(app);
  return { stacks, plan: planWaves(stacks, accountWaves(model), 4) };
}

/**
 * Building 1,000 tenants' construct trees costs about a minute of CPU (mostly each spoke's
 * default-security-group custom resource), too slow for every run; 150 tenants already
 * populate most of the 128 hub shards. NHS_CLOUD_SCALE_TESTS=1 runs the full 1,000.
 */
const LARGE = process.env.NHS_CLOUD_SCALE_TESTS === '1' ? 1000 : 150;

describe('deployment depth does not grow with the estate', () => {
  const small = estateGraph(10);
  const large = estateGraph(LARGE);

  test(`N=10 and N=${LARGE} have the same stack dependency depth`, () => {
    expect(large.stacks.length).toBeGreaterThan(small.stacks.length + 2 * (LARGE - 10));
    expect(dependencyDepth(large.stacks)).toBe(dependencyDepth(small.stacks));
  });

  test('every stack fits a wave, and no tenant stack waits for another tenant account', () => {
    expect(small.plan.problems).toEqual([]);
    expect(large.plan.problems).toEqual([]);
    const width = (plan: typeof large.plan, id: string) => plan.waves.find((w) => w.id === id)!.stacks.length;
    expect(width(large.plan, 'TenantsProd')).toBeGreaterThanOrEqual(LARGE);
    expect(width(large.plan, 'NetworkShards')).toBeGreaterThan(width(small.plan, 'NetworkShards'));
    expect(large.plan.waves.map((w) => w.id)).toEqual(small.plan.waves.map((w) => w.id));
  });
});
