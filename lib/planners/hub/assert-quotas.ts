import { CheckFailedError } from '../../errors/user-input-error';
import { QuotaRow } from './quotas';

/** Stops synthesis when the plan needs more of a quota than AWS ever allows. */
export function assertQuotas(quotas: readonly QuotaRow[]): void {
  const problems = quotas.flatMap((q) => (q.problem ? [q.problem] : []));
  if (problems.length === 0) return;
  throw new CheckFailedError(
    [`Quotas: ${problems.length} the plan cannot stay within`, ...problems.map((p) => `  - ${p}`)].join('\n'),
  );
}
