import { planOrganizationServices } from '../../../lib/planners/landing-zone/organization-services';
import { fixtureModel } from '../../support/fixture-estate';

const { estate } = fixtureModel();

describe('planOrganizationServices', () => {
  const calls = planOrganizationServices(estate, 'r-ab12');
  const byId = (id: string) => calls.find((c) => c.id === id)!;

  it('delegates the security services to the security account and CloudTrail to the log archive', () => {
    expect(byId('GuardDutyAdmin').parameters).toEqual({ AdminAccountId: '100000000003' });
    expect(byId('InspectorAdmin').parameters).toEqual({ delegatedAdminAccountId: '100000000003' });
    expect(byId('MacieAdmin').parameters).toEqual({ adminAccountId: '100000000003' });
    expect(byId('AccessAnalyzerAdmin').parameters).toEqual({
      AccountId: '100000000003',
      ServicePrincipal: 'access-analyzer.amazonaws.com',
    });
    expect(byId('ConfigAdmin').parameters).toEqual({
      AccountId: '100000000003',
      ServicePrincipal: 'config.amazonaws.com',
    });
    expect(byId('CloudTrailAdmin').parameters).toEqual({ MemberAccountId: '100000000002' });
  });

  it('enables trusted access before each delegation that needs it', () => {
    const order = calls.map((c) => c.id);
    for (const call of calls) {
      for (const before of call.after ?? [])
        expect(order.indexOf(before)).toBeLessThan(order.indexOf(call.id));
    }
    expect(byId('AccessAnalyzerAdmin').after).toEqual(['AccessAnalyzerAccess']);
  });

  // Regression (issue 13): CloudTrail, GuardDuty, Inspector and Macie were delegated with no
  // trusted access of their own, and Security Hub's had none for its CloudFormation resource.
  it.each([
    ['CloudTrailAdmin', 'CloudTrailAccess', 'cloudtrail.amazonaws.com'],
    ['GuardDutyAdmin', 'GuardDutyAccess', 'guardduty.amazonaws.com'],
    ['InspectorAdmin', 'InspectorAccess', 'inspector2.amazonaws.com'],
    ['MacieAdmin', 'MacieAccess', 'macie.amazonaws.com'],
  ])('registers %s only after enabling trusted access for its service (%s)', (admin, access, principal) => {
    expect(byId(admin).after).toEqual([access]);
    expect(byId(access)).toMatchObject({
      service: 'Organizations',
      action: 'enableAWSServiceAccess',
      parameters: { ServicePrincipal: principal },
    });
  });

  it('enables trusted access for Security Hub, whose delegated administrator is a CloudFormation resource', () => {
    expect(byId('SecurityHubAccess').parameters).toEqual({ ServicePrincipal: 'securityhub.amazonaws.com' });
  });

  // Regression (issue 13): the TGW, DNS and parameter shares name the organization, which RAM
  // refuses until sharing with the organization is enabled once from the management account.
  it('enables sharing with the organization in AWS RAM and service-managed StackSets', () => {
    expect(byId('RamSharing')).toMatchObject({ service: 'RAM', action: 'enableSharingWithAwsOrganization' });
    expect(byId('StackSetsAccess')).toMatchObject({
      service: 'CloudFormation',
      action: 'activateOrganizationsAccess',
    });
  });

  it('treats "already done" as success, so re-running a deployment is harmless', () => {
    expect(byId('ConfigAdmin').alreadyDone).toBe('AccountAlreadyRegisteredException');
    expect(byId('PolicyTypeSERVICECONTROLPOLICY').alreadyDone).toBe('PolicyTypeAlreadyEnabledException');
  });

  it('enables the SCP, tag and S3 policy types on the root, only when the root ID is known', () => {
    expect(calls.filter((c) => c.action === 'enablePolicyType').map((c) => c.parameters)).toEqual([
      { RootId: 'r-ab12', PolicyType: 'SERVICE_CONTROL_POLICY' },
      { RootId: 'r-ab12', PolicyType: 'TAG_POLICY' },
      { RootId: 'r-ab12', PolicyType: 'S3_POLICY' },
      { RootId: 'r-ab12', PolicyType: 'RESOURCE_CONTROL_POLICY' },
    ]);
    expect(planOrganizationServices(estate, undefined).some((c) => c.action === 'enablePolicyType')).toBe(
      false,
    );
  });

  it('turns on cross-account backup and central root-credential management', () => {
    expect(byId('CrossAccountBackup').parameters).toEqual({
      GlobalSettings: { isCrossAccountBackupEnabled: 'true' },
    });
    expect(byId('RootCredentialsManagement')).toMatchObject({ service: 'IAM', after: ['IamAccess'] });
  });
});
