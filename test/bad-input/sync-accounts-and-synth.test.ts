import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../../lib/app/create-app';
import { ReportedError } from '../../lib/errors/user-input-error';
import { CliRun } from '../support/run-cli';
import { BadInputCase, describeCases, editFile, expectRefusal, makeEstate, snapshot } from './harness';

/** RAA's nonprod is still to be vended: it has a root e-mail and no account yet. */
function withVending(dir: string): void {
  editFile(
    dir,
    'tenants/RAA.yaml',
    "    accountId: '200000000004'\n",
    '    email: aws-raa-nonprod@raa.nhs.uk\n',
  );
}

function outputs(name: string, content: unknown, says?: string, field?: string): BadInputCase {
  return {
    name,
    setup: (dir) => {
      withVending(dir);
      writeFileSync(
        join(dir, 'outputs.json'),
        typeof content === 'string' ? content : JSON.stringify(content),
      );
    },
    args: (dir) => ['sync-accounts', '--outputs', join(dir, 'outputs.json'), '--config', dir],
    code: 2,
    names: [{ file: 'outputs.json' }, ...(field ? [{ text: field }] : [])],
    says,
  };
}

const SYNC_CASES: BadInputCase[] = [
  outputs('outputs that are not JSON', '{ "Org-RAA": ', 'not valid JSON'),
  outputs('outputs that are a list', [], 'expected an object of stacks'),
  outputs('a stack whose outputs are a list', { 'Org-RAA': ['200000000009'] }, 'got a list', 'Org-RAA'),
  outputs(
    'an account ID with dashes',
    { 'Org-RAA': { VendedAccountIdnonprod: '2000-0000-0009' } },
    'without dashes',
    'Org-RAA.VendedAccountIdnonprod',
  ),
  outputs('an account ID as a number', { 'Org-RAA': { VendedAccountIdnonprod: 200000000009 } }, 'as text'),
  outputs('an account ID of 11 digits', { 'Org-RAA': { VendedAccountIdnonprod: '20000000009' } }, '12-digit'),
  outputs(
    'a stack name in lower case',
    { 'Org-raa': { VendedAccountIdnonprod: '200000000009' } },
    'Org-<ODS code>',
  ),
  outputs(
    'an output for a malformed environment name',
    { 'Org-RAA': { VendedAccountIdNonProd: '200000000009' } },
    'VendedAccountId<environment>',
  ),
  outputs(
    'a tenant the config does not have',
    { 'Org-RZZ': { VendedAccountIdprod: '200000000009' } },
    'which has no tenant file',
  ),
  outputs(
    'an environment the tenant file does not list',
    { 'Org-RAA': { VendedAccountIdtest: '200000000009' } },
    'expected an environment of RAA',
  ),
  outputs(
    'an account that differs from the one in config',
    { 'Org-RAA': { VendedAccountIdprod: '200000000009' } },
    'config and the organization disagree',
  ),
  outputs(
    'an account another tenant has',
    { 'Org-RAA': { VendedAccountIdnonprod: '200000000001' } },
    'which QAA prod',
  ),
  outputs(
    'a core account',
    { 'Org-RAA': { VendedAccountIdnonprod: '100000000003' } },
    "the estate's security account",
  ),
  outputs(
    'one account vended twice',
    {
      'Org-RAA': { VendedAccountIdnonprod: '200000000009' },
      'Org-QAA': { VendedAccountIdprod: '200000000009' },
    },
    'config and the organization disagree',
  ),
  outputs('binary outputs', '\u0000\u0001', 'not valid JSON'),
  {
    name: 'an outputs file that is missing',
    args: (dir) => ['sync-accounts', '--outputs', join(dir, 'outputs.json'), '--config', dir],
    code: 2,
    names: [{ flag: '--outputs' }, { file: 'outputs.json' }],
  },
  {
    name: 'an outputs file that is a folder',
    setup: (dir) => mkdirSync(join(dir, 'outputs.json')),
    args: (dir) => ['sync-accounts', '--outputs', join(dir, 'outputs.json'), '--config', dir],
    code: 2,
    names: [{ flag: '--outputs' }, { file: 'outputs.json' }],
    says: 'found a folder',
  },
  {
    name: 'a tenant file with a YAML error names that file',
    setup: (dir) => {
      withVending(dir);
      writeFileSync(
        join(dir, 'outputs.json'),
        JSON.stringify({ 'Org-RAA': { VendedAccountIdnonprod: '200000000009' } }),
      );
      writeFileSync(join(dir, 'tenants', 'QAA.yaml'), 'odsCode: QAA\nname: [unclosed\n');
    },
    args: (dir) => ['sync-accounts', '--outputs', join(dir, 'outputs.json'), '--config', dir],
    code: 2,
    names: { file: 'tenants/QAA.yaml' },
  },
  {
    name: 'no --outputs',
    args: (dir) => ['sync-accounts', '--config', dir],
    code: 2,
    names: { flag: '--outputs' },
  },
];

describeCases(
  'sync-accounts: outputs of the wrong shape and accounts already in use are refused, nothing written',
  SYNC_CASES,
);

/** `cdk synth -c KEY=VALUE`: the app's own refusal, as bin/app.ts prints it. */
const SYNTH_CASES: ReadonlyArray<{
  name: string;
  context: (dir: string) => Record<string, unknown>;
  names: string;
  says?: string;
}> = [
  {
    name: 'a tenant the config does not have',
    context: () => ({ tenant: 'RZZ' }),
    names: '-c tenant',
    says: 'got "RZZ"',
  },
  {
    name: 'a mistyped tenant',
    context: () => ({ tenant: 'RAB' }),
    names: '-c tenant',
    says: 'did you mean -c tenant=RAA?',
  },
  { name: 'an empty tenant', context: () => ({ tenant: '' }), names: '-c tenant' },
  {
    name: 'a 10,000-character tenant is cut when echoed',
    context: () => ({ tenant: 'R'.repeat(10_000) }),
    names: '-c tenant',
  },
  {
    name: 'nag=maybe',
    context: () => ({ nag: 'maybe' }),
    names: '-c nag',
    says: 'expected "true" or "false"',
  },
  { name: 'capacityGate=off', context: () => ({ capacityGate: 'off' }), names: '-c capacityGate' },
  {
    name: 'a misspelt key',
    context: () => ({ tennant: 'RAA' }),
    names: '-c tennant',
    says: 'did you mean -c tenant=...?',
  },
  { name: 'an empty config', context: () => ({ config: ' ' }), names: '-c config' },
  {
    name: 'a config folder that does not exist',
    context: (dir) => ({ config: join(dir, 'nowhere') }),
    names: 'nowhere',
  },
  {
    name: 'a pipeline without a connection',
    context: () => ({ pipeline: 'true' }),
    names: '-c pipelineConnectionArn',
  },
  {
    name: 'pipeline shards that are not a number',
    context: () => ({
      pipeline: 'true',
      pipelineConnectionArn: 'arn:aws:codeconnections:eu-west-2:100000000007:connection/x',
      pipelineTenantShards: 'many',
    }),
    names: '-c pipelineTenantShards',
  },
];

describe('cdk synth -c switches are validated, naming the switch', () => {
  test.each(SYNTH_CASES.map((c) => [c.name, c] as const))('%s', (_, c) => {
    const dir = makeEstate();
    const outdir = join(dir, 'cdk.out');
    mkdirSync(outdir);
    const before = snapshot(dir);
    let run: CliRun;
    try {
      createApp({ outdir, context: { config: dir, nag: false, ...c.context(dir) } }).app.synth();
      run = { code: 0, stdout: '', stderr: '' };
    } catch (error) {
      run = ReportedError.is(error)
        ? { code: error.exitCode, stdout: '', stderr: `${error.message}\n` }
        : { code: 70, stdout: '', stderr: String((error as Error).stack) };
    }
    expectRefusal(
      dir,
      { name: c.name, args: () => [], code: 2, names: { text: c.names }, says: c.says },
      run,
      before,
    );
    rmSync(dir, { recursive: true, force: true });
  });
});
