import { App } from 'aws-cdk-lib';
import { EstateModel } from '../../config/model';
import { UserInputError } from '../../errors/user-input-error';
import { DELIVERY_PIPELINE_STACK } from '../../planners/naming';
import type { EstateScope } from '../estate-scope';
import { coreStackProps } from '../stack-props';
import { DeliveryPipelineStack } from './delivery-pipeline-stack';

/**
 * Adds the delivery pipeline stack (deployment account) that deploys the estate in waves,
 * only with `-c pipeline=true` (scope.delivery) and only when estate.yaml names a deployment account. The
 * pipeline deploys the very assembly it is synthesized in, so there is one construction of
 * every stack and one set of stack names, whether deployed by the pipeline or by hand.
 */
export function buildDelivery(
  app: App,
  model: EstateModel,
  scope: EstateScope = {},
): DeliveryPipelineStack | undefined {
  const settings = scope.delivery;
  const { estate } = model;
  const account = estate.organization.accounts.deployment;
  if (!settings || !account) return undefined;
  if (scope.onlyTenant !== undefined) {
    throw new UserInputError('-c pipeline=true builds the pipeline for the whole estate; drop -c tenant');
  }
  const core = coreStackProps(estate, 'sharedServices');
  return new DeliveryPipelineStack(app, DELIVERY_PIPELINE_STACK, {
    ...core,
    env: { account, region: estate.homeRegion },
    description:
      'NHS national cloud: delivery pipeline that deploys the estate in waves (deployment account)',
    settings,
    pipelineName: `${estate.name}-delivery`,
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    cdkCliVersion: (require('aws-cdk/package.json') as { version: string }).version,
  });
}
