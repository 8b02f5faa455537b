import { Document, Scalar, YAMLMap } from 'yaml';
import { TenantRequest } from './tenant-request';

/**
 * Writes a tenant file through the yaml Document API: every text value is a quoted scalar, so
 * no flag value can add a key (`--owner "a@b.nhs.uk, finance: x"` stays one e-mail, which
 * validation then refuses), and the output is what the repository's formatter writes (prettier,
 * `singleQuote: true`): single quotes unless the text holds more of them than double quotes,
 * block style, no line folding. The schema hint on the first line lets editors check the file.
 *
 *   odsCode: 'RAJ'
 *   environments: # allocated by nhs-cloud onboard (config/allocations.yaml)
 *     prod:
 *       accountId: '300000000001'
 *       cidr: '10.65.0.0/21'
 */
export function renderTenantYaml(request: TenantRequest, cidrs: readonly string[], lane?: number): string {
  const doc = new Document();
  doc.commentBefore = ' yaml-language-server: $schema=../schema/tenant.schema.json';
  const root = new YAMLMap();
  root.set('odsCode', text(request.odsCode));
  root.set('name', text(request.name));
  root.set('scope', text(request.scope));
  if (request.icb) root.set('icb', text(request.icb));
  root.set('dataClassification', text(request.dataClassification));
  root.set('patientData', request.patientData);
  root.set(
    'contacts',
    map([
      ['owner', text(request.owner)],
      ['security', text(request.securityContact)],
    ]),
  );
  const peak = new Scalar(request.peakMbps);
  peak.comment = ' measured peak today; sized for growthFactor x this';
  const network = map([['currentPeakMbps', peak]]);
  if (request.onPremises) {
    const link = request.onPremises;
    const onPremises = map([
      ['connection', text(link.connection)],
      ['cidrs', link.cidrs.map(text)],
      ['asn', link.asn],
    ]);
    if (link.customerGatewayIps.length > 0)
      onPremises.set('customerGatewayIps', link.customerGatewayIps.map(text));
    network.set('onPremises', onPremises);
  }
  if (lane !== undefined) {
    // Pinned, so no later onboarding moves it (docs/adr/0024-hub-lanes.md).
    const pin = new Scalar(lane);
    pin.comment = ' hub lane, placed by need when onboarded';
    network.set('lane', pin);
  }
  root.set('network', network);
  const environments = new YAMLMap();
  environments.commentBefore = ' allocated by nhs-cloud onboard (config/allocations.yaml)';
  request.environments.forEach((env, i) => {
    const account = 'accountId' in env ? ['accountId', text(env.accountId)] : ['email', text(env.email)];
    environments.set(env.name, map([account as [string, unknown], ['cidr', text(cidrs[i])]]));
  });
  root.set('environments', environments);
  root.set('budget', map([['monthlyGbp', request.monthlyBudgetGbp]]));
  doc.contents = root;
  return doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}

function map(entries: ReadonlyArray<readonly [string, unknown]>): YAMLMap {
  const out = new YAMLMap();
  for (const [key, value] of entries) out.set(key, value);
  return out;
}

/** A quoted string the way prettier (singleQuote) would quote it. */
function text(value: string): Scalar {
  const scalar = new Scalar(value);
  const singles = value.split("'").length - 1;
  const doubles = value.split('"').length - 1;
  scalar.type = singles > doubles ? Scalar.QUOTE_DOUBLE : Scalar.QUOTE_SINGLE;
  return scalar;
}
