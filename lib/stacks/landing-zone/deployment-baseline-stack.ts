import { Construct } from 'constructs';
import { AccountBaseline, BASELINE_ID } from '../../patterns/baseline/account-baseline';
import { EstateConfig } from '../../config/schema/estate-schema';
import { LandingZoneConfig } from '../../config/schema/landing-zone-schema';
import { planCoreBaseline } from '../../planners/landing-zone/baseline-plan';
import { EstateStack } from '../estate-stack';
import { coreStackProps } from '../stack-props';

export interface DeploymentBaselineStackProps {
  readonly estate: EstateConfig;
  readonly landingZone: LandingZoneConfig;
  /** `organization.accounts.deployment`: the app builds this stack only when config names one. */
  readonly account: string;
}

/**
 * Core-DeploymentBaseline: the deployment account's own baseline (keys, Config recorder,
 * platform roles, patching, budget), as every other core account has. The pipeline's roles
 * there can reach every account, so its changes are recorded and its data encrypted like the
 * rest. It is a stack of its own, apart from Delivery-Pipeline: the baseline deploys in a wave
 * after the log archive it delivers to; the pipeline is deployed once, by hand, and then runs
 * the waves (docs/deploy.md).
 */
export class DeploymentBaselineStack extends EstateStack {
  readonly baseline: AccountBaseline;

  constructor(scope: Construct, id: string, props: DeploymentBaselineStackProps) {
    const { estate, landingZone, account } = props;
    super(scope, id, {
      ...coreStackProps(estate, 'sharedServices'),
      env: { account, region: estate.homeRegion },
      description: 'NHS national cloud: security baseline of the deployment account',
    });
    this.baseline = new AccountBaseline(this, BASELINE_ID, {
      plan: planCoreBaseline(estate.homeRegion, estate, landingZone),
    });
  }
}
