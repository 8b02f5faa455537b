import { NagRuleCompliance } from 'cdk-nag';
import { renderedProperties } from '../../rendered';
import { NagRule, namedRule } from '../../rule';
import { conditionKeys, principalsOf, statementsOf } from '../../policy-statements';

const ACCOUNT = /(?:^|:)(\d{12})(?::|$)/;

/**
 * A role trusts only principals of the estate: every AWS principal in its trust policy is an
 * account the estate knows (core or tenant), or `*` restricted to the organization by
 * `aws:PrincipalOrgID`; federated principals (an outside identity provider) are findings too.
 * One finding per outside account (`NhsCloud-RoleTrustInEstate[999999999999]`), so an approved
 * partner account can be acknowledged and nothing wider. With no accounts given the rule only
 * checks `*` and federation.
 *
 * NCSC Cloud Security Principle 9, Secure user management; 3, Separation between customers.
 */
export default function RoleTrustInEstate(estateAccounts: readonly string[]): NagRule {
  const known = new Set(estateAccounts);
  return namedRule(__filename, (node) => {
    if (node.cfnResourceType !== 'AWS::IAM::Role') return NagRuleCompliance.NOT_APPLICABLE;
    const findings = new Set<string>();
    for (const s of statementsOf(renderedProperties(node).AssumeRolePolicyDocument)) {
      if (s.Effect !== 'Allow') continue;
      const principals = principalsOf(s);
      for (const principal of principals.AWS ?? []) {
        if (principal === '*') {
          if (!conditionKeys(s).has('aws:principalorgid')) findings.add('*');
          continue;
        }
        const account = ACCOUNT.exec(principal)?.[1];
        if (account && known.size > 0 && !known.has(account)) findings.add(account);
      }
      if ((principals.Federated ?? []).length > 0) findings.add('federated');
    }
    return findings.size > 0 ? [...findings].sort() : NagRuleCompliance.COMPLIANT;
  });
}
