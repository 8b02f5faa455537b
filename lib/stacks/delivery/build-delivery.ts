import { App } from 'aws-cdk-lib';
import { EstateModel } from '../../config/model';
import type { EstateStacks } from '../../app/build-estate';

/** Adds the delivery pipeline stack (deployment account) that deploys the estate in waves. */
export function buildDelivery(_app: App, _model: EstateModel, _stacks: EstateStacks): void {
  // Filled in by the national-scale and deployment work.
}
