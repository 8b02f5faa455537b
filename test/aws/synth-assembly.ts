import { App } from 'aws-cdk-lib';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEstate } from '../../lib/app/build-estate';
import { EstateModel } from '../../lib/config/model';

/**
 * Synthesizes an estate (no nag packs) into a fresh directory, as `cdk synth` would write
 * `cdk.out`, and returns the directory. Slow (seconds): call once per test file.
 */
export function synthAssemblyDir(model: EstateModel): string {
  const outdir = mkdtempSync(join(tmpdir(), 'nhs-cloud-verify-live-'));
  const app = new App({
    outdir,
    analyticsReporting: false,
    builtinCloudFormationValidation: false,
    context: { 'aws:cdk:enable-path-metadata': true }, // construct paths in messages, as with the CLI
  });
  buildEstate(app, model);
  app.synth();
  return outdir;
}
