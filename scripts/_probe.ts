import { readDeployAssembly } from '../lib/deploy-proofs/assembly';
import { proveGuardrails } from '../lib/deploy-proofs/guardrails/guardrails-proof';
import { loadConfig } from '../lib/config/load-config';
(async () => {
  const t0 = Date.now();
  const stacks = readDeployAssembly(process.argv[2] ?? '/tmp/i13-cdk.out');
  const r = await proveGuardrails(stacks, loadConfig('config'));
  console.log('guardrails ms', Date.now() - t0, r.checked, r.violations.length, r.notModelled);
  for (const v of r.violations.slice(0, 40))
    console.log(v.where, '|', v.message.slice(0, 300), '|', v.witness.slice(0, 200));
})();
