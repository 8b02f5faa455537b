import { diagramCommand } from '../../lib/cli/commands/diagram';
import { FIXTURE_ESTATE_DIR } from '../support/fixture-estate';

const EXAMPLE = FIXTURE_ESTATE_DIR;

async function run(...args: string[]): Promise<{ out: string; error?: unknown }> {
  const out: string[] = [];
  const command = diagramCommand({ out: (t) => out.push(t), err: (t) => out.push(t) })
    .exitOverride()
    .configureOutput({ writeErr: () => undefined });
  try {
    await command.parseAsync(args, { from: 'user' });
    return { out: out.join('\n') };
  } catch (error) {
    return { out: out.join('\n'), error };
  }
}

test('prints the bare flowchart by default', async () => {
  const { out, error } = await run('--config', EXAMPLE);
  expect(error).toBeUndefined();
  expect(out).toMatch(/^flowchart LR\n/);
  expect(out).toContain('  subgraph g_QJG["QJG NHS Suffolk and North East Essex Integrated Care Board"]\n');
});

test('--format md wraps it for a README or PR comment', async () => {
  const { out } = await run('--config', EXAMPLE, '--format', 'md');
  expect(out).toMatch(/^## Estate topology\n\n17 tenants .*\n\n```mermaid\nflowchart LR\n/);
  expect(out.trimEnd()).toMatch(/\n```$/);
});

test('--group-limit collapses smaller groups', async () => {
  const { out } = await run('--config', EXAMPLE, '--group-limit', '3');
  expect(out).toContain(
    '  g_QOP["QOP: 3 trusts, 8 environments<br/>NHS Greater Manchester Integrated Care Board<br/>3 on VPN, 1 on Direct Connect"]\n',
  );
  expect(out).toContain('  subgraph g_QJG[');
});

test('rejects an unknown format and a bad limit', async () => {
  expect((await run('--format', 'svg')).error).toMatchObject({ code: 'commander.invalidArgument' });
  expect((await run('--group-limit', '0')).error).toMatchObject({ code: 'commander.invalidArgument' });
});
