import { Document, isMap, parseDocument, Scalar } from 'yaml';
import { VendedAccountOutput } from './account-vending';

export type VendedAccountChange =
  | { readonly environment: string; readonly status: 'added'; readonly accountId: string }
  | { readonly environment: string; readonly status: 'unchanged'; readonly accountId: string };

export interface VendedAccountsResult {
  /** The rewritten file; identical to the input when nothing changed. */
  readonly text: string;
  readonly changes: readonly VendedAccountChange[];
}

/**
 * Writes vended account IDs into one tenant file, editing only `environments.<env>.accountId`
 * so comments, key order and flow/block style survive. The ID is single-quoted (a leading zero
 * must stay a string). Throws, changing nothing, if an environment is missing from the file or
 * already has a different account ID: that means config and the organization disagree.
 *
 *   prod: { email: aws-rgr-prod@nhs.net, cidr: 10.64.0.0/21 }
 *     -> prod: { email: aws-rgr-prod@nhs.net, cidr: 10.64.0.0/21, accountId: '123456789012' }
 */
export function applyVendedAccounts(
  file: string,
  text: string,
  accounts: readonly Pick<VendedAccountOutput, 'environment' | 'accountId'>[],
): VendedAccountsResult {
  const document: Document = parseDocument(text);
  if (document.errors.length) throw new Error(`${file}: ${document.errors[0]!.message}`);
  const changes: VendedAccountChange[] = [];
  for (const { environment, accountId } of accounts) {
    const env = document.getIn(['environments', environment]);
    if (!isMap(env))
      throw new Error(
        `${file}: environments.${environment} not found, but the organization vended an account for it`,
      );
    const current = env.get('accountId');
    if (current === undefined) {
      const value = new Scalar(accountId);
      value.type = Scalar.QUOTE_SINGLE;
      env.set('accountId', value);
      changes.push({ environment, status: 'added', accountId });
    } else if (String(current) === accountId) {
      changes.push({ environment, status: 'unchanged', accountId });
    } else {
      throw new Error(
        `${file}: environments.${environment}.accountId is ${String(current)} but the organization vended ${accountId}`,
      );
    }
  }
  const changed = changes.some((c) => c.status === 'added');
  // No line width: a flow map must stay on its line, as written.
  return { text: changed ? document.toString({ lineWidth: 0 }) : text, changes };
}
