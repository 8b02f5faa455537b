import { TenantRequest } from './tenant-request';

/**
 * Writes a tenant file in the same shape and order as the examples, with the schema hint on
 * the first line so editors complete and check it.
 */
export function renderTenantYaml(request: TenantRequest, cidrs: readonly string[]): string {
  const lines = [
    '# yaml-language-server: $schema=../schema/tenant.schema.json',
    `odsCode: ${request.odsCode}`,
    `name: ${JSON.stringify(request.name)}`,
    `scope: ${request.scope}`,
    ...(request.icb ? [`icb: ${request.icb}`] : []),
    `dataClassification: ${request.dataClassification}`,
    `patientData: ${request.patientData}`,
    `contacts: { owner: ${request.owner}, security: ${request.securityContact} }`,
    'network:',
    `  currentPeakMbps: ${request.peakMbps} # measured peak today; sized for growthFactor x this`,
  ];
  if (request.onPremises) {
    lines.push(
      '  onPremises:',
      `    connection: ${request.onPremises.connection}`,
      `    cidrs: [${request.onPremises.cidrs.join(', ')}]`,
      `    asn: ${request.onPremises.asn}`,
    );
    if (request.onPremises.customerGatewayIps.length > 0) {
      lines.push(`    customerGatewayIps: [${request.onPremises.customerGatewayIps.join(', ')}]`);
    }
  }
  lines.push('environments: # allocated by nhs-cloud onboard from the free space of tenantSupernet');
  request.environments.forEach((env, i) => {
    const account = /^\d+$/.test(env.account) ? `accountId: '${env.account}'` : `email: ${env.account}`;
    lines.push(`  ${env.name}: { ${account}, cidr: ${cidrs[i]} }`);
  });
  lines.push(`budget: { monthlyGbp: ${request.monthlyBudgetGbp} }`, '');
  return lines.join('\n');
}
