import { planCommand } from '../../lib/cli/commands/plan';
import { CheckFailedError } from '../../lib/errors/user-input-error';
import { ChangePlanOptions } from '../../lib/change-plan/build-plan';
import { ChangePlan } from '../../lib/change-plan/types';

const unguarded: ChangePlan = {
  base: { ref: 'origin/main', commit: 'abcdef0123456789' },
  scope: { kind: 'tenants', tenants: ['RGR'] },
  exceptionsFile: 'config/exceptions.yaml',
  stacksCompared: 8,
  stacks: [
    {
      stack: 'Tenant-RGR-prod',
      tenant: 'RGR',
      status: 'changed',
      changes: [
        {
          logicalId: 'Vpc',
          type: 'AWS::EC2::VPC',
          kind: 'replace',
          properties: ['CidrBlock'],
          guarded: 'VPC',
        },
      ],
    },
  ],
  guard: [],
};
const blocked: ChangePlan = {
  ...unguarded,
  guard: [
    { stack: 'Tenant-RGR-prod', tenant: 'RGR', change: unguarded.stacks[0]!.changes[0]!, needs: 'replace' },
  ],
};

/** Runs `nhs-cloud plan <args>` against a stub planner; returns output, the request and any error. */
async function run(plan: ChangePlan, ...args: string[]) {
  const out: string[] = [];
  const requests: ChangePlanOptions[] = [];
  const command = planCommand(
    { out: (t) => out.push(t), err: (t) => out.push(t) },
    {
      cwd: '/repo',
      today: () => '2026-06-01',
      buildPlan: async (request) => {
        requests.push(request);
        return plan;
      },
    },
  )
    .exitOverride()
    .configureOutput({ writeErr: () => undefined });
  try {
    await command.parseAsync(args, { from: 'user' });
    return { out: out.join('\n'), request: requests[0], error: undefined as unknown };
  } catch (error) {
    return { out: out.join('\n'), request: requests[0], error };
  }
}

test('passes --base, --config, narrowing, the repository and today to the planner', async () => {
  const { request } = await run(unguarded, '--base', 'origin/main', '--config', 'estates/big', '--no-narrow');
  expect(request).toEqual({
    base: 'origin/main',
    configDir: 'estates/big',
    cwd: '/repo',
    narrow: false,
    today: '2026-06-01',
  });
  expect((await run(unguarded, '--base', 'main')).request).toMatchObject({
    configDir: 'config',
    narrow: true,
  });
});

test('prints the plan and exits 0 when nothing is blocked', async () => {
  const { out, error } = await run(unguarded, '--base', 'origin/main');
  expect(error).toBeUndefined();
  expect(out).toContain(
    'Tenant-RGR-prod: 1 replaced\n  ! Vpc AWS::EC2::VPC: replace (CidrBlock)  <- guarded',
  );
});

test('prints the plan, then fails with exit code 1 when a destructive change is blocked', async () => {
  const { out, error } = await run(blocked, '--base', 'origin/main', '--format', 'md');
  expect(out).toMatch(/^## Change plan\n/);
  expect(error).toBeInstanceOf(CheckFailedError);
  expect(error).toMatchObject({
    exitCode: 1,
    message:
      'plan: 1 destructive change to stateful or shared resources not allowed by config/exceptions.yaml',
  });
});

describe('steps on stderr', () => {
  /** `plan` with a planner that reports one step, on a terminal or not. */
  async function steps(isTTY: boolean, env: Record<string, string> = {}) {
    const out: string[] = [];
    const err: string[] = [];
    const command = planCommand(
      { out: (t) => out.push(t), err: (t) => err.push(t) },
      {
        cwd: '/repo',
        today: () => '2026-06-01',
        stderr: { isTTY, write: () => true },
        env,
        buildPlan: async (request) => {
          request.onStep?.('synthesizing the whole estate (config/estate.yaml changed) on both sides');
          return unguarded;
        },
      },
    ).exitOverride();
    await command.parseAsync(['--base', 'origin/main'], { from: 'user' });
    return { out, err };
  }

  test('on a terminal, each step is a line on stderr with the time so far; stdout is the plan alone', async () => {
    const { out, err } = await steps(true);
    expect(err).toHaveLength(1);
    expect(err[0]).toMatch(
      /^nhs-cloud plan: synthesizing the whole estate \(config\/estate\.yaml changed\) on both sides, \d+\.\d s$/,
    );
    expect(out.join('\n')).not.toContain('nhs-cloud plan:');
  });

  test('silent in CI and off a terminal, unless NHS_CLOUD_PROGRESS=true', async () => {
    expect((await steps(true, { CI: 'true' })).err).toEqual([]);
    expect((await steps(false)).err).toEqual([]);
    expect((await steps(false, { NHS_CLOUD_PROGRESS: 'true' })).err).toHaveLength(1);
  });
});

test('--format json prints the plan as JSON', async () => {
  const { out } = await run(blocked, '--base', 'origin/main', '--format', 'json');
  expect(JSON.parse(out)).toMatchObject({ ok: false, blocked: 1, base: { ref: 'origin/main' } });
});

test('--base is required and --format is checked', async () => {
  expect((await run(unguarded)).error).toMatchObject({ code: 'commander.missingMandatoryOptionValue' });
  expect((await run(unguarded, '--base', 'x', '--format', 'html')).error).toMatchObject({
    code: 'commander.invalidArgument',
  });
});
