import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appCommand, synthesize } from '../../lib/change-plan/synthesize';
import { UserInputError } from '../../lib/errors/user-input-error';

/**
 * `synthesize` against stand-in apps (a few lines of shell and node), so the contract with a
 * checkout's app is tested without the cost of a real synthesis.
 */
let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'plan-synth-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in app that records its context and environment and writes a two-stack assembly. */
const FAKE_APP = `
const fs = require('fs'), path = require('path');
const out = process.env.CDK_OUTDIR;
fs.mkdirSync(out, { recursive: true });
fs.writeFileSync(path.join(out, 'seen.json'), JSON.stringify({
  context: JSON.parse(process.env.CDK_CONTEXT_JSON), validation: process.env.CDK_VALIDATION, cwd: process.cwd() }));
const stack = (name, odsCode) => ({ type: 'aws:cloudformation:stack', displayName: name,
  properties: { templateFile: name + '.template.json', tags: { 'ods-code': odsCode } } });
fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify({ artifacts: {
  'Tenant-RGR-prod': stack('Tenant-RGR-prod', 'RGR'), 'Core-Network': stack('Core-Network', 'platform'),
  'Tenant-RGR-prod.assets': { type: 'cdk:asset-manifest' } } }));
for (const name of ['Tenant-RGR-prod', 'Core-Network'])
  fs.writeFileSync(path.join(out, name + '.template.json'), JSON.stringify({ Resources: { R: { Type: 'AWS::SNS::Topic' } } }));
`;

function checkout(app: string, context: object = {}): void {
  writeFileSync(join(dir, 'cdk.json'), JSON.stringify({ app, context }));
}

test("runs the checkout's app with its cdk.json context, ours on top, and reads the assembly", async () => {
  writeFileSync(join(dir, 'app.js'), FAKE_APP);
  checkout('node app.js', { '@aws-cdk/core:flag': true, nag: true });
  writeFileSync(join(dir, 'cdk.context.json'), JSON.stringify({ 'availability-zones:x': ['a'] }));
  const outdir = join(dir, 'out');
  const stacks = await synthesize({
    appDir: dir,
    configDir: 'config',
    tenant: 'RGR',
    outdir,
    label: 'the base',
  });

  expect(stacks.map((s) => [s.name, s.tenant])).toEqual([
    ['Core-Network', undefined],
    ['Tenant-RGR-prod', 'RGR'],
  ]);
  expect(stacks[0]!.template).toEqual({ Resources: { R: { Type: 'AWS::SNS::Topic' } } });
  const seen = JSON.parse(readFileSync(join(outdir, 'seen.json'), 'utf8'));
  expect(seen).toEqual({
    context: {
      '@aws-cdk/core:flag': true,
      'availability-zones:x': ['a'],
      config: 'config',
      nag: false,
      'aws:cdk:bundling-stacks': [],
      tenant: 'RGR',
    },
    validation: 'false',
    cwd: expect.stringContaining('plan-synth-'),
  });
});

test('a failing app is a user error naming the side, with the end of its stderr', async () => {
  checkout(`node -e "process.stderr.write('line 1\\nconfig/tenants/RGR.yaml:3:1 bad'); process.exit(3)"`);
  const attempt = synthesize({
    appDir: dir,
    configDir: 'config',
    outdir: join(dir, 'out'),
    label: 'the base (main)',
  });
  await expect(attempt).rejects.toBeInstanceOf(UserInputError);
  await expect(attempt).rejects.toThrow(
    'plan: synthesizing the base (main) failed (exit 3):\nline 1\nconfig/tenants/RGR.yaml:3:1 bad',
  );
});

test('a checkout without an app command is an error', async () => {
  mkdirSync(join(dir, 'x'));
  writeFileSync(join(dir, 'x', 'cdk.json'), '{}');
  await expect(
    synthesize({ appDir: join(dir, 'x'), configDir: 'config', outdir: join(dir, 'out'), label: 'x' }),
  ).rejects.toThrow(`${join(dir, 'x', 'cdk.json')} app: is required but missing`);
});

test.each([
  ['npx tsx bin/app.ts', [process.execPath, [require.resolve('tsx/cli'), 'bin/app.ts']]],
  [
    'node --max-semi-space-size=128 --import tsx bin/app.ts',
    [process.execPath, ['--max-semi-space-size=128', '--import', 'tsx', 'bin/app.ts']],
  ],
  ['  npx   tsx bin/app.ts ', [process.execPath, [require.resolve('tsx/cli'), 'bin/app.ts']]],
  ['npx ts-node --prefer-ts-exts bin/app.ts', ['sh', ['-c', 'npx ts-node --prefer-ts-exts bin/app.ts']]],
])('appCommand(%j)', (app, expected) => {
  expect(appCommand(app)).toEqual(expected);
});
