import { App, AppProps } from 'aws-cdk-lib';
import { loadConfig } from '../config/load-config';
import { buildEstate, EstateStacks } from './build-estate';

export interface CreatedApp {
  readonly app: App;
  readonly stacks: EstateStacks;
}

/**
 * The app factory behind `bin/app.ts`: reads `-c config=DIR` (default `config`) and
 * `-c tenant=ODS`, validates the config (throwing every error at once) and builds the estate.
 */
export function createApp(props: AppProps = {}): CreatedApp {
  const app = new App({ analyticsReporting: false, ...props });
  const configDir = (app.node.tryGetContext('config') as string | undefined) ?? 'config';
  const onlyTenant = app.node.tryGetContext('tenant') as string | undefined;
  const capacityGate = app.node.tryGetContext('capacityGate') === 'warn' ? 'warn' : 'fail';
  const model = loadConfig(configDir);
  return { app, stacks: buildEstate(app, model, { onlyTenant, capacityGate }) };
}
