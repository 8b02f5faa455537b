import { App } from 'aws-cdk-lib';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEstate, BuildEstateOptions, EstateStacks } from '../../lib/app/build-estate';
import { loadConfig } from '../../lib/config/load-config';
import { EstateModel } from '../../lib/config/model';

/**
 * A frozen copy of the example estate (config/ as it stood when tests stopped reading it).
 * Tests that pin estate data (tenant counts, free CIDRs, a trust's range) read this, so
 * onboarding a real trust into config/ does not break them. Only invariant tests
 * (test/config/live-estate.test.ts, .ci/run) read the live config/.
 */
export const FIXTURE_ESTATE_DIR = join(__dirname, '..', 'fixtures', 'estate');

let model: EstateModel | undefined;

/** The fixture estate's validated model, loaded once per test file. */
export function fixtureModel(): EstateModel {
  model ??= loadConfig(FIXTURE_ESTATE_DIR);
  return model;
}

/** Builds the fixture estate into a fresh app (no nag packs), for template assertions. */
export function buildFixtureEstate(options: BuildEstateOptions = {}): { app: App; stacks: EstateStacks } {
  const app = new App({
    analyticsReporting: false,
    builtinCloudFormationValidation: false,
    treeMetadata: false,
  });
  return { app, stacks: buildEstate(app, fixtureModel(), options) };
}

/**
 * Synthesizes an estate (the fixture by default; no nag packs) into a fresh directory, as
 * `cdk synth` would write `cdk.out`, and returns the directory. Slow (seconds): call once
 * per test file.
 */
export function synthAssemblyDir(estate: EstateModel = fixtureModel()): string {
  const outdir = mkdtempSync(join(tmpdir(), 'nhs-cloud-assembly-'));
  const app = new App({
    outdir,
    analyticsReporting: false,
    builtinCloudFormationValidation: false,
    context: { 'aws:cdk:enable-path-metadata': true }, // construct paths in messages, as with the CLI
  });
  buildEstate(app, estate);
  app.synth();
  return outdir;
}
