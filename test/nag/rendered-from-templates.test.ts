import { App, aws_iam as iam, aws_s3 as s3, CfnResource, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { buildEstate } from '../../lib/app/build-estate';
import { renderedProperties, withRenderCache } from '../../lib/nag/rendered';
import { fixtureModel } from '../support/fixture-estate';

// The NhsCloud pack reads properties from the synthesized templates during a synth, and resolves
// them itself when run on a construct tree (validateScope): both must see the same thing.

const resourcesOf = (scope: IConstruct) =>
  scope.node.findAll().filter((c): c is CfnResource => CfnResource.isCfnResource(c));

function synthesized(app: App) {
  const templatePaths = app.synth().stacks.map((s) => s.templateFullPath);
  return { templatePaths, resources: resourcesOf(app) };
}

describe('renderedProperties during a synthesis', () => {
  test('finds resources by their aws:cdk:path metadata, as a CLI synth writes it', () => {
    const app = new App({ context: { 'aws:cdk:enable-path-metadata': true }, treeMetadata: false });
    buildEstate(app, fixtureModel(), { onlyTenant: 'RAX' });
    const { templatePaths, resources } = synthesized(app);
    const fromTemplates = withRenderCache(() => resources.map(renderedProperties), templatePaths);
    expect(resources.length).toBeGreaterThan(500);
    expect(fromTemplates).toEqual(resources.map(renderedProperties));
  });

  describe('in a small app', () => {
    const app = new App({ treeMetadata: false });
    const stack = new Stack(app, 'S', { env: { account: '111111111111', region: 'eu-west-2' } });
    const bucket = new s3.Bucket(stack, 'Bucket', {
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
    });
    new iam.Role(stack, 'Role', { assumedBy: new iam.AccountRootPrincipal() }).addToPolicy(
      new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: [bucket.arnForObjects('*')] }),
    );
    const { templatePaths, resources } = synthesized(app);

    test('finds resources by logical ID without path metadata', () => {
      const fromTemplates = withRenderCache(() => resources.map(renderedProperties), templatePaths);
      expect(fromTemplates).toEqual(resources.map(renderedProperties));
      expect(fromTemplates.some((p) => 'PolicyDocument' in p)).toBe(true);
    });

    test('resolves resources whose template was not written', () => {
      const node = bucket.node.defaultChild as CfnResource;
      const properties = withRenderCache(() => renderedProperties(node), []);
      expect(properties).toEqual(renderedProperties(node));
      expect(properties).toHaveProperty('BucketEncryption');
    });
  });
});
