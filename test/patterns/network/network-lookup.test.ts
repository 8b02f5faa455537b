import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  LOOKUP_FUNCTION_TIMEOUT,
  LOOKUP_SERVICE_TIMEOUT,
  lookupFunctionArn,
  NetworkLookup,
  NetworkLookupFunction,
} from '../../../lib/patterns/network/network-lookup';
import { NETWORK_LOOKUP_ENTRY } from '../../../lib/patterns/network/network-lookup-code';

const app = new App({ analyticsReporting: false, builtinCloudFormationValidation: false });
const stack = new Stack(app, 'Network', { env: { account: '100000000004', region: 'eu-west-2' } });
const fn = new NetworkLookupFunction(stack, 'LookupFunction', {
  functionName: 'nhs-cloud-network-lookup',
  logRetentionDays: 2922,
});
const lookup = new NetworkLookup(stack, 'Lookup', {
  serviceToken: fn.function.functionArn,
  transitGatewayId: 'tgw-1',
  attachments: {
    SpokeRGRprod: { type: 'vpc', owner: '111111111111' },
    VpnRGR1: { type: 'vpn', resourceId: 'vpn-9' },
  },
  firewallArn: 'arn:fw',
  firewallSubnets: { 'euw2-az1': 'subnet-fw1' },
  organization: true,
  revision: '10.1.0.0/16',
});
const onlyFirewall = new NetworkLookup(stack, 'FirewallOnly', {
  serviceToken: 'arn:token',
  firewallArn: 'arn:fw',
});
new NetworkLookup(stack, 'Nothing', { serviceToken: 'arn:token' });
// Referenced, so the attributes appear in the template.
stack.exportValue(lookup.attachmentId('SpokeRGRprod'), { name: 'Spoke' });
stack.exportValue(onlyFirewall.firewallEndpointId('euw2-az1'), { name: 'Endpoint' });
stack.exportValue(lookup.organizationArn, { name: 'Org' });
const template = Template.fromStack(stack);
const assembly = app.synth();

describe('NetworkLookupFunction', () => {
  test('points at the handler lib/handlers owns', () => {
    expect(NETWORK_LOOKUP_ENTRY).toMatch(/lib\/handlers\/network-lookup\/index\.ts$/);
    expect(existsSync(NETWORK_LOOKUP_ENTRY)).toBe(true);
  });

  test('deploys the bundled handler as an asset, on the handlers runtime, with the 15-minute timeout', () => {
    template.hasResourceProperties('AWS::Lambda::Function', {
      FunctionName: 'nhs-cloud-network-lookup',
      Runtime: 'nodejs24.x',
      Handler: 'index.handler',
      Timeout: 900,
      MemorySize: 256,
      Code: { S3Bucket: Match.anyValue(), S3Key: Match.stringLikeRegexp('\\.zip$'), ZipFile: Match.absent() },
    });
    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/lambda/nhs-cloud-network-lookup',
      RetentionInDays: 2922,
    });
  });

  test('the bundle is one file that leaves the SDK to the runtime and keeps the error texts', () => {
    const [resource] = Object.values(template.findResources('AWS::Lambda::Function'));
    const hash = (resource!.Properties.Code.S3Key as string).replace(/\.zip$/, '');
    const bundle = readFileSync(join(assembly.directory, `asset.${hash}`, 'index.js'), 'utf8');
    for (const sdk of ['client-ec2', 'client-network-firewall', 'client-organizations']) {
      expect(bundle).toContain(`require("@aws-sdk/${sdk}")`);
    }
    expect(bundle).toContain('attachments match, expected one');
    expect(bundle).toContain('no available attachment for ');
    expect(bundle).toContain('firewall has no endpoint yet in some of ');
    // The guards of lib/aws-wire are bundled in: answers checked, NextToken loops stopped.
    expect(bundle).toContain('service:"EC2"');
    expect(bundle).toContain('(a proxy?)');
    expect(bundle).toContain('returned the same NextToken twice');
    expect(bundle).not.toMatch(/require\("@smithy\//);
    expect(bundle.length).toBeLessThan(20_000);
  });

  test('may call the three describe APIs, which take no resource ARN', () => {
    template.hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Action: [
              'ec2:DescribeTransitGatewayAttachments',
              'network-firewall:DescribeFirewall',
              'organizations:DescribeOrganization',
            ],
            Resource: '*',
          }),
        ]),
      },
    });
  });
});

describe('NetworkLookup', () => {
  test('writes the queries as the handler reads them', () => {
    template.hasResourceProperties('Custom::NetworkLookup', {
      ServiceToken: { 'Fn::GetAtt': [Match.stringLikeRegexp('^LookupFunction'), 'Arn'] },
      TransitGatewayId: 'tgw-1',
      Attachments: {
        SpokeRGRprod: { Type: 'vpc', Owner: '111111111111' },
        VpnRGR1: { Type: 'vpn', ResourceId: 'vpn-9' },
      },
      FirewallArn: 'arn:fw',
      FirewallSubnets: { 'euw2-az1': 'subnet-fw1' },
      Organization: 'true',
      Revision: '10.1.0.0/16',
    });
    expect(
      template.findResources('Custom::NetworkLookup', { Properties: { ServiceToken: 'arn:token' } }),
    ).toBeDefined();
    const nothing = Object.entries(template.findResources('Custom::NetworkLookup')).find(([id]) =>
      id.startsWith('Nothing'),
    )![1];
    expect(nothing.Properties).toEqual({ ServiceToken: 'arn:token', ServiceTimeout: '960' });
  });

  test('CloudFormation waits 16 minutes for an answer, not the default hour', () => {
    expect(LOOKUP_SERVICE_TIMEOUT.toSeconds()).toBe(LOOKUP_FUNCTION_TIMEOUT.toSeconds() + 60);
    const lookups = Object.values(template.findResources('Custom::NetworkLookup'));
    expect(lookups).toHaveLength(3);
    for (const resource of lookups) expect(resource.Properties.ServiceTimeout).toBe('960');
  });

  test('reads the attributes the handler returns', () => {
    const outputs = JSON.stringify(template.toJSON().Outputs);
    expect(outputs).toContain('"SpokeRGRprod"');
    expect(outputs).toContain('"Endpointeuw2az1"');
    expect(outputs).toContain('"OrganizationArn"');
  });

  test('names the function by ARN for stacks that do not own it', () => {
    expect(lookupFunctionArn('eu-west-2', '100000000004', 'nhs-cloud-network-lookup')).toBe(
      'arn:aws:lambda:eu-west-2:100000000004:function:nhs-cloud-network-lookup',
    );
  });
});
