import { App } from 'aws-cdk-lib';
import { join } from 'node:path';
import { buildEstate, BuildEstateOptions, EstateStacks } from '../../lib/app/build-estate';
import { loadConfig } from '../../lib/config/load-config';
import { EstateModel } from '../../lib/config/model';

export const EXAMPLE_CONFIG_DIR = join(__dirname, '..', '..', 'config');

let model: EstateModel | undefined;

/** The example estate's validated model, loaded once per test file. */
export function exampleModel(): EstateModel {
  model ??= loadConfig(EXAMPLE_CONFIG_DIR);
  return model;
}

/** Builds the example estate into a fresh app (no nag packs), for template assertions. */
export function buildExampleEstate(options: BuildEstateOptions = {}): { app: App; stacks: EstateStacks } {
  const app = new App({
    analyticsReporting: false,
    builtinCloudFormationValidation: false,
    treeMetadata: false,
  });
  return { app, stacks: buildEstate(app, exampleModel(), options) };
}
