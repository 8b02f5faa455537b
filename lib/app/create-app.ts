import { App, AppProps } from 'aws-cdk-lib';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EstateModel } from '../config/model';
import { UserInputError } from '../errors/user-input-error';
import { clearStamp, StampedApp } from './synth-stamp';
import { loadConfig } from '../config/load-config';
import { registerSecurityReview } from '../security-review/register-security-review';
import {
  builtinCfnValidation,
  creationStackTraces,
  DISABLE_CREATION_STACK_TRACES,
  treeMetadata,
} from './synth-switches';
import { EstateStacks } from '../stacks/estate-stacks';
import { buildEstate } from './build-estate';
import { readEstateContext } from './estate-context';
import { reportSynthProgress, SynthProgress } from './synth-progress';

export interface CreatedApp {
  readonly app: App;
  readonly stacks: EstateStacks;
}

/**
 * The app factory behind `bin/app.ts`: reads `-c config=DIR` (default `config`) and
 * the other context (lib/app/estate-context.ts), validates the config (throwing every error at once) and builds the estate.
 * The assembly folder is stamped with the config's digest only once synthesis finishes
 * (lib/app/synth-stamp.ts), so a synth that fails here leaves nothing that passes as current.
 */
export function createApp(props: AppProps = {}, progress?: SynthProgress): CreatedApp {
  // CloudFormation Validate and finding source lines cost time on every synth, so they are on
  // in CI and the pipeline, not locally; tree.json is opt-in (ADRs 0015 and 0017).
  const app = new StampedApp({
    analyticsReporting: false,
    builtinCloudFormationValidation: builtinCfnValidation(process.env),
    treeMetadata: treeMetadata(process.env),
    ...props,
    context: { [DISABLE_CREATION_STACK_TRACES]: !creationStackTraces(process.env), ...props.context },
  });
  clearStamp(app.outdir);
  const { configDir, capacityGate, nag, scope, baseConfigDir } = readEstateContext(app.node);
  const model = loadConfig(configDir);
  const base = baseConfigDir === undefined ? undefined : loadBaseConfig(baseConfigDir);
  const stacks = buildEstate(app, model, { ...scope, capacityGate, base });
  // The cdk-nag packs and the exception register (config/exceptions.yaml); -c nag=false skips the packs.
  registerSecurityReview(app, model, { configDir, packs: nag, partial: scope.onlyTenant !== undefined });
  app.stampWith(configDir, scope.onlyTenant);
  if (progress) reportSynthProgress(app, progress);
  return { app, stacks };
}

/** `-c base=DIR`: errors inside it name its files; a missing folder names the flag. */
function loadBaseConfig(dir: string): EstateModel {
  if (!existsSync(join(dir, 'estate.yaml')))
    throw UserInputError.at(
      { flag: '-c base' },
      `expected the base's config folder with estate.yaml, got ${JSON.stringify(dir.slice(0, 200))}`,
      { hint: "the config folder of the branch the change is made against (nhs-cloud check passes main's)" },
    );
  return loadConfig(dir);
}
