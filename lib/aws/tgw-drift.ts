import { TgwExpected } from './tgw-expected';
import { LiveRouteTable, LiveTgw } from './tgw-live';

export type DriftKind = 'missing' | 'extra' | 'changed';
export type DriftSubject = 'route-table' | 'association' | 'propagation' | 'static-route';

/** One difference between the expected model and the deployed gateway. */
export interface Drift {
  readonly kind: DriftKind;
  readonly subject: DriftSubject;
  /** The route table (by name) the difference is in; for a moved association, the expected table. */
  readonly routeTable: string;
  /** Attachment name or destination CIDR; absent for a whole route table. */
  readonly item?: string;
  readonly expected?: string;
  readonly actual?: string;
}

/**
 * Compares by name: route tables, attachments and route targets are all matched on Name tags.
 * Propagated routes are not compared one by one, since they follow from propagations.
 *
 *   expected spokes-prod { associations: [RGR-prod] }, live spokes-prod { associations: [] }
 *   -> [{ kind: 'missing', subject: 'association', routeTable: 'spokes-prod', item: 'RGR-prod' }]
 */
export function compareTgw(expected: TgwExpected, live: LiveTgw): Drift[] {
  const drift: Drift[] = [];
  const unmatched = [...live.routeTables];
  for (const want of expected.routeTables) {
    const index = unmatched.findIndex((t) => t.name === want.name);
    if (index < 0) {
      drift.push({ kind: 'missing', subject: 'route-table', routeTable: want.name });
      continue;
    }
    const [have] = unmatched.splice(index, 1);
    drift.push(...compareSets('association', want.name, want.associations, have.associations));
    drift.push(...compareSets('propagation', want.name, want.propagations, have.propagations));
    drift.push(...compareStaticRoutes(want.name, want.staticRoutes, have));
  }
  for (const extra of unmatched) {
    drift.push({ kind: 'extra', subject: 'route-table', routeTable: extra.name, actual: extra.id });
  }
  return mergeMovedAssociations(drift);
}

function compareSets(
  subject: 'association' | 'propagation',
  routeTable: string,
  want: readonly string[],
  have: readonly string[],
): Drift[] {
  return [
    ...want
      .filter((n) => !have.includes(n))
      .map((item): Drift => ({ kind: 'missing', subject, routeTable, item })),
    ...have
      .filter((n) => !want.includes(n))
      .map((item): Drift => ({ kind: 'extra', subject, routeTable, item })),
  ];
}

function compareStaticRoutes(
  routeTable: string,
  want: TgwExpected['routeTables'][number]['staticRoutes'],
  have: LiveRouteTable,
): Drift[] {
  const live = new Map(have.routes.filter((r) => r.type === 'static').map((r) => [r.cidr, r.target]));
  const drift: Drift[] = [];
  for (const route of want) {
    const actual = live.get(route.cidr);
    if (actual === undefined) {
      drift.push({
        kind: 'missing',
        subject: 'static-route',
        routeTable,
        item: route.cidr,
        expected: route.target,
      });
    } else if (actual !== route.target) {
      drift.push({
        kind: 'changed',
        subject: 'static-route',
        routeTable,
        item: route.cidr,
        expected: route.target,
        actual,
      });
    }
    live.delete(route.cidr);
  }
  for (const [cidr, actual] of live) {
    drift.push({ kind: 'extra', subject: 'static-route', routeTable, item: cidr, actual });
  }
  return drift;
}

/**
 * An attachment has exactly one associated table, so "missing from A" plus "extra in B" for the
 * same attachment is one change: it is associated with the wrong table.
 */
function mergeMovedAssociations(drift: Drift[]): Drift[] {
  const of = (kind: DriftKind, item?: string) =>
    drift.filter(
      (d) => d.subject === 'association' && d.kind === kind && (item === undefined || d.item === item),
    );
  const moved = new Map<Drift, Drift>();
  for (const missing of of('missing')) {
    const extras = of('extra', missing.item);
    if (extras.length === 1 && of('missing', missing.item).length === 1) moved.set(missing, extras[0]);
  }
  const absorbed = new Set(moved.values());
  return drift
    .filter((d) => !absorbed.has(d))
    .map((d) => {
      const extra = moved.get(d);
      return extra ? { ...d, kind: 'changed', expected: d.routeTable, actual: extra.routeTable } : d;
    });
}

/** One line per difference, for people. */
export function describeDrift(d: Drift): string {
  const rt = d.routeTable;
  switch (d.subject) {
    case 'route-table':
      return d.kind === 'missing'
        ? `route table ${rt} does not exist`
        : `route table ${rt} (${d.actual}) is not in the expected model`;
    case 'association':
      if (d.kind === 'changed') return `${d.item} is associated with ${d.actual}, expected ${d.expected}`;
      return d.kind === 'missing'
        ? `${rt}: ${d.item} is not associated`
        : `${rt}: ${d.item} is associated but should not be`;
    case 'propagation':
      return d.kind === 'missing'
        ? `${rt}: ${d.item} does not propagate`
        : `${rt}: ${d.item} propagates but should not`;
    case 'static-route':
      if (d.kind === 'missing') return `${rt}: static route ${d.item} -> ${d.expected} does not exist`;
      if (d.kind === 'extra') return `${rt}: unexpected static route ${d.item} -> ${d.actual}`;
      return `${rt}: static route ${d.item} goes to ${d.actual}, expected ${d.expected}`;
  }
}
