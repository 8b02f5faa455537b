import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chooseExpectedSource, loadTgwExpected } from '../../lib/aws/tgw-expected-source';
import { preflightCommand } from '../../lib/cli/commands/preflight';
import { verifyLiveCommand } from '../../lib/cli/commands/verify-live';
import { loadConfig } from '../../lib/config/load-config';
import { deployedGateway } from '../aws/deployed-gateway';
import { runCommand } from '../support/ec2-fixtures/run-command';
import { Ec2Fixtures, Ec2QueryServer, FAST_CLIENT } from '../support/ec2-query-server';
import { git, projectCopy } from '../support/project-copy';
import { CliRun, runCli } from '../support/run-cli';
import { DocCommand, docCommands } from './doc-commands';
import { markdownFiles } from './markdown-links';

/**
 * Every `nhs-cloud` command in a code block of README.md and docs/*.md runs, as written, in a
 * fresh clone of the example estate (a git repository of this project with the live config/,
 * `origin/main` at its first commit), in document order, and succeeds. `cdk synth` lines run
 * too, since the commands after them read what they wrote; other lines (git, cdk deploy, aws)
 * need a remote or an AWS account and are left out. Commands that call AWS run against the
 * local EC2 server (test/support/ec2-query-server.ts) holding an account that is ready, or a
 * gateway deployed as the assembly says. An invariant test: it reads the live config/, as a
 * new user would, so the examples keep working as the estate grows.
 */
const ROOT = join(__dirname, '..', '..');
const DOCS = markdownFiles(ROOT)
  .filter((file) => !file.startsWith('docs/adr/'))
  .map((file) => ({ file, commands: docCommands(readFileSync(join(ROOT, file), 'utf8')) }))
  .filter(({ commands }) => commands.some((c) => c.argv[0] === 'nhs-cloud'));

/**
 * Documents whose `##` sections are separate procedures on main's config: before each section
 * the clone's config/ goes back to main (what was built, such as cdk.out, stays). In the
 * runbook, "Onboarding one trust" changes config after "Deploying by hand" synthesized, so the
 * later verify-live would rightly refuse that cdk.out as stale (exit 3) if the trust stayed.
 * Every other document is one journey, run in order.
 */
const SECTIONS_STAND_ALONE = new Set(['docs/deploy.md']);

jest.setTimeout(300_000);

describe('the examples in the documentation run as written', () => {
  test('the docs have examples to run', () => {
    expect(DOCS.map((d) => d.file)).toEqual(expect.arrayContaining(['README.md', 'docs/onboarding.md']));
  });

  test.each(DOCS.map((d) => [d.file, d.commands] as const))('%s', async (file, commands) => {
    const repo = projectCopy(join(ROOT, 'config'));
    git(repo, 'update-ref', 'refs/remotes/origin/main', 'HEAD');
    const cwd = process.cwd();
    process.chdir(repo);
    let section: string | undefined;
    try {
      for (const command of commands) {
        if (SECTIONS_STAND_ALONE.has(file) && section !== undefined && command.section !== section) {
          git(repo, 'checkout', '--quiet', '--', 'config');
          git(repo, 'clean', '-fdq', '--', 'config');
        }
        section = command.section;
        await runDocCommand(repo, file, command);
      }
    } finally {
      process.chdir(cwd);
      rmSync(repo, { recursive: true, force: true });
    }
  });
});

async function runDocCommand(repo: string, file: string, command: DocCommand): Promise<void> {
  if (command.argv[0] === 'nhs-cloud') {
    const run = await runNhsCloud(command);
    expect({
      at: `${file}:${command.line}`,
      command: command.text,
      code: run.code,
      stderr: run.stderr,
    }).toEqual({
      at: `${file}:${command.line}`,
      command: command.text,
      code: 0,
      stderr: expect.any(String),
    });
    if (command.redirect) writeFileSync(command.redirect, run.stdout);
  } else if (command.argv[0] === 'cdk' && command.argv[1] === 'synth') {
    const cdk = join(repo, 'node_modules', '.bin', 'cdk');
    execFileSync(cdk, command.argv.slice(1), { cwd: repo, stdio: ['ignore', 'ignore', 'pipe'] });
  }
}

async function runNhsCloud(command: DocCommand): Promise<CliRun> {
  const args = command.argv.slice(1);
  if (args[0] === 'sync-accounts' && !existsSync('outputs.json')) {
    // What `cdk deploy 'Org-*' --outputs-file outputs.json` writes for an estate whose accounts
    // all exist already: no vended account.
    writeFileSync('outputs.json', '{}\n');
  }
  if (args[0] === 'preflight')
    return withEc2(readyAccount(args), (endpoint) =>
      runCommand((io) => preflightCommand(io, { ...FAST_CLIENT, endpoint }), args),
    );
  if (args[0] === 'verify-live')
    return withEc2(deployedAsExpected(args), (endpoint) =>
      runCommand(
        (io) =>
          verifyLiveCommand(io, {
            clientDefaults: { ...FAST_CLIENT, endpoint },
          }),
        args,
      ),
    );
  return runCli(args);
}

async function withEc2(fixtures: Ec2Fixtures, run: (endpoint: string) => Promise<CliRun>): Promise<CliRun> {
  const server = await Ec2QueryServer.start(fixtures);
  try {
    return await run(server.url);
  } finally {
    server.close();
  }
}

const option = (args: readonly string[], name: string) => args[args.indexOf(name) + 1];

/** A tenant account ready for its first deploy: the region on, an unrelated VPC, the hub's gateway shared. */
function readyAccount(args: readonly string[]): Ec2Fixtures {
  const model = loadConfig('config');
  const tenant = model.tenants.find((t) => t.odsCode === option(args, '--tenant').toUpperCase())!;
  const account = tenant.environments[option(args, '--env')].accountId!;
  return {
    regions: [{ name: model.estate.homeRegion, optInStatus: 'opt-in-not-required' }],
    vpcs: [{ id: 'vpc-0legacy', cidr: '192.168.0.0/16', ownerId: account }],
    transitGateways: [
      {
        id: option(args, '--transit-gateway-id') ?? 'tgw-0hub',
        ownerId: model.estate.organization.accounts.network,
      },
    ],
  };
}

/** The network account as a deploy of the chosen source (cdk.out, or the plan) leaves it. */
function deployedAsExpected(args: readonly string[]): Ec2Fixtures {
  const source = chooseExpectedSource({
    config: 'config',
    ...(args.includes('--assembly') && { assembly: option(args, '--assembly') }),
  });
  return deployedGateway(loadTgwExpected(source, loadConfig('config'), 'config'));
}
