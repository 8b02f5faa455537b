import { App } from 'aws-cdk-lib';
import { EstateModel } from '../../config/model';
import type { EstateStacks } from '../../app/build-estate';

/** Adds the hub-and-spoke network to the estate: hub resources, hub shards and spoke attachments. */
export function buildNetwork(_app: App, _model: EstateModel, _stacks: EstateStacks): void {
  // Filled in by the network work (issue: hub-and-spoke network sized for 10x).
}
