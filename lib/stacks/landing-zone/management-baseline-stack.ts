import { Construct } from 'constructs';
import { AccountBaseline, BASELINE_ID } from '../../patterns/baseline/account-baseline';
import { EstateConfig } from '../../config/schema/estate-schema';
import { LandingZoneConfig } from '../../config/schema/landing-zone-schema';
import { planCoreBaseline } from '../../planners/landing-zone/baseline-plan';
import { EstateStack } from '../estate-stack';
import { coreStackProps } from '../stack-props';

export interface ManagementBaselineStackProps {
  readonly estate: EstateConfig;
  readonly landingZone: LandingZoneConfig;
}

/**
 * Core-ManagementBaseline: the management account's baseline in a stack of its own, because
 * AWS Config there delivers to the log archive, which deploys after Core-Organization.
 */
export class ManagementBaselineStack extends EstateStack {
  readonly baseline: AccountBaseline;

  constructor(scope: Construct, id: string, props: ManagementBaselineStackProps) {
    const { estate, landingZone } = props;
    super(scope, id, {
      ...coreStackProps(estate, 'organization'),
      description: 'NHS national cloud: security baseline of the management account',
    });
    this.baseline = new AccountBaseline(this, BASELINE_ID, {
      plan: planCoreBaseline(estate.homeRegion, estate, landingZone, { management: true }),
    });
  }
}
