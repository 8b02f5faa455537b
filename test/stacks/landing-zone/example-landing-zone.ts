import { App } from 'aws-cdk-lib';
import { buildEstate } from '../../../lib/app/build-estate';
import { EstateStacks } from '../../../lib/stacks/estate-stacks';
import { EstateModel, Tenant } from '../../../lib/config/model';
import { landingZoneSchema } from '../../../lib/config/schema/landing-zone-schema';
import { exampleModel } from '../../support/example-estate';

/**
 * A `landingZone:` block with every optional part set, for tests. It replaces the example
 * estate's own block so these tests do not change when config/estate.yaml does.
 */
export const EXAMPLE_LANDING_ZONE = {
  organizationId: 'o-a1b2c3d4e5',
  organizationRootId: 'r-ab12',
  endpointProtection: {
    packageName: 'NHS-EndpointProtection',
    additionalArguments: { SITE_TOKEN: '{{ssm:/nhs-cloud/endpoint-protection/site-token}}' },
  },
  identity: {
    instanceArn: 'arn:aws:sso:::instance/ssoins-0123456789abcdef',
    identityStoreId: 'd-0123456789',
    groupIds: { 'nhs-cloud-platform-admin': '11111111-2222-3333-4444-555555555555' },
  },
  csocEndpoint: {
    url: 'https://csoc.example.nhs.uk/findings',
    apiKeySecretArn: 'arn:aws:secretsmanager:eu-west-2:100000000003:secret:csoc-api-key-AbCdEf',
  },
  securityNotificationEmails: ['cyber.security@england.nhs.uk'],
};

/** RGR gains a `dev` environment with an e-mail and no account ID: an account to vend. */
export const VENDED = {
  odsCode: 'RGR',
  environment: 'dev',
  email: 'aws-rgr-dev@wsh.nhs.uk',
  cidr: '10.127.248.0/21',
};

/** The example estate with a full landing-zone block and one environment to vend. */
export function landingZoneModel(): EstateModel {
  const model = exampleModel();
  const estate = {
    ...model.estate,
    landingZone: landingZoneSchema.parse(EXAMPLE_LANDING_ZONE),
  };
  const tenants = model.tenants.map((t): Tenant =>
    t.odsCode === VENDED.odsCode
      ? {
          ...t,
          environments: {
            ...t.environments,
            [VENDED.environment]: { email: VENDED.email, cidr: VENDED.cidr },
          },
        }
      : t,
  );
  return { estate, tenants };
}

/** Builds an estate into a fresh app without nag packs or CloudFormation validation (fast). */
export function buildModel(
  model: EstateModel,
  context: Record<string, string> = {},
): { app: App; stacks: EstateStacks } {
  const app = new App({ analyticsReporting: false, builtinCloudFormationValidation: false, context });
  return { app, stacks: buildEstate(app, model, { onlyTenant: context.tenant }) };
}
