import { App, Fn, Stack } from 'aws-cdk-lib';
import { CfnRole } from 'aws-cdk-lib/aws-iam';
import { CfnSubscriptionFilter } from 'aws-cdk-lib/aws-logs';
import { CfnQueue } from 'aws-cdk-lib/aws-sqs';
import { CfnVPCEndpoint } from 'aws-cdk-lib/aws-ec2';
import { CfnFunction } from 'aws-cdk-lib/aws-lambda';
import { CfnDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { CfnGlobalTable } from 'aws-cdk-lib/aws-dynamodb';
import { CfnBucket } from 'aws-cdk-lib/aws-s3';
import { NagRuleCompliance } from 'cdk-nag';
import { RegionAllowed } from '../../../lib/nag/rules/residency';
import { newStack, validate, verdict } from '../helpers';

const rule = RegionAllowed(['eu-west-2']);

describe('RegionAllowed', () => {
  test('flags every resource of a stack in a region outside the list', () => {
    const stack = newStack({ env: { account: '111111111111', region: 'us-east-1' } });
    new CfnQueue(stack, 'Queue');
    new CfnQueue(stack, 'Other');
    expect(validate(rule, stack)).toEqual([
      { id: 'NhsCloud-RegionAllowed[us-east-1]', path: 'Stack/Other' },
      { id: 'NhsCloud-RegionAllowed[us-east-1]', path: 'Stack/Queue' },
    ]);
  });

  test('flags a literal ARN in another region, one finding per region', () => {
    const stack = newStack();
    new CfnSubscriptionFilter(stack, 'Filter', {
      logGroupName: 'app',
      filterPattern: '',
      destinationArn: 'arn:aws:firehose:eu-west-1:111111111111:deliverystream/x',
      roleArn: 'arn:aws:iam::111111111111:role/writer',
    });
    new CfnQueue(stack, 'Queue', {
      redrivePolicy: { deadLetterTargetArn: 'arn:aws:sqs:us-east-1:111111111111:dlq' },
      tags: [{ key: 'copy', value: 'arn:aws:sqs:eu-central-1:111111111111:q' }],
    });
    expect(validate(rule, stack)).toEqual([
      { id: 'NhsCloud-RegionAllowed[eu-central-1]', path: 'Stack/Queue' },
      { id: 'NhsCloud-RegionAllowed[eu-west-1]', path: 'Stack/Filter' },
      { id: 'NhsCloud-RegionAllowed[us-east-1]', path: 'Stack/Queue' },
    ]);
  });

  test('sees a region inside an ARN built with Fn::Join or Fn::Sub', () => {
    const stack = newStack();
    new CfnFunction(stack, 'Joined', {
      code: { zipFile: 'x' },
      role: Fn.join('', ['arn:', Stack.of(stack).partition, ':iam::111111111111:role/r']),
      layers: [Fn.join('', ['arn:', Stack.of(stack).partition, ':lambda:eu-west-1:111111111111:layer:l:1'])],
    });
    new CfnFunction(stack, 'Substituted', {
      code: { zipFile: 'x' },
      role: 'arn:aws:iam::111111111111:role/r',
      layers: [Fn.sub('arn:${AWS::Partition}:lambda:us-west-2:${AWS::AccountId}:layer:l:1')],
    });
    expect(validate(rule, stack)).toEqual([
      { id: 'NhsCloud-RegionAllowed[eu-west-1]', path: 'Stack/Joined' },
      { id: 'NhsCloud-RegionAllowed[us-west-2]', path: 'Stack/Substituted' },
    ]);
  });

  test('flags endpoint host names and VPC endpoint service names in another region', () => {
    const stack = newStack();
    new CfnFunction(stack, 'Function', {
      code: { zipFile: 'x' },
      role: 'arn:aws:iam::111111111111:role/r',
      environment: {
        variables: {
          QUEUE: 'https://sqs.eu-west-1.amazonaws.com/111111111111/q',
          SITE: 'b.s3-website-us-west-1.amazonaws.com',
          PRIVATE: 'vpce-0a1.sqs.ap-southeast-2.vpce.amazonaws.com',
        },
      },
    });
    new CfnVPCEndpoint(stack, 'Endpoint', { vpcId: 'vpc-1', serviceName: 'com.amazonaws.eu-west-3.s3' });
    expect(validate(rule, stack)).toEqual([
      { id: 'NhsCloud-RegionAllowed[ap-southeast-2]', path: 'Stack/Function' },
      { id: 'NhsCloud-RegionAllowed[eu-west-1]', path: 'Stack/Function' },
      { id: 'NhsCloud-RegionAllowed[eu-west-3]', path: 'Stack/Endpoint' },
      { id: 'NhsCloud-RegionAllowed[us-west-1]', path: 'Stack/Function' },
    ]);
  });

  test('reports a rule error for an environment-agnostic stack rather than passing it', () => {
    const stack = new Stack(new App({ builtinCloudFormationValidation: false }), 'Stack');
    new CfnQueue(stack, 'Queue');
    expect(validate(rule, stack)).toEqual([
      {
        id: 'NhsCloud-RegionAllowed',
        path: 'Stack/Queue',
        error:
          'The stack has no literal region (it is environment-agnostic), so residency cannot be checked.',
      },
    ]);
  });

  test('passes resources in an allowed region that point only at allowed regions', () => {
    const stack = newStack();
    const queue = new CfnQueue(stack, 'Queue', {
      redrivePolicy: { deadLetterTargetArn: 'arn:aws:sqs:eu-west-2:111111111111:dlq' },
    });
    new CfnVPCEndpoint(stack, 'Endpoint', { vpcId: 'vpc-1', serviceName: 'com.amazonaws.eu-west-2.s3' });
    expect(validate(rule, stack)).toEqual([]);
    expect(verdict(rule, queue)).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('passes region-less ARNs (IAM, S3), since every resource is in some region there is no N/A case', () => {
    const stack = newStack();
    const role = new CfnRole(stack, 'Role', {
      assumeRolePolicyDocument: {},
      managedPolicyArns: ['arn:aws:iam::aws:policy/ReadOnlyAccess'],
      policies: [{ policyName: 'p', policyDocument: { Resource: 'arn:aws:s3:::eu-west-1-bucket/*' } }],
    });
    expect(verdict(rule, role)).toBe(NagRuleCompliance.COMPLIANT);
  });
});

// Issue 14, item 6: residency read regions only in ARNs and host names.
describe('RegionAllowed: region-valued properties and places the template cannot locate', () => {
  test('flags a DynamoDB replica in another region', () => {
    const stack = newStack();
    new CfnGlobalTable(stack, 'Table', {
      attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
      keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
      billingMode: 'PAY_PER_REQUEST',
      replicas: [{ region: 'eu-west-2' }, { region: 'us-east-1' }],
    });
    expect(validate(rule, stack)).toEqual([{ id: 'NhsCloud-RegionAllowed[us-east-1]', path: 'Stack/Table' }]);
  });

  test("flags S3 replication to another account's bucket and every CloudFront distribution", () => {
    const stack = newStack();
    new CfnBucket(stack, 'Source', {
      versioningConfiguration: { status: 'Enabled' },
      replicationConfiguration: {
        role: 'arn:aws:iam::111111111111:role/replicate',
        rules: [
          { status: 'Enabled', destination: { bucket: 'arn:aws:s3:::elsewhere', account: '999999999999' } },
        ],
      },
    });
    new CfnDistribution(stack, 'Cdn', {
      distributionConfig: {
        enabled: true,
        defaultCacheBehavior: { targetOriginId: 'o', viewerProtocolPolicy: 'https-only' },
      },
    });
    expect(validate(rule, stack)).toEqual([
      { id: 'NhsCloud-RegionAllowed[cloudfront-edges]', path: 'Stack/Cdn' },
      { id: 'NhsCloud-RegionAllowed[replica-in-999999999999]', path: 'Stack/Source' },
    ]);
  });

  test('passes a replica in an allowed region and same-account replication', () => {
    const stack = newStack();
    new CfnGlobalTable(stack, 'Table', {
      attributeDefinitions: [{ attributeName: 'id', attributeType: 'S' }],
      keySchema: [{ attributeName: 'id', keyType: 'HASH' }],
      replicas: [{ region: 'eu-west-2' }],
    });
    new CfnBucket(stack, 'Source', {
      replicationConfiguration: {
        role: 'arn:aws:iam::111111111111:role/replicate',
        rules: [{ status: 'Enabled', destination: { bucket: 'arn:aws:s3:::copy' } }],
      },
    });
    expect(validate(rule, stack)).toEqual([]);
  });
});
