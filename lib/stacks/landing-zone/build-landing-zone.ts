import { App } from 'aws-cdk-lib';
import { EstateModel } from '../../config/model';
import type { EstateStacks } from '../../app/build-estate';

/** Adds the landing zone to the estate: organization, log archive, security tooling and baselines. */
export function buildLandingZone(_app: App, _model: EstateModel, _stacks: EstateStacks): void {
  // Filled in by the landing-zone work (issue: landing zone and security baselines).
}
