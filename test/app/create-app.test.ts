import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { createApp } from '../../lib/app/create-app';
import { DISABLE_CREATION_STACK_TRACES } from '../../lib/app/synth-switches';

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
function appWith(
  env: Record<string, string | undefined>,
  context: Record<string, unknown> = {},
  outdir?: string,
) {
  const saved = {
    CI: process.env.CI,
    NHS_CLOUD_SOURCE_LINES: process.env.NHS_CLOUD_SOURCE_LINES,
    NHS_CLOUD_TREE_METADATA: process.env.NHS_CLOUD_TREE_METADATA,
  };
  for (const [k, v] of Object.entries({
    CI: undefined,
    NHS_CLOUD_SOURCE_LINES: undefined,
    NHS_CLOUD_TREE_METADATA: undefined,
    ...env,
  })) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  try {
    return createApp({ outdir, context: { tenant: TENANT, nag: false, ...context } });
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

  test('no tree.json unless asked for (NHS_CLOUD_TREE_METADATA=true)', () => {
    const outdir = mkdtempSync(join(tmpdir(), 'create-app-'));
    try {
      appWith({}, {}, outdir).app.synth();
      expect(existsSync(join(outdir, 'manifest.json'))).toBe(true);
      expect(existsSync(join(outdir, 'tree.json'))).toBe(false);
    } finally {
      rmSync(outdir, { recursive: true, force: true });
    }
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
