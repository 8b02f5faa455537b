import { CfnResource } from 'aws-cdk-lib';
import { renderedProperties, withRenderCache } from '../../lib/nag/rendered';
import { buildExampleEstate } from '../support/example-estate';

// The NhsCloud pack reads properties from the synthesized templates during a synth, and resolves
// them itself when run on a construct tree (validateScope): both must see the same thing.
describe('renderedProperties during a synthesis', () => {
  const { app } = buildExampleEstate({ onlyTenant: 'RAX' });
  const assembly = app.synth();
  const templatePaths = assembly.stacks.map((s) => s.templateFullPath);
  const resources = app.node.findAll().filter((c): c is CfnResource => CfnResource.isCfnResource(c));

  test('reads the same properties from the written templates as resolving the tree gives', () => {
    const fromTemplates = withRenderCache(() => resources.map(renderedProperties), templatePaths);
    const resolved = resources.map(renderedProperties);
    expect(resources.length).toBeGreaterThan(500);
    expect(fromTemplates).toEqual(resolved);
  });

  test('resolves resources whose template was not written', () => {
    const bucket = resources.find((r) => r.cfnResourceType === 'AWS::S3::Bucket')!;
    const properties = withRenderCache(() => renderedProperties(bucket), []);
    expect(properties).toEqual(renderedProperties(bucket));
    expect(properties).toHaveProperty('BucketEncryption');
  });
});
