import { compareTgw, describeDrift, Drift, LiveTgw } from '../../lib/aws/verify-live';
import { edited, EXPECTED, liveHub } from './tgw-fixtures';

describe('compareTgw', () => {
  test('a gateway that matches the model has no drift', () => {
    expect(compareTgw(EXPECTED, liveHub())).toEqual([]);
  });

  test.each<[string, LiveTgw, Drift[], string[]]>([
    [
      'a missing route table',
      { ...liveHub(), routeTables: liveHub().routeTables.filter((t) => t.name !== 'spokes-prod') },
      [{ kind: 'missing', subject: 'route-table', routeTable: 'spokes-prod' }],
      ['route table spokes-prod does not exist'],
    ],
    [
      'an extra route table',
      {
        ...liveHub(),
        routeTables: [
          ...liveHub().routeTables,
          { id: 'tgw-rtb-x', name: 'legacy', associations: [], propagations: [], routes: [] },
        ],
      },
      [{ kind: 'extra', subject: 'route-table', routeTable: 'legacy', actual: 'tgw-rtb-x' }],
      ['route table legacy (tgw-rtb-x) is not in the expected model'],
    ],
    [
      'a missing association',
      edited('spokes-prod', () => ({ associations: [] })),
      [{ kind: 'missing', subject: 'association', routeTable: 'spokes-prod', item: 'RGR-prod' }],
      ['spokes-prod: RGR-prod is not associated'],
    ],
    [
      'an association with the wrong table',
      {
        ...liveHub(),
        routeTables: liveHub().routeTables.map((t) =>
          t.name === 'spokes-prod'
            ? { ...t, associations: [] }
            : t.name === 'spokes-nonprod'
              ? { ...t, associations: ['RGR-nonprod', 'RGR-prod'] }
              : t,
        ),
      },
      [
        {
          kind: 'changed',
          subject: 'association',
          routeTable: 'spokes-prod',
          item: 'RGR-prod',
          expected: 'spokes-prod',
          actual: 'spokes-nonprod',
        },
      ],
      ['RGR-prod is associated with spokes-nonprod, expected spokes-prod'],
    ],
    [
      'an extra and a missing propagation',
      edited('inspection', () => ({ propagations: ['RGR-prod', 'inspection'] })),
      [
        { kind: 'missing', subject: 'propagation', routeTable: 'inspection', item: 'RGR-nonprod' },
        { kind: 'extra', subject: 'propagation', routeTable: 'inspection', item: 'inspection' },
      ],
      ['inspection: RGR-nonprod does not propagate', 'inspection: inspection propagates but should not'],
    ],
    [
      'a static route to the wrong target, and one removed',
      edited('spokes-nonprod', () => ({
        routes: [{ cidr: '0.0.0.0/0', type: 'static', target: 'blackhole' }],
      })),
      [
        {
          kind: 'changed',
          subject: 'static-route',
          routeTable: 'spokes-nonprod',
          item: '0.0.0.0/0',
          expected: 'inspection',
          actual: 'blackhole',
        },
        {
          kind: 'missing',
          subject: 'static-route',
          routeTable: 'spokes-nonprod',
          item: '10.64.0.0/21',
          expected: 'blackhole',
        },
      ],
      [
        'spokes-nonprod: static route 0.0.0.0/0 goes to blackhole, expected inspection',
        'spokes-nonprod: static route 10.64.0.0/21 -> blackhole does not exist',
      ],
    ],
    [
      'an extra static route (propagated routes are not compared)',
      edited('spokes-prod', (t) => ({
        routes: [
          ...t.routes,
          { cidr: '192.168.0.0/16', type: 'static', target: 'RGR-prod' },
          { cidr: '10.99.0.0/16', type: 'propagated', target: 'RGR-prod' },
        ],
      })),
      [
        {
          kind: 'extra',
          subject: 'static-route',
          routeTable: 'spokes-prod',
          item: '192.168.0.0/16',
          actual: 'RGR-prod',
        },
      ],
      ['spokes-prod: unexpected static route 192.168.0.0/16 -> RGR-prod'],
    ],
  ])('%s', (_, live, drift, messages) => {
    const found = compareTgw(EXPECTED, live);
    expect(found).toEqual(drift);
    expect(found.map(describeDrift)).toEqual(messages);
  });
});
