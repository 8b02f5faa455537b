import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command, CommanderError } from 'commander';
import { validateConfigDir } from '../../lib/config/load-config';
import { generateEstateCommand } from '../../lib/cli/commands/generate-estate';
import { handleError } from '../../lib/cli/handle-error';

class ExitSignal extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/**
 * Runs the command through commander as `nhs-cloud` would, capturing output and the exit
 * code. (test/support/run-cli.ts drives the assembled program once the command is registered.)
 */
async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io = { out: (t: string) => void (stdout += `${t}\n`), err: (t: string) => void (stderr += t) };
  const output = { writeOut: io.out, writeErr: io.err };
  const exit = jest.spyOn(process, 'exit').mockImplementation(((code?: number) => {
    throw new ExitSignal(code ?? 0);
  }) as never);
  try {
    const command = generateEstateCommand(io).exitOverride().configureOutput(output);
    await new Command('nhs-cloud')
      .exitOverride()
      .configureOutput(output)
      .addCommand(command)
      .parseAsync(['node', 'nhs-cloud', ...args]);
    return { code: 0, stdout, stderr };
  } catch (error) {
    if (error instanceof CommanderError) return { code: error.exitCode, stdout, stderr };
    try {
      handleError(error, io.err);
    } catch (signal) {
      if (signal instanceof ExitSignal) return { code: signal.code, stdout, stderr };
    }
    throw error;
  } finally {
    exit.mockRestore();
  }
}

describe('nhs-cloud generate-estate', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'nhs-cloud-generate-')), 'estate');

  test('writes a valid estate and summarises it', async () => {
    const result = await run(['generate-estate', '--tenants', '30', '--out', out, '--seed', '7']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(
      new RegExp(
        `^${out}: 30 tenants, 60 environments: .*; 6 Direct Connect, 12 VPN; peaks .* \\(seed 7\\)\\n$`,
      ),
    );
    expect(readdirSync(join(out, 'tenants'))).toHaveLength(30);
    const validated = validateConfigDir(out);
    expect(validated.ok).toBe(true);
  });

  test('refuses to overwrite an estate without --force, and replaces it with --force', async () => {
    const refused = await run(['generate-estate', '--tenants', '5', '--out', out]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `--out: ${out} already holds an estate\n  hint: pass --force to replace it, or choose another folder\n`,
    );
    writeFileSync(join(out, 'tenants', 'RZZ.yaml'), 'stale: true\n');
    const replaced = await run(['generate-estate', '--tenants', '5', '--out', out, '--force']);
    expect(replaced.code).toBe(0);
    expect(readdirSync(join(out, 'tenants'))).toHaveLength(5); // the stale file is gone
  });

  test.each([
    [
      ['--base', '/nonexistent/estate.yaml'],
      '--base: expected an estate.yaml file, got /nonexistent/estate.yaml\n  hint: no such file\n',
    ],
    [['--tenants', '5000'], '--tenants: expected at most 1365 tenants, got 5000\n'],
  ])('bad input %p is a located error with no stack trace (exit 2)', async (flags, message) => {
    const result = await run([
      'generate-estate',
      '--tenants',
      '3',
      '--out',
      join(out, '..', 'bad'),
      ...flags,
    ]);
    expect(result.code).toBe(2);
    expect(result.stderr.startsWith(message)).toBe(true);
    expect(result.stderr).not.toContain('    at ');
  });

  test('is deterministic for a seed', async () => {
    const a = join(out, '..', 'a');
    const b = join(out, '..', 'b');
    await run(['generate-estate', '--tenants', '12', '--out', a, '--seed', 'same']);
    await run(['generate-estate', '--tenants', '12', '--out', b, '--seed', 'same']);
    for (const file of readdirSync(join(a, 'tenants'))) {
      expect(readFileSync(join(b, 'tenants', file), 'utf8')).toBe(
        readFileSync(join(a, 'tenants', file), 'utf8'),
      );
    }
  });

  test("carries the base estate's exception register, so the generated review judges the same findings", async () => {
    const example = readFileSync(join(__dirname, '..', '..', 'config', 'exceptions.yaml'), 'utf8');
    expect(readFileSync(join(out, 'exceptions.yaml'), 'utf8')).toBe(example);

    // --base copies the exceptions.yaml beside it, and writes none when there is none.
    const base = join(out, '..', 'base');
    mkdirSync(base, { recursive: true });
    copyFileSync(join(__dirname, '..', '..', 'config', 'estate.yaml'), join(base, 'estate.yaml'));
    const bare = join(out, '..', 'bare');
    await run(['generate-estate', '--tenants', '5', '--out', bare, '--base', join(base, 'estate.yaml')]);
    expect(existsSync(join(bare, 'exceptions.yaml'))).toBe(false);
    writeFileSync(join(base, 'exceptions.yaml'), 'exceptions: []\n');
    await run([
      'generate-estate',
      '--tenants',
      '5',
      '--out',
      bare,
      '--base',
      join(base, 'estate.yaml'),
      '--force',
    ]);
    expect(readFileSync(join(bare, 'exceptions.yaml'), 'utf8')).toBe('exceptions: []\n');
  });

  test('rejects a tenant count that is not a whole number', async () => {
    const result = await run(['generate-estate', '--tenants', '2.5', '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "option '--tenants <n>' argument '2.5' is invalid. expected a whole number of at least 1",
    );
  });
});
