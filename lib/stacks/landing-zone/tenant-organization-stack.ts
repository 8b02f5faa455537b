import { aws_kms as kms, aws_ssm as ssm } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { AccountAssignments } from '../../patterns/landing-zone/account-assignments';
import { sdkCallLogs } from '../../patterns/landing-zone/sdk-call';
import { PlacedAccount } from '../../patterns/landing-zone/placed-account';
import { VendedAccount } from '../../patterns/landing-zone/vended-account';
import { TenantEnvironment } from '../../config/model';
import { EstateConfig } from '../../config/schema/estate-schema';
import { LandingZoneConfig } from '../../config/schema/landing-zone-schema';
import { planTenantAssignments, platformGroupNames } from '../../planners/landing-zone/identity';
import { placeEnvironment } from '../../planners/landing-zone/organization-units';
import {
  groupIdParameter,
  managementLogsKeyParameter,
  ouParameterPrefix,
  permissionSetParameterPrefix,
} from '../../planners/landing-zone/parameter-names';
import { EstateStack } from '../estate-stack';
import { coreStackProps } from '../stack-props';

export interface TenantOrganizationStackProps {
  readonly estate: EstateConfig;
  readonly landingZone: LandingZoneConfig;
  /** All of one tenant's environments. */
  readonly environments: readonly TenantEnvironment[];
}

/**
 * Org-<ODS>: one tenant's footprint in the management account: its vended accounts (placed in OUs by
 * scope and environment, tagged with the ICB), its adopted accounts moved into the same OUs,
 * and its Identity Center assignments. One stack
 * per tenant keeps every stack far below 500 resources at national scale (about 2,000
 * accounts, 10,000 assignments) and lets a tenant change without touching any other.
 */
export class TenantOrganizationStack extends EstateStack {
  /** Whether the stack holds anything (it is only created when it does). */
  static hasContent(environments: readonly TenantEnvironment[], lz: LandingZoneConfig): boolean {
    return environments.some(
      (env) => ((env.email || env.accountId) && lz.organizationRootId) || (env.accountId && lz.identity),
    );
  }

  constructor(scope: Construct, id: string, props: TenantOrganizationStackProps) {
    const { estate, landingZone: lz } = props;
    const tenant = props.environments[0]!.tenant;
    super(scope, id, {
      ...coreStackProps(estate, 'organization'),
      estateTags: {
        'ods-code': tenant.odsCode,
        environment: 'organization',
        'data-classification': tenant.dataClassification,
        'patient-data': tenant.patientData ? 'true' : 'false',
        icb: tenant.icb,
        'cost-centre': tenant.costCentre,
        'nhs-cloud:stack-kind': 'core',
      },
      description: `NHS national cloud: ${tenant.name} (${tenant.odsCode}) accounts and access`,
    });
    const parameter = (name: string) => ssm.StringParameter.valueForStringParameter(this, name);
    let logsKey: kms.IKey | undefined;
    const logGroup = () => {
      logsKey ??= kms.Key.fromKeyArn(this, 'LogsKey', parameter(managementLogsKeyParameter(estate.name)));
      return sdkCallLogs(this, { retentionDays: estate.security.logRetention, encryptionKey: logsKey });
    };
    // A vended account's ID is known inside this stack as soon as it exists, so its access is
    // granted in the same deployment; sync-accounts later writes the ID into config.
    const accountIds = new Map<string, string>();
    if (lz.organizationRootId) {
      for (const env of props.environments.filter((e) => e.email)) {
        const account = new VendedAccount(this, `Account-${env.name}`, {
          accountName: `${estate.name}-${tenant.odsCode}-${env.name}`,
          email: env.email!,
          environment: env.name,
          parentId: parameter(`${ouParameterPrefix(estate.name)}/${placeEnvironment(env)}`),
          accountTags: {
            'ods-code': tenant.odsCode,
            environment: env.name,
            'data-classification': tenant.dataClassification,
            icb: tenant.icb,
          },
        });
        accountIds.set(env.name, account.resource.attrAccountId);
      }
      // An account adopted with its ID (no e-mail) is moved into the same OU a vended one gets.
      for (const env of props.environments.filter((e) => e.accountId && !e.email)) {
        const ou = placeEnvironment(env);
        new PlacedAccount(this, `Place-${env.name}`, {
          accountId: env.accountId!,
          parentId: parameter(`${ouParameterPrefix(estate.name)}/${ou}`),
          parentKey: ou,
          logGroup: logGroup(),
        });
      }
    }
    if (!lz.identity) return;
    const identity = lz.identity;
    new AccountAssignments(this, 'Access', {
      instanceArn: identity.instanceArn,
      identityStoreId: identity.identityStoreId,
      assignments: props.environments.flatMap((env) =>
        planTenantAssignments(
          { ...env, accountId: env.accountId ?? accountIds.get(env.name) },
          estate,
          identity,
        ),
      ),
      permissionSetArn: (name) => parameter(`${permissionSetParameterPrefix(estate.name)}/${name}`),
      // Platform groups come from Core-Organization; only the tenant's own groups are looked up here.
      groupIds: {
        ...Object.fromEntries(
          platformGroupNames(estate.name, identity).map((g) => [
            g,
            parameter(groupIdParameter(estate.name, g)),
          ]),
        ),
        ...identity.groupIds,
      },
      logGroup,
    });
  }
}
