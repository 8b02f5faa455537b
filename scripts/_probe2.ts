import { readDeployAssembly } from '../lib/deploy-proofs/assembly';
import { proveLogDelivery } from '../lib/deploy-proofs/log-delivery/log-delivery-proof';
import { loadConfig } from '../lib/config/load-config';
(async () => {
  const t0 = Date.now();
  const stacks = readDeployAssembly(process.argv[2] ?? '/tmp/i13-cdk.out');
  const r = await proveLogDelivery(stacks, loadConfig('config'));
  console.log('logs ms', Date.now() - t0, r.checked, r.violations.length, r.notModelled);
  for (const v of r.violations.slice(0, 20))
    console.log(v.where, '|', v.message.slice(0, 500), '|', v.witness.slice(0, 200));
})();
