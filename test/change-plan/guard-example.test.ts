import { App } from 'aws-cdk-lib';
import { buildEstate } from '../../lib/app/build-estate';
import { classifyStack } from '../../lib/change-plan/classify-diff';
import { guardChanges } from '../../lib/change-plan/guard';
import { SynthesizedStack, Template } from '../../lib/change-plan/types';
import { EstateModel } from '../../lib/config/model';
import { fixtureModel } from '../support/fixture-estate';

/**
 * The guard's acceptance cases on real templates: the example estate (narrowed to RGR) is
 * synthesized once as it is and once with RGR's prod CIDR moved; no git, no child process.
 */
const TODAY = '2026-06-01';
const NEW_PROD_CIDR = '10.65.128.0/21';

function synthesize(model: EstateModel): Map<string, Template> {
  // Lambda bundling does not change which resources exist: skip it for speed.
  const app = new App({
    analyticsReporting: false,
    builtinCloudFormationValidation: false,
    context: { 'aws:cdk:bundling-stacks': [] },
  });
  buildEstate(app, model, { onlyTenant: 'RGR' });
  return new Map(app.synth().stacks.map((s) => [s.stackName, s.template as Template]));
}

function withRgrProdCidr(model: EstateModel, cidr: string): EstateModel {
  return {
    ...model,
    tenants: model.tenants.map((t) =>
      t.odsCode === 'RGR'
        ? { ...t, environments: { ...t.environments, prod: { ...t.environments.prod!, cidr } } }
        : t,
    ),
  };
}

const stack = (name: string, template: Template): SynthesizedStack => ({ name, template });

let before: Map<string, Template>;
let after: Map<string, Template>;
beforeAll(() => {
  const model = fixtureModel();
  expect(model.tenants.find((t) => t.odsCode === 'RGR')!.environments.prod!.cidr).not.toBe(NEW_PROD_CIDR);
  before = synthesize(model);
  after = synthesize(withRgrProdCidr(model, NEW_PROD_CIDR));
});

test('renaming a log bucket logical ID is a delete plus an add, and the delete is blocked', () => {
  const template = before.get('Core-LogArchive')!;
  const [logicalId, resource] = Object.entries(template.Resources!).find(
    ([id, r]) => r.Type === 'AWS::S3::Bucket' && /Logs/.test(id),
  )!;
  const renamed: Template = {
    ...template,
    Resources: Object.fromEntries(
      Object.entries(template.Resources!).map(([id, r]) => [id === logicalId ? `${id}Renamed` : id, r]),
    ),
  };
  expect(resource.DeletionPolicy).toBe('Retain');

  const change = classifyStack(stack('Core-LogArchive', template), stack('Core-LogArchive', renamed))!;
  expect(change.changes.map((c) => `${c.kind} ${c.logicalId}`)).toEqual([
    `delete ${logicalId}`,
    `add ${logicalId}Renamed`,
  ]);
  const [decision, ...rest] = guardChanges([change], [], TODAY);
  expect(rest).toEqual([]);
  expect(decision).toMatchObject({
    stack: 'Core-LogArchive',
    needs: 'delete',
    change: { logicalId, type: 'AWS::S3::Bucket', retained: true, renamedTo: `${logicalId}Renamed` },
  });
  expect(decision!.allowedBy).toBeUndefined();
});

test("dropping the account baseline's retained log group orphans it: not blocked", () => {
  const template = before.get('Tenant-RGR-prod')!;
  const [logicalId, resource] = Object.entries(template.Resources!).find(
    ([id, r]) => r.Type === 'AWS::Logs::LogGroup' && /AccountDefaults/.test(id),
  )!;
  expect(resource.DeletionPolicy).toBe('Retain');
  const dropped: Template = {
    ...template,
    Resources: Object.fromEntries(Object.entries(template.Resources!).filter(([id]) => id !== logicalId)),
  };

  const change = classifyStack(stack('Tenant-RGR-prod', template), stack('Tenant-RGR-prod', dropped))!;
  expect(change.changes).toEqual([
    {
      logicalId,
      type: 'AWS::Logs::LogGroup',
      kind: 'delete',
      retained: true,
      orphaned: true,
      guarded: 'log group: holds audit and network logs',
    },
  ]);
  expect(guardChanges([change], [], TODAY)).toEqual([]);
});

test('changing a spoke CIDR replaces its VPC, and the replacement is blocked', () => {
  const change = classifyStack(
    stack('Tenant-RGR-prod', before.get('Tenant-RGR-prod')!),
    stack('Tenant-RGR-prod', after.get('Tenant-RGR-prod')!),
  )!;
  const blocked = guardChanges([change], [], TODAY).filter((d) => !d.allowedBy);
  const vpc = blocked.find((d) => d.change.type === 'AWS::EC2::VPC');
  expect(vpc).toMatchObject({ needs: 'replace', change: { kind: 'replace', properties: ['CidrBlock'] } });
  // Its workload subnets go too; the nonprod environment does not change.
  expect(blocked.filter((d) => d.change.type === 'AWS::EC2::Subnet').length).toBeGreaterThanOrEqual(3);
  expect(
    classifyStack(
      stack('Tenant-RGR-nonprod', before.get('Tenant-RGR-nonprod')!),
      stack('Tenant-RGR-nonprod', after.get('Tenant-RGR-nonprod')!),
    ),
  ).toBeUndefined();
});

test('an allowDestructive entry for the VPC lets that replacement through, and only that one', () => {
  const change = classifyStack(
    stack('Tenant-RGR-prod', before.get('Tenant-RGR-prod')!),
    stack('Tenant-RGR-prod', after.get('Tenant-RGR-prod')!),
  )!;
  const vpcId = change.changes.find((c) => c.type === 'AWS::EC2::VPC')!.logicalId;
  const decisions = guardChanges(
    [change],
    [
      {
        stack: 'Tenant-RGR-prod',
        logicalId: vpcId,
        change: 'replace',
        reason: 'Re-addressing RGR prod before go-live; no workloads yet.',
        approver: 'cyber@england.nhs.uk',
        expires: '2026-07-01',
      },
    ],
    TODAY,
  );
  expect(decisions.filter((d) => d.allowedBy).map((d) => d.change.logicalId)).toEqual([vpcId]);
  expect(decisions.filter((d) => !d.allowedBy).length).toBeGreaterThan(0);
});
