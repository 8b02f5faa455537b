import { CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { createApp } from '../../lib/app/create-app';
import { DISABLE_CREATION_STACK_TRACES } from '../../lib/stacks/delivery/cfn-validation';

const TENANT = 'RAX';

function firstResource(scope: IConstruct): CfnResource {
  const found = scope.node.findAll().find((c): c is CfnResource => CfnResource.isCfnResource(c));
  if (!found) throw new Error('no resource');
  return found;
}

function hasCreationStack(resource: CfnResource): boolean {
  return resource.node.metadata.some((m) => m.type === 'aws:cdk:creationStack');
}

/** createApp with `env` in place of the process's CI switches. */
function appWith(env: Record<string, string | undefined>, context: Record<string, unknown> = {}) {
  const saved = { CI: process.env.CI, NHS_CLOUD_SOURCE_LINES: process.env.NHS_CLOUD_SOURCE_LINES };
  Object.assign(process.env, { CI: undefined, NHS_CLOUD_SOURCE_LINES: undefined });
  for (const [k, v] of Object.entries({ CI: undefined, NHS_CLOUD_SOURCE_LINES: undefined, ...env })) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    return createApp({ context: { tenant: TENANT, nag: false, ...context } });
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

function tenantStack(app: IConstruct): Stack {
  const stack = app.node
    .findAll()
    .find((c): c is Stack => Stack.isStack(c) && c.stackName.startsWith(`Tenant-${TENANT}-`));
  if (!stack) throw new Error(`no Tenant-${TENANT}-* stack was built`);
  return stack;
}

describe('creation stack traces (ADR 0017)', () => {
  test('are off for a local synth', () => {
    const { app } = appWith({});
    expect(app.node.tryGetContext(DISABLE_CREATION_STACK_TRACES)).toBe(true);
    expect(hasCreationStack(firstResource(tenantStack(app)))).toBe(false);
  });

  test('are on in CI, where the security report turns them into source lines', () => {
    const { app } = appWith({ CI: 'true' });
    expect(app.node.tryGetContext(DISABLE_CREATION_STACK_TRACES)).toBe(false);
    expect(hasCreationStack(firstResource(tenantStack(app)))).toBe(true);
  });

  test('follow -c context over the environment', () => {
    const { app } = appWith({ CI: 'true' }, { [DISABLE_CREATION_STACK_TRACES]: true });
    expect(hasCreationStack(firstResource(tenantStack(app)))).toBe(false);
  });
});
