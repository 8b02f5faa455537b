import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IPolicyValidationPluginBeta1, Stack, Validations } from 'aws-cdk-lib';
import { aws_sqs as sqs } from 'aws-cdk-lib';
import { createApp } from '../../lib/app/create-app';
import { StampedApp } from '../../lib/app/synth-stamp';
import { configDigest, STAMP_FILE } from '../../lib/config/assembly-stamp';
import { runCli } from '../support/run-cli';
import { FIXTURE_ESTATE_DIR } from '../support/fixture-estate';

/**
 * The assembly stamp end to end (ADR 0020): a synth that finishes stamps cdk.out with its
 * config's digest, a synth that fails on config removes the stamp, and `report` then refuses
 * the assembly the failed synth left behind instead of reporting on it.
 */
const scratch = mkdtempSync(join(tmpdir(), 'nhs-cloud-stamp-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const config = join(scratch, 'config');
const outdir = join(scratch, 'cdk.out');
cpSync(FIXTURE_ESTATE_DIR, config, { recursive: true });

/** `cdk synth -c config=... -c tenant=RGR` in-process; findings may fail validation after the assembly is written. */
function synth(): void {
  const { app } = createApp({ outdir, context: { config, tenant: 'RGR' } });
  try {
    app.synth();
  } catch (error) {
    if ((error as Error).name !== 'ValidationFailed') throw error;
  }
}

describe('after a failed synth, report refuses the old assembly', () => {
  beforeAll(() => synth(), 120_000);

  test('a finished synth stamps the assembly with the digest of its config', () => {
    const stamp = JSON.parse(readFileSync(join(outdir, STAMP_FILE), 'utf8'));
    expect(stamp).toEqual({
      version: 1,
      configDir: config,
      configDigest: configDigest(config).digest,
      files: configDigest(config).files,
      tenant: 'RGR',
    });
    expect(Object.keys(stamp.files)).toContain('tenants/RGR.yaml');
  });

  test('report reads it', async () => {
    const run = await runCli(['report', '--assembly', outdir, '--config', config, '--format', 'json']);
    expect([0, 1]).toContain(run.code);
    expect(JSON.parse(run.stdout).totals).toBeDefined();
  });

  test('a synth that fails on bad config leaves the templates but no stamp, and report refuses them', async () => {
    const rgr = join(config, 'tenants', 'RGR.yaml');
    const good = readFileSync(rgr, 'utf8');
    writeFileSync(rgr, 'odsCode: RGR\nname: [unclosed\n');
    expect(() => synth()).toThrow(/RGR\.yaml/);
    expect(existsSync(join(outdir, 'manifest.json'))).toBe(true); // the old assembly is still there
    expect(existsSync(join(outdir, 'nhs-cloud-review.json'))).toBe(true);
    expect(existsSync(join(outdir, STAMP_FILE))).toBe(false);
    const run = await runCli(['report', '--assembly', outdir, '--config', config]);
    expect(run).toEqual({
      code: 3,
      stdout: '',
      stderr: `${outdir} is not the product of a synth that finished: it has no ${STAMP_FILE}, so the last synth into it failed or stopped part way (its templates may be older than your config); fix what stopped it and synthesize again: npx cdk synth -c config=${config}\n`,
    });
    // Even with the config put back, nothing says these templates are its synth: still refused.
    writeFileSync(rgr, good);
    const network = await runCli(['verify-network', '--assembly', outdir, '--config', config]);
    expect(network.code).toBe(3);
    expect(network.stderr).toMatch(/^verify-network: .* is not the product of a synth that finished/);
    const waves = await runCli(['waves', '--assembly', outdir, '--config', config]);
    expect(waves.code).toBe(3);
    expect(waves.stderr).toMatch(/is not the product of a synth that finished/);
  });
});

describe('StampedApp', () => {
  const failing: IPolicyValidationPluginBeta1 = {
    name: 'AlwaysFails',
    validate: () => ({
      success: false,
      violations: [
        {
          ruleName: 'R1',
          description: 'always',
          severity: 'error',
          violatingResources: [{ resourceLogicalId: 'Q', templatePath: 'x', locations: [] }],
        },
      ],
    }),
  };

  test('stamps an assembly whose policy validation failed: it was written whole, findings and all', () => {
    const dir = mkdtempSync(join(scratch, 'validation-'));
    const app = new StampedApp({ outdir: dir, context: { '@aws-cdk/core:appMode': 'inmemory' } });
    new sqs.Queue(new Stack(app, 'S'), 'Q');
    Validations.of(app).addPlugins(failing);
    app.stampWith(config);
    expect(() => app.synth()).toThrow(expect.objectContaining({ name: 'ValidationFailed' }));
    expect(existsSync(join(dir, STAMP_FILE))).toBe(true);
  });

  test('does not stamp when synthesis fails before the assembly is whole', () => {
    const dir = mkdtempSync(join(scratch, 'broken-'));
    const app = new StampedApp({ outdir: dir });
    const stack = new Stack(app, 'S');
    stack.node.addValidation({ validate: () => ['broken on purpose'] });
    app.stampWith(config);
    expect(() => app.synth()).toThrow(/broken on purpose/);
    expect(existsSync(join(dir, STAMP_FILE))).toBe(false);
  });
});
