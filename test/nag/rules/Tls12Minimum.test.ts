import { Stack } from 'aws-cdk-lib';
import { CfnDomainName as CfnRestDomainName } from 'aws-cdk-lib/aws-apigateway';
import { CfnDomainName as CfnHttpDomainName } from 'aws-cdk-lib/aws-apigatewayv2';
import { CfnDistribution } from 'aws-cdk-lib/aws-cloudfront';
import { CfnListener } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { NagRuleCompliance } from 'cdk-nag';
import { Tls12Minimum as rule } from '../../../lib/nag/rules/encryption';
import { newStack, validate, verdict } from '../helpers';

const CERT = 'arn:aws:acm:eu-west-2:111111111111:certificate/1';
const listener = (stack: Stack, protocol: string, sslPolicy?: string) =>
  new CfnListener(stack, 'Endpoint', { loadBalancerArn: 'lb', protocol, sslPolicy, defaultActions: [] });
const distribution = (
  stack: Stack,
  viewerCertificate?: CfnDistribution.ViewerCertificateProperty,
  originSslProtocols?: string[],
) =>
  new CfnDistribution(stack, 'Endpoint', {
    distributionConfig: {
      enabled: true,
      defaultCacheBehavior: { targetOriginId: 'o', viewerProtocolPolicy: 'https-only' },
      origins: [
        {
          id: 'o',
          domainName: 'app.example.nhs.uk',
          customOriginConfig: { originProtocolPolicy: 'https-only', originSslProtocols },
        },
      ],
      viewerCertificate,
    },
  });
const customCertificate = {
  acmCertificateArn: CERT,
  sslSupportMethod: 'sni-only',
  minimumProtocolVersion: 'TLSv1.2_2021',
};

describe('Tls12Minimum', () => {
  test.each<[string, (stack: Stack) => void]>([
    ['an HTTPS listener on the API default policy', (stack) => listener(stack, 'HTTPS')],
    ['an HTTPS listener allowing TLS 1.0', (stack) => listener(stack, 'HTTPS', 'ELBSecurityPolicy-2016-08')],
    [
      'a TLS listener allowing TLS 1.1',
      (stack) => listener(stack, 'TLS', 'ELBSecurityPolicy-TLS-1-1-2017-01'),
    ],
    [
      'an HTTPS listener on a TLS 1.3 policy that still allows TLS 1.0',
      (stack) => listener(stack, 'HTTPS', 'ELBSecurityPolicy-TLS13-1-0-2021-06'),
    ],
    [
      'a REST API domain on TLS_1_0',
      (stack) => new CfnRestDomainName(stack, 'Endpoint', { securityPolicy: 'TLS_1_0' }),
    ],
    [
      'a REST API domain with no security policy',
      (stack) => new CfnRestDomainName(stack, 'Endpoint', { domainName: 'api.example.nhs.uk' }),
    ],
    [
      'an HTTP API domain on TLS_1_0',
      (stack) =>
        new CfnHttpDomainName(stack, 'Endpoint', {
          domainName: 'api.example.nhs.uk',
          domainNameConfigurations: [{ certificateArn: CERT, securityPolicy: 'TLS_1_0' }],
        }),
    ],
    [
      'a distribution on the default CloudFront certificate (which ignores the minimum)',
      (stack) =>
        distribution(stack, { cloudFrontDefaultCertificate: true, minimumProtocolVersion: 'TLSv1.2_2021' }, [
          'TLSv1.2',
        ]),
    ],
    [
      'a distribution allowing TLS 1.1 viewers',
      (stack) =>
        distribution(stack, { ...customCertificate, minimumProtocolVersion: 'TLSv1.1_2016' }, ['TLSv1.2']),
    ],
    [
      'a distribution offering its origin TLS 1.0',
      (stack) => distribution(stack, customCertificate, ['TLSv1', 'TLSv1.2']),
    ],
    [
      'a distribution leaving origin protocols to the default',
      (stack) => distribution(stack, customCertificate),
    ],
  ])('flags %s', (_name, build) => {
    const stack = newStack();
    build(stack);
    expect(validate(rule, stack)).toEqual([{ id: 'NhsCloud-Tls12Minimum', path: 'Stack/Endpoint' }]);
  });

  test('passes TLS 1.2+ listeners, domains and distributions', () => {
    const stack = newStack();
    const endpoints = [
      new CfnListener(stack, 'Https', {
        loadBalancerArn: 'lb',
        protocol: 'HTTPS',
        sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06',
        defaultActions: [],
      }),
      new CfnListener(stack, 'Tls', {
        loadBalancerArn: 'lb',
        protocol: 'TLS',
        sslPolicy: 'ELBSecurityPolicy-FS-1-2-Res-2020-10',
        defaultActions: [],
      }),
      new CfnRestDomainName(stack, 'Rest', { securityPolicy: 'TLS_1_2' }),
      new CfnHttpDomainName(stack, 'Http', {
        domainName: 'api.example.nhs.uk',
        domainNameConfigurations: [{ certificateArn: CERT, securityPolicy: 'TLS_1_2' }],
      }),
      distribution(stack, customCertificate, ['TLSv1.2']),
    ];
    expect(validate(rule, stack)).toEqual([]);
    for (const endpoint of endpoints) expect(verdict(rule, endpoint)).toBe(NagRuleCompliance.COMPLIANT);
  });

  test('does not apply to plain HTTP or TCP listeners', () => {
    const stack = newStack();
    const http = new CfnListener(stack, 'Http', {
      loadBalancerArn: 'lb',
      protocol: 'HTTP',
      defaultActions: [],
    });
    const tcp = new CfnListener(stack, 'Tcp', { loadBalancerArn: 'lb', protocol: 'TCP', defaultActions: [] });
    expect(verdict(rule, http)).toBe(NagRuleCompliance.NOT_APPLICABLE);
    expect(verdict(rule, tcp)).toBe(NagRuleCompliance.NOT_APPLICABLE);
  });
});
