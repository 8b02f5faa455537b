import { App } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { globToRegExp, matchConstructPath } from '../../lib/security-review/construct-glob';

/** A bare construct tree: two tenant "stacks" and a core one, each a few levels deep. */
function tree(): App {
  const app = new App();
  for (const stack of ['Tenant-RAA-prod', 'Tenant-RAA-nonprod', 'Core-Network']) {
    const root = new Construct(app, stack);
    const spoke = new Construct(root, 'Spoke');
    new Construct(new Construct(spoke, 'Resource'), 'Subnet1');
    new Construct(spoke, 'FlowLog');
    new Construct(root, 'Custom::VpcRestrictDefaultSGCustomResourceProvider');
  }
  return app;
}

const paths = (pattern: string) =>
  matchConstructPath(tree(), pattern)
    .matches.map((c) => c.node.path)
    .sort();

describe('globToRegExp', () => {
  it('keeps * and ? within one segment and escapes everything else', () => {
    const re = globToRegExp('Tenant-*-prod');
    expect(
      ['Tenant-RAA-prod', 'Tenant-R.A-prod', 'Tenant-RAA/x-prod', 'Tenant-RAA-prodx'].map((s) => re.test(s)),
    ).toEqual([true, true, false, false]);
    expect(globToRegExp('Custom::X(1)').test('Custom::X(1)')).toBe(true);
    expect(globToRegExp('R?A').test('RAA')).toBe(true);
  });
});

describe('matchConstructPath', () => {
  it('matches one segment per * and stops at the pattern depth', () => {
    expect(paths('Tenant-*/Spoke')).toEqual(['Tenant-RAA-nonprod/Spoke', 'Tenant-RAA-prod/Spoke']);
  });

  it('matches IDs containing :: literally', () => {
    expect(paths('*-prod/Custom::VpcRestrictDefaultSGCustomResourceProvider')).toEqual([
      'Tenant-RAA-prod/Custom::VpcRestrictDefaultSGCustomResourceProvider',
    ]);
  });

  it('lets ** span any number of segments, including none', () => {
    expect(paths('Core-Network/**/Subnet1')).toEqual(['Core-Network/Spoke/Resource/Subnet1']);
    expect(paths('**/FlowLog')).toEqual([
      'Core-Network/Spoke/FlowLog',
      'Tenant-RAA-nonprod/Spoke/FlowLog',
      'Tenant-RAA-prod/Spoke/FlowLog',
    ]);
  });

  it('keeps only the top-most match when a match contains another', () => {
    expect(paths('Core-Network/**')).toEqual(['Core-Network']);
  });

  it('says which segment stopped matching and what was there instead', () => {
    expect(matchConstructPath(tree(), 'Tenant-*/Spoke/Vpc').progress).toEqual({
      reached: 'Tenant-RAA-prod/Spoke',
      segment: 'Vpc',
      children: ['Resource', 'FlowLog'],
    });
    expect(matchConstructPath(tree(), 'Tenant-XYZ-*/Spoke').progress?.reached).toBe('');
  });
});
