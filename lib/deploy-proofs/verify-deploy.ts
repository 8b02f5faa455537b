import { EstateModel } from '../config/model';
import { proveGuardrails } from './guardrails/guardrails-proof';
import { proveLogDelivery } from './log-delivery/log-delivery-proof';
import { proveOrganizationOrder } from './organization-order/organization-order-proof';
import { proveSchema } from './schema/schema-proof';
import { DeployProofReport, DeployStack, Violation } from './types';

/**
 * The four deploy proofs over one synthesized assembly and the config it came from: what a
 * first real deployment would fail on, found offline with no credentials (docs/deploy-proofs.md).
 */
export async function verifyDeploy(
  stacks: readonly DeployStack[],
  model: EstateModel,
): Promise<DeployProofReport> {
  return {
    stacks: stacks.length,
    proofs: [
      proveSchema(stacks),
      await proveGuardrails(stacks, model),
      await proveLogDelivery(stacks, model),
      proveOrganizationOrder(stacks, model),
    ],
  };
}

export function violationsOf(report: DeployProofReport): Violation[] {
  return report.proofs.flatMap((p) => p.violations);
}
