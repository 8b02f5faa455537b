import { CheckFailedError } from '../../errors/user-input-error';
import { CapacityPlan, CapacityShortfall } from './types';

/** Thrown when a capacity plan has unmet needs; carries every one of them. */
export class CapacityError extends CheckFailedError {
  constructor(readonly shortfalls: readonly CapacityShortfall[]) {
    super(formatShortfalls(shortfalls));
    this.name = 'CapacityError';
  }
}

/**
 * "Capacity plan: 2 unmet needs\n  - RDU on-premises: ...\n  - dx-ports: ..." so one run
 * shows every problem, each naming its tenant and path.
 */
export function formatShortfalls(shortfalls: readonly CapacityShortfall[]): string {
  const noun = shortfalls.length === 1 ? 'need' : 'needs';
  return [
    `Capacity plan: ${shortfalls.length} unmet ${noun}`,
    ...shortfalls.map((s) => `  - ${s.message}`),
  ].join('\n');
}

/** Lets the app stop synthesis on a plan that cannot carry its need: never under-size silently. */
export function assertCapacity(plan: CapacityPlan): CapacityPlan {
  if (plan.errors.length > 0) throw new CapacityError(plan.errors);
  return plan;
}
