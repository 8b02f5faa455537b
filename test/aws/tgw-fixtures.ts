import { LiveTgw, TgwExpected } from '../../lib/aws/verify-live';
import { Ec2Fixtures, FixtureAttachment } from '../support/ec2-query-server';

/** A small hub: traffic from spokes goes to inspection; nonprod may not reach prod. */
export const ATTACHMENTS: FixtureAttachment[] = [
  { id: 'tgw-attach-insp', transitGatewayId: 'tgw-0hub', resourceId: 'vpc-insp', name: 'inspection' },
  { id: 'tgw-attach-rgrp', transitGatewayId: 'tgw-0hub', resourceId: 'vpc-rgrp', name: 'RGR-prod' },
  { id: 'tgw-attach-rgrn', transitGatewayId: 'tgw-0hub', resourceId: 'vpc-rgrn', name: 'RGR-nonprod' },
];

export const HUB: Ec2Fixtures = {
  transitGateways: [{ id: 'tgw-0hub', ownerId: '100000000004', name: 'hub' }],
  attachments: ATTACHMENTS,
  routeTables: [
    {
      id: 'tgw-rtb-insp',
      transitGatewayId: 'tgw-0hub',
      name: 'inspection',
      associations: ['tgw-attach-insp'],
      propagations: ['tgw-attach-rgrp', 'tgw-attach-rgrn'],
      routes: [
        { cidr: '10.64.0.0/21', type: 'propagated', attachmentIds: ['tgw-attach-rgrp'] },
        { cidr: '10.64.8.0/21', type: 'propagated', attachmentIds: ['tgw-attach-rgrn'] },
      ],
    },
    {
      id: 'tgw-rtb-prod',
      transitGatewayId: 'tgw-0hub',
      name: 'spokes-prod',
      associations: ['tgw-attach-rgrp'],
      routes: [{ cidr: '0.0.0.0/0', type: 'static', attachmentIds: ['tgw-attach-insp'] }],
    },
    {
      id: 'tgw-rtb-nonprod',
      transitGatewayId: 'tgw-0hub',
      name: 'spokes-nonprod',
      associations: ['tgw-attach-rgrn'],
      routes: [
        { cidr: '0.0.0.0/0', type: 'static', attachmentIds: ['tgw-attach-insp'] },
        { cidr: '10.64.0.0/21', type: 'static', state: 'blackhole' },
      ],
    },
  ],
};

export const EXPECTED: TgwExpected = {
  routeTables: [
    {
      name: 'inspection',
      associations: ['inspection'],
      propagations: ['RGR-nonprod', 'RGR-prod'],
      staticRoutes: [],
    },
    {
      name: 'spokes-prod',
      associations: ['RGR-prod'],
      propagations: [],
      staticRoutes: [{ cidr: '0.0.0.0/0', target: 'inspection' }],
    },
    {
      name: 'spokes-nonprod',
      associations: ['RGR-nonprod'],
      propagations: [],
      staticRoutes: [
        { cidr: '0.0.0.0/0', target: 'inspection' },
        { cidr: '10.64.0.0/21', target: 'blackhole' },
      ],
    },
  ],
};

/** The live view of HUB, as plain data, for comparison tests that need no server. */
export function liveHub(): LiveTgw {
  return {
    transitGatewayId: 'tgw-0hub',
    attachmentsRead: 3,
    routeTables: [
      {
        id: 'tgw-rtb-insp',
        name: 'inspection',
        associations: ['inspection'],
        propagations: ['RGR-nonprod', 'RGR-prod'],
        routes: [{ cidr: '10.64.0.0/21', type: 'propagated', target: 'RGR-prod' }],
      },
      {
        id: 'tgw-rtb-prod',
        name: 'spokes-prod',
        associations: ['RGR-prod'],
        propagations: [],
        routes: [{ cidr: '0.0.0.0/0', type: 'static', target: 'inspection' }],
      },
      {
        id: 'tgw-rtb-nonprod',
        name: 'spokes-nonprod',
        associations: ['RGR-nonprod'],
        propagations: [],
        routes: [
          { cidr: '0.0.0.0/0', type: 'static', target: 'inspection' },
          { cidr: '10.64.0.0/21', type: 'static', target: 'blackhole' },
        ],
      },
    ],
  };
}

/** Applies an edit to one live route table, by name. */
export function edited(name: string, edit: (t: LiveTgw['routeTables'][number]) => object): LiveTgw {
  const live = liveHub();
  return { ...live, routeTables: live.routeTables.map((t) => (t.name === name ? { ...t, ...edit(t) } : t)) };
}
