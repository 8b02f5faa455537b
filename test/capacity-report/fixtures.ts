import { planCapacity } from '../../lib/planners/capacity/plan-capacity';
import { estateModel, TWO_LOCATIONS } from '../planners/capacity/estate-builder';

/** A tiny site, an 800 Mbps VPN trust with two environments, and a 5 Gbps DX trust. */
export const MIXED_PLAN = planCapacity(
  estateModel(
    [
      { ods: 'RAX', peakMbps: 20 },
      { ods: 'RGR', peakMbps: 800, onPremises: 'vpn', environments: ['prod', 'nonprod'] },
      { ods: 'RW3', peakMbps: 5000, onPremises: 'directConnect' },
    ],
    { dxLocations: TWO_LOCATIONS },
  ),
);

/** A VPN trust beyond ECMP limits next to a small one. */
export const FAILING_PLAN = planCapacity(
  estateModel([
    { ods: 'RAX', peakMbps: 20 },
    { ods: 'RDU', peakMbps: 4500, onPremises: 'vpn' },
  ]),
);
