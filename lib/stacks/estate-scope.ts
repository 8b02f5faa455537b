import { DeliverySettings } from './delivery/delivery-settings';

/**
 * What part of the estate one synth builds, read from CDK context once by lib/app and passed
 * down, so no stack builder reads context itself and a test can give it as a plain value.
 */
export interface EstateScope {
  /** Synthesize only this tenant's stacks (plus the core stacks): `-c tenant=RGR`. */
  readonly onlyTenant?: string;
  /** The delivery pipeline's settings; undefined unless `-c pipeline=true`. */
  readonly delivery?: DeliverySettings;
}
