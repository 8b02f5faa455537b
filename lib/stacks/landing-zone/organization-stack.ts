import { Annotations, aws_securityhub as securityhub, aws_ssm as ssm } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { BaselineKey } from '../../patterns/baseline/baseline-key';
import { BootstrapStackSet } from '../../patterns/landing-zone/bootstrap-stack-set';
import { AccountAssignments } from '../../patterns/landing-zone/account-assignments';
import { OrganizationPolicy } from '../../patterns/landing-zone/organization-policy';
import { OrganizationServices } from '../../patterns/landing-zone/organization-services';
import { OrganizationUnits } from '../../patterns/landing-zone/organization-units';
import { PermissionSets } from '../../patterns/landing-zone/permission-sets';
import { sdkCallLogs } from '../../patterns/landing-zone/sdk-call';
import { PlacedAccount } from '../../patterns/landing-zone/placed-account';
import { coreAccounts, EstateModel } from '../../config/model';
import { LandingZoneConfig } from '../../config/schema/landing-zone-schema';
import { planBootstrap } from '../../planners/landing-zone/bootstrap-plan';
import { planCoreAssignments, platformGroupNames } from '../../planners/landing-zone/identity';
import { s3PolicyDocument, tagPolicyDocument } from '../../planners/landing-zone/management-policies';
import { planOrganizationServices, POLICY_TYPES } from '../../planners/landing-zone/organization-services';
import {
  CoreAccountRole,
  ORGANIZATIONAL_UNITS,
  placeCoreAccount,
} from '../../planners/landing-zone/organization-units';
import {
  groupIdParameter,
  managementLogsKeyParameter,
  ouParameterPrefix,
  permissionSetParameterPrefix,
} from '../../planners/landing-zone/parameter-names';
import { planServiceControlPolicies } from '../../planners/landing-zone/service-control-policies';
import { CoreStack } from '../core-stack';

export interface OrganizationStackProps {
  readonly model: EstateModel;
  readonly landingZone: LandingZoneConfig;
}

/**
 * Core-Organization, in the management account: trusted access and delegated administrators,
 * the OU tree with the core accounts placed in it, the CDK bootstrap of the tenant OUs (a
 * service-managed StackSet), the guardrail SCPs by OU, the tag and S3 policies at the root, and Identity
 * Center permission sets with the platform groups' access to the core accounts. Each tenant's
 * accounts and access are in its own stack (TenantOrganizationStack).
 */
export class OrganizationStack extends CoreStack {
  /** Undefined without `landingZone.identity`. */
  readonly permissionSets?: PermissionSets;

  constructor(scope: Construct, id: string, props: OrganizationStackProps) {
    super(scope, id, { estate: props.model.estate, role: 'organization' });
    const { model, landingZone: lz } = props;
    const { estate } = model;
    const rootId = lz.organizationRootId;
    // Its own key: the management account's baseline deploys later, after the log archive.
    const logsKey = new BaselineKey(this, 'LogsKey', {
      purpose: 'logs',
      aliasPrefix: `${estate.name}/organization`,
    }).key;
    const logGroup = sdkCallLogs(this, {
      retentionDays: estate.security.logRetention,
      encryptionKey: logsKey,
    });
    new ssm.StringParameter(this, 'LogsKeyArn', {
      parameterName: managementLogsKeyParameter(estate.name),
      stringValue: logsKey.keyArn,
      description: 'Key for the log groups of the tenant organization stacks',
    });
    const services = new OrganizationServices(this, 'Services', {
      calls: planOrganizationServices(estate, rootId),
      logGroup,
    });
    // "You must enable the integration between Security Hub and AWS Organizations before you can
    // designate": https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-securityhub-delegatedadmin.html
    new securityhub.CfnDelegatedAdmin(this, 'SecurityHubAdmin', {
      adminAccountId: estate.organization.accounts.security,
    }).node.addDependency(services.call('SecurityHubAccess'));

    if (rootId) {
      const units = new OrganizationUnits(this, 'Units', {
        rootId,
        units: ORGANIZATIONAL_UNITS,
        parameterPrefix: ouParameterPrefix(estate.name),
      });
      const policy = (
        id: string,
        props: ConstructorParameters<typeof OrganizationPolicy>[2],
        type: string,
      ) => {
        const created = new OrganizationPolicy(this, id, props);
        created.node.addDependency(services.call(`PolicyType${type.replaceAll('_', '')}`));
        return created;
      };
      for (const scp of planServiceControlPolicies(estate, lz)) {
        const type = scp.type ?? 'SERVICE_CONTROL_POLICY';
        policy(
          `Scp-${scp.key}`,
          {
            name: scp.name,
            description: scp.description,
            type,
            content: scp.document,
            targetIds: scp.targets.map((key) => (key === 'root' ? rootId : units.idOf(key))),
          },
          type,
        );
      }
      // Every tenant account is bootstrapped by the organization, not by hand.
      const bootstrap = planBootstrap(estate, lz);
      new BootstrapStackSet(this, 'Bootstrap', {
        plan: bootstrap,
        organizationalUnitIds: bootstrap.targets.map((key) => units.idOf(key)),
        after: [services.call('StackSetsAccess')],
      });
      // Core accounts exist before the estate; without a move they sit at the root, outside
      // every SCP and the bootstrap StackSet.
      for (const [role, accountId] of Object.entries(coreAccounts(estate))) {
        const ou = placeCoreAccount(role as CoreAccountRole);
        if (!ou) continue;
        new PlacedAccount(this, `Place-${role}`, {
          accountId,
          parentId: units.idOf(ou),
          parentKey: ou,
          logGroup,
        });
      }
      policy(
        'TagPolicy',
        {
          name: `${estate.name}-tags`,
          description: 'Tag keys and allowed data-classification values',
          type: 'TAG_POLICY',
          content: tagPolicyDocument(),
          targetIds: [rootId],
        },
        POLICY_TYPES[1],
      );
      policy(
        'S3Policy',
        {
          name: `${estate.name}-s3-block-public-access`,
          description: 'S3 Block Public Access on in every account',
          type: 'S3_POLICY',
          content: s3PolicyDocument(),
          targetIds: [rootId],
        },
        POLICY_TYPES[2],
      );
    } else {
      Annotations.of(this).addWarningV2(
        '@nhs-cloud/landing-zone:no-root-id',
        'landingZone.organizationRootId is not set: the OU tree, SCPs, tag policy, S3 policy and account placement are not synthesized',
      );
    }

    if (!lz.endpointProtection) {
      Annotations.of(this).addWarningV2(
        '@nhs-cloud/landing-zone:no-endpoint-protection',
        'landingZone.endpointProtection is not set: instances get no endpoint-protection agent',
      );
    }

    if (!lz.identity) return;
    const permissionSets = new PermissionSets(this, 'PermissionSets', {
      instanceArn: lz.identity.instanceArn,
      parameterPrefix: permissionSetParameterPrefix(estate.name),
    });
    this.permissionSets = permissionSets;
    const coreAccess = new AccountAssignments(this, 'CoreAccess', {
      instanceArn: lz.identity.instanceArn,
      identityStoreId: lz.identity.identityStoreId,
      assignments: planCoreAssignments(estate, lz.identity),
      permissionSetArn: (name) => permissionSets.arnOf(name),
      groupIds: lz.identity.groupIds,
      logGroup: () => logGroup,
    });
    // Every tenant account also gets the platform groups: their IDs are resolved here once and
    // published, rather than looked up again by each of up to a thousand tenant stacks.
    for (const group of platformGroupNames(estate.name, lz.identity)) {
      new ssm.StringParameter(this, `GroupId-${group}`, {
        parameterName: groupIdParameter(estate.name, group),
        stringValue: coreAccess.groupId(group),
        description: `Identity Center group ID of ${group}, for the tenant organization stacks`,
      });
    }
  }
}
