import { aws_ssm as ssm } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { EstateConfig } from '../config/schema/estate-schema';
import { CoreStackRole } from '../planners/naming';
import { EstateStack } from './estate-stack';
import { coreStackProps } from './stack-props';

export interface CoreStackProps {
  readonly estate: EstateConfig;
  /** Which core account the stack deploys to. */
  readonly role: CoreStackRole;
}

/**
 * Base of the five core account stacks (organization, log archive, security, network, shared
 * services): the account, home region, termination protection and platform tags of its role,
 * and a parameter that marks the account as part of the platform.
 */
export abstract class CoreStack extends EstateStack {
  constructor(scope: Construct, id: string, props: CoreStackProps) {
    super(scope, id, coreStackProps(props.estate, props.role));
    new ssm.StringParameter(this, 'PlatformMarker', {
      parameterName: `/${props.estate.name}/platform/${props.role}`,
      stringValue: id,
      description: 'Marks this account as part of the NHS national cloud platform',
    });
  }
}
