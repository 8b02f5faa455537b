import { CfnResource } from 'aws-cdk-lib';
import { NagRuleCompliance, NagRules } from 'cdk-nag';
import { entries, field, isTrue, renderedProperties } from '../../rendered';
import { namedRule } from '../../rule';

type Props = Record<string, unknown>;

/** ELB security policies whose lowest protocol is TLS 1.2 (…-TLS13-1-2-…, …-TLS13-1-3-…, …-TLS-1-2-…, …-FS-1-2-…). */
const ELB_TLS12_POLICY = /^ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)-/;
/** API Gateway security policies with TLS 1.2 as the lowest protocol. */
const APIGW_TLS12_POLICY = /^(TLS_1_2|SecurityPolicy_TLS13_1_[23]_.+|SecurityPolicy_TLS12_.+)$/;
/** CloudFront viewer policies with TLS 1.2 or later as the lowest protocol. */
const CLOUDFRONT_TLS12_POLICY = /^TLSv1\.[23]_/;
const WEAK_ORIGIN_PROTOCOLS = ['SSLv3', 'TLSv1', 'TLSv1.1'];

const literal = (node: CfnResource, value: unknown): unknown => NagRules.resolveIfPrimitive(node, value);

/** Per resource type: whether it enforces TLS 1.2 or later, or undefined if not applicable. */
const TLS_CHECKS: Readonly<Record<string, (node: CfnResource, props: Props) => boolean | undefined>> = {
  // The ELB API default when SslPolicy is omitted is ELBSecurityPolicy-2016-08, which allows TLS 1.0.
  'AWS::ElasticLoadBalancingV2::Listener': (node, props) => {
    const protocol = literal(node, props.Protocol);
    if (protocol !== 'HTTPS' && protocol !== 'TLS') return undefined;
    return ELB_TLS12_POLICY.test(String(literal(node, props.SslPolicy) ?? ''));
  },
  'AWS::ApiGateway::DomainName': (node, props) =>
    APIGW_TLS12_POLICY.test(String(literal(node, props.SecurityPolicy) ?? '')),
  'AWS::ApiGatewayV2::DomainName': (node, props) => {
    const configurations = entries(props.DomainNameConfigurations, 'DomainNameConfigurations');
    return (
      configurations.length > 0 &&
      configurations.every((c) =>
        APIGW_TLS12_POLICY.test(String(literal(node, field(c, 'SecurityPolicy')) ?? '')),
      )
    );
  },
  // The default *.cloudfront.net certificate lets viewers negotiate TLS 1.0, so a distribution
  // needs its own certificate with a TLS 1.2 minimum; custom origins must not offer older protocols.
  'AWS::CloudFront::Distribution': (node, props) => {
    const config = field(props, 'DistributionConfig');
    const certificate = field(config, 'ViewerCertificate');
    const viewer =
      certificate !== undefined &&
      !isTrue(node, field(certificate, 'CloudFrontDefaultCertificate')) &&
      CLOUDFRONT_TLS12_POLICY.test(String(literal(node, field(certificate, 'MinimumProtocolVersion')) ?? ''));
    const origins = entries(field(config, 'Origins'), 'Origins');
    return viewer && origins.every((origin) => originTls12(node, field(origin, 'CustomOriginConfig')));
  },
};

/** A custom origin must list its protocols (the CloudFormation default includes old ones), all TLS 1.2+. */
function originTls12(node: CfnResource, customOrigin: unknown): boolean {
  if (customOrigin === undefined) return true;
  const protocols = entries(field(customOrigin, 'OriginSSLProtocols'), 'OriginSSLProtocols');
  return (
    protocols.length > 0 && protocols.every((p) => !WEAK_ORIGIN_PROTOCOLS.includes(String(literal(node, p))))
  );
}

/**
 * Listeners and endpoints accept TLS 1.2 or later only: ELBv2 HTTPS/TLS listeners use a TLS 1.2+
 * security policy (set explicitly: the API default allows TLS 1.0), API Gateway custom domains
 * (REST and HTTP/WebSocket) use TLS_1_2 or a newer policy, and CloudFront distributions use their
 * own certificate with a TLSv1.2+ minimum and list only TLS 1.2+ protocols for custom origins.
 * S3 bucket policies requiring TLS are covered by AwsSolutions.
 *
 * NCSC Cloud Security Principle 1, Data in transit protection; NHS storage guidance: TLS 1.2 minimum.
 */
export default namedRule(__filename, (node) => {
  const check = TLS_CHECKS[node.cfnResourceType];
  const verdict = check ? check(node, renderedProperties(node)) : undefined;
  if (verdict === undefined) return NagRuleCompliance.NOT_APPLICABLE;
  return verdict ? NagRuleCompliance.COMPLIANT : NagRuleCompliance.NON_COMPLIANT;
});
