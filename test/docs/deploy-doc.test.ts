import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../../lib/config/load-config';
import { landingZoneOf } from '../../lib/config/schema/landing-zone-schema';

/**
 * The runbook bootstraps with the qualifier the stacks synthesize with and the SCPs exempt
 * (issue 13: one value from config). An invariant of the live config, like .ci/run.
 */
const ROOT = join(__dirname, '..', '..');
const runbook = readFileSync(join(ROOT, 'docs', 'deploy.md'), 'utf8');
const qualifier = landingZoneOf(loadConfig(join(ROOT, 'config')).estate).cdkQualifier;

describe('docs/deploy.md', () => {
  it("bootstraps with config's landingZone.cdkQualifier and names no other", () => {
    const used = [...runbook.matchAll(/--qualifier (\S+)/g)].map((m) => m[1]);
    expect(used.length).toBeGreaterThan(0);
    expect(new Set(used)).toEqual(new Set([qualifier]));
    expect(runbook).toContain(`cdk-${qualifier}-*`);
    expect(runbook).not.toContain('hnb659fds');
  });

  it('makes no StackSet by hand', () => {
    expect(runbook).not.toMatch(/create-stack-set|create-stack-instances/);
  });
});
