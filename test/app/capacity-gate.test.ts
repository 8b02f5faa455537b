import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import { buildEstate } from '../../lib/app/build-estate';
import { EstateModel } from '../../lib/config/model';
import { CapacityError } from '../../lib/planners/capacity/assert-capacity';
import { exampleModel } from '../support/example-estate';

/** The example estate with West Suffolk (VPN) measuring 4.5 Gbps: 45 Gbps at 10x, beyond VPN. */
function overloaded(): EstateModel {
  const model = exampleModel();
  return {
    ...model,
    tenants: model.tenants.map((t) =>
      t.odsCode === 'RGR' ? { ...t, network: { ...t.network, currentPeakMbps: 4500 } } : t,
    ),
  };
}

const newApp = () => new App({ analyticsReporting: false, builtinCloudFormationValidation: false });

describe('the capacity gate', () => {
  test('an unmet need stops the build with every shortfall, naming tenant and path', () => {
    const app = newApp();
    expect(() => buildEstate(app, overloaded())).toThrow(CapacityError);
    expect(() => buildEstate(newApp(), overloaded())).toThrow(
      /^Capacity plan: 1 unmet need\n {2}- RGR on-premises: needs 45,000 Mbps \(10 x 4,500 Mbps peak\) but Site-to-Site VPN tops out at 40,000 Mbps/,
    );
    expect(app.node.children).toHaveLength(0); // nothing was built
  });

  test('capacityGate=warn builds, and marks Core-Network with the shortfalls', () => {
    const app = newApp();
    const stacks = buildEstate(app, overloaded(), { capacityGate: 'warn', onlyTenant: 'RGR' });
    Annotations.fromStack(stacks.core.network as Stack).hasWarning(
      '*',
      Match.stringLikeRegexp('RGR on-premises: needs 45,000 Mbps[\\s\\S]*must not be deployed'),
    );
  });
});
