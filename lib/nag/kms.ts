import { literalStrings } from './rendered';

/**
 * Whether a resolved key reference names a customer-managed KMS key: it is present and is not
 * an AWS-managed key (alias/aws/<service>, by alias or alias ARN, literal or inside a join).
 * A reference to a key (Ref, GetAtt, an import) counts as customer-managed: AWS-managed keys can
 * only be named by their alias.
 */
export function isCustomerManagedKey(key: unknown): boolean {
  if (key === undefined || key === null || key === '') return false;
  return !literalStrings(key).some((text) => /(^|[:/])alias\/aws\//.test(text));
}
