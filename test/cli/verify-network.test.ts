import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeStamp } from '../../lib/app/synth-stamp';
import { verifyNetworkCommand } from '../../lib/cli/commands/verify-network';
import { ReportedError } from '../../lib/errors/user-input-error';
import { AssemblyStack } from '../../lib/verify/assembly/types';
import { miniHub } from '../fixtures/assemblies/mini-hub';

const CONFIG = join(__dirname, '..', 'fixtures', 'assemblies', 'mini-hub-config');

/** Writes stacks as a cloud assembly directory, the way `cdk synth` lays one out. */
function writeAssembly(stacks: AssemblyStack[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'nhs-cloud-verify-network-'));
  mkdirSync(dir, { recursive: true });
  const artifacts: Record<string, unknown> = {};
  for (const stack of stacks) {
    writeFileSync(join(dir, `${stack.id}.template.json`), JSON.stringify(stack.template));
    artifacts[stack.id] = {
      type: 'aws:cloudformation:stack',
      environment: `aws://${stack.account}/${stack.region}`,
      properties: { templateFile: `${stack.id}.template.json` },
    };
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ version: '48.0.0', artifacts }));
  writeStamp(dir, CONFIG); // a finished synth of the mini hub's config
  return dir;
}

/** Runs the command in-process (the lead registers it in program.ts) and captures its output. */
async function run(args: string[]): Promise<{ stdout: string; error?: ReportedError }> {
  let stdout = '';
  const io = { out: (t: string) => void (stdout += t), err: () => undefined };
  try {
    await verifyNetworkCommand(io)
      .exitOverride()
      .parseAsync(['node', 'verify-network', ...args]);
    return { stdout };
  } catch (error) {
    if (ReportedError.is(error)) return { stdout, error };
    throw error;
  }
}

describe('nhs-cloud verify-network', () => {
  test('prints the matrix and passing checks for a clean assembly, and exits 0', async () => {
    const { stdout, error } = await run(['--assembly', writeAssembly(miniHub()), '--config', CONFIG]);
    expect(error).toBeUndefined();
    expect(stdout).toContain('| **tenants-prod** | - | tcp/443 (1 pair) |');
    expect(stdout).toContain(
      '- PASS tenant-isolation: No tenant reaches another tenant except through inspection with an explicit allow',
    );
    expect(stdout).toContain('All network proofs hold.');
  });

  test('exits non-zero with the witness of every violation, as JSON', async () => {
    const stacks = miniHub();
    const rules = stacks[0].template.Resources!.Rules.Properties!.RuleGroup as {
      RulesSource: { RulesString: string };
    };
    rules.RulesSource.RulesString = rules.RulesSource.RulesString.replace(
      '443 (msg:"raa-to-rbb"',
      'any (msg:"raa-to-rbb"',
    );
    const { stdout, error } = await run([
      '--assembly',
      writeAssembly(stacks),
      '--config',
      CONFIG,
      '--format',
      'json',
    ]);
    expect(error?.message).toBe('verify-network: 1 violation of the network policy');
    expect(error?.exitCode).toBe(1);
    const report = JSON.parse(stdout) as {
      violations: { check: string; message: string; witness: { kind: string; via: string }[] }[];
    };
    expect(report.violations).toHaveLength(1);
    expect(report.violations[0].message).toBe(
      'RAA/prod reaches RBB/prod on tcp/0-442,444-65535, which no segmentation rule allows',
    );
    expect(report.violations[0].witness.find((h) => h.kind === 'firewall')?.via).toBe(
      'pass: segmentation: raa-to-rbb (sid 1000001)',
    );
  });

  test('names a missing assembly', async () => {
    const { error } = await run(['--assembly', join(tmpdir(), 'no-such-assembly'), '--config', CONFIG]);
    expect(error?.message).toMatch(
      /^verify-network: .*no-such-assembly: no manifest\.json; run `npx cdk synth` first or pass --assembly DIR$/,
    );
  });
});
