import { App } from 'aws-cdk-lib';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildEstate } from '../../../lib/app/build-estate';
import { EstateModel } from '../../../lib/config/model';
import { AssemblyStack } from '../../../lib/verify/assembly/types';

/** Synthesizes an estate in-process (no nag packs) and returns its stacks as the verifier reads them. */
export function synthStacks(model: EstateModel, options: { onlyTenant?: string } = {}): AssemblyStack[] {
  const outdir = mkdtempSync(join(tmpdir(), 'nhs-cloud-verify-'));
  const app = new App({
    outdir,
    analyticsReporting: false,
    builtinCloudFormationValidation: false,
    context: { 'aws:cdk:enable-path-metadata': true }, // construct paths name the hops, as with the CLI
  });
  buildEstate(app, model, options);
  return app.synth().stacks.map((stack) => ({
    id: stack.id,
    stackName: stack.stackName,
    account: stack.environment.account,
    region: stack.environment.region,
    template: stack.template,
  }));
}
