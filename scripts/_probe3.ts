import { readDeployAssembly } from '../lib/deploy-proofs/assembly';
import { proveOrganizationOrder } from '../lib/deploy-proofs/organization-order/organization-order-proof';
import { loadConfig } from '../lib/config/load-config';
const t0 = Date.now();
const stacks = readDeployAssembly(process.argv[2] ?? '/tmp/i13-cdk.out');
const r = proveOrganizationOrder(stacks, loadConfig('config'));
console.log('org ms', Date.now() - t0, r.checked, r.violations.length);
for (const v of r.violations.slice(0, 20))
  console.log(v.where, '|', v.message.slice(0, 300), '|', v.witness.slice(0, 200));
