import { formatDiagram } from '../../lib/diagram/format-diagram';
import { collapsedLabel, renderMermaid } from '../../lib/diagram/mermaid';
import { planTopology } from '../../lib/diagram/topology';
import { fixtureModel } from '../support/fixture-estate';
import { syntheticEstate } from './estate-fixture';

/** The lines of a subgraph's body, from `subgraph id[...]` to its matching `end`. */
function subgraph(chart: string, id: string): string[] {
  const lines = chart.split('\n');
  const start = lines.findIndex((l) => l.trim().startsWith(`subgraph ${id}[`));
  expect(start).toBeGreaterThanOrEqual(0);
  let depth = 0;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!.trim();
    if (line.startsWith('subgraph ')) depth++;
    if (line === 'end' && --depth === 0) return lines.slice(start + 1, i).map((l) => l.trim());
  }
  throw new Error(`subgraph ${id} is not closed`);
}

describe('the example estate as Mermaid', () => {
  const chart = renderMermaid(planTopology(fixtureModel()));

  test('is a left-to-right flowchart with balanced subgraphs', () => {
    const lines = chart
      .trimEnd()
      .split('\n')
      .map((l) => l.trim());
    expect(lines[0]).toBe('flowchart LR');
    expect(lines.filter((l) => l.startsWith('subgraph ')).length).toBe(
      lines.filter((l) => l === 'end').length,
    );
  });

  test('draws the hub: the Transit Gateway with its route tables, and the lanes of inspection and egress', () => {
    const hub = subgraph(chart, 'hub');
    expect(hub[0]).toBe('direction TB');
    expect(subgraph(chart, 'tgw')).toEqual([
      'rt_national_services["national-services"]',
      'rt_tenants_prod["tenants-prod"]',
      'rt_tenants_nonprod["tenants-nonprod"]',
      'rt_shared_services["shared-services"]',
      'rt_on_premises["on-premises"]',
      'rt_post_inspection["post-inspection"]',
    ]);
    expect(hub).toContain(
      'subgraph lanes["Lanes · each an inspection VPC (Network Firewall, default deny) and an egress VPC (NAT, 5 allowed domains) · 120,000 Mbps with an AZ lost"]',
    );
    expect(subgraph(chart, 'lanes')).toEqual([
      'direction TB',
      'lane_1["Lane 1: 9 tenants, 96,700 Mbps<br/>inspection 10.0.0.0/22 · egress 10.0.4.0/22"]',
      'lane_2["Lane 2: 8 tenants, 96,000 Mbps<br/>inspection 10.1.0.0/23 · egress 10.1.2.0/23"]',
    ]);
  });

  test('past four lanes, three are drawn and the rest counted', () => {
    const big = syntheticEstate(1, [8, 8, 8, 8, 8, 8]);
    const many = {
      ...big,
      tenants: big.tenants.map((t) => ({ ...t, network: { ...t.network, currentPeakMbps: 9000 } })),
    };
    const lanes = subgraph(renderMermaid(planTopology(many)), 'lanes');
    expect(lanes.filter((l) => l.startsWith('lane_'))).toHaveLength(4);
    expect(lanes[lanes.length - 1]).toMatch(/^lane_more\["and \d+ more lanes, up to lane \d+"\]$/);
  });

  test('draws HSCN links, shared services and the path to the internet', () => {
    const locations = fixtureModel().estate.network.directConnect!.locations;
    expect(subgraph(chart, 'onprem')).toEqual([
      'direction TB',
      `dx["Direct Connect<br/>${locations.join('<br/>')}<br/>4 tenants"]`,
      'vpn["Site-to-Site VPN<br/>7 tenants"]',
    ]);
    expect(chart).toContain(
      '  shared["Shared services VPC 10.0.8.0/21<br/>DNS resolvers; forwards hscn.nhs.uk"]\n',
    );
    for (const edge of [
      "tgw ==>|every segment but post-inspection, to its lane's inspection| lanes",
      "lanes -->|inspected, each lane's own| rt_post_inspection",
      "lanes -->|allow-listed domains only, through the lane's egress| internet",
      'shared --- rt_shared_services',
      'dx --- rt_on_premises',
      'vpn --- rt_on_premises',
    ]) {
      expect(chart).toContain(`  ${edge}\n`);
    }
  });

  test('draws tenants inside their ICB group, national bodies apart, each group joined to its segments', () => {
    expect(subgraph(chart, 'g_national')).toEqual([
      'direction TB',
      't_X24["X24 NHS England<br/>prod, nonprod · Direct Connect"]',
    ]);
    expect(subgraph(chart, 'g_QJG')).toEqual([
      'direction TB',
      't_QJG["QJG ICB<br/>prod, nonprod"]',
      't_RDE["RDE East Suffolk and North Essex NHS Foundation Trust<br/>prod, nonprod · Direct Connect"]',
      't_RGR["RGR West Suffolk NHS Foundation Trust<br/>prod, nonprod · VPN"]',
    ]);
    expect(chart).toContain('  g_national -->|prod| rt_national_services\n');
    expect(chart).toContain('  g_QJG -->|prod| rt_tenants_prod\n  g_QJG -.->|nonprod| rt_tenants_nonprod\n');
    expect(chart).not.toContain('g_national -->|prod| rt_tenants_prod');
  });

  test('--format md wraps it in a heading, a summary and a mermaid block', () => {
    const md = formatDiagram(planTopology(fixtureModel()), 'md');
    expect(md).toBe(
      `## Estate topology\n\n17 tenants (1 national, 5 ICBs, 11 trusts) in 32 environments, grouped by ICB.\n\n\`\`\`mermaid\n${chart}\`\`\`\n`,
    );
  });
});

describe('a 250-tenant estate as Mermaid', () => {
  const topology = planTopology(syntheticEstate(2, [12, ...Array<number>(18).fill(12), 0]));
  const chart = renderMermaid(topology);

  test('shows large ICBs as one node with counts', () => {
    expect(chart).toContain('  g_Q00["Q00: 12 trusts, 26 environments<br/>Organisation Q00<br/>4 on VPN"]\n');
    expect(collapsedLabel(topology.groups.find((g) => g.id === 'Q01')!)).toBe(
      'Q01: 12 trusts, 26 environments<br/>Organisation Q01<br/>4 on VPN',
    );
  });

  test('stays small: at most 40 tenant nodes and under 150 lines', () => {
    expect(chart.match(/^\s+t_[A-Z0-9]{3}\[/gm)!.length).toBeLessThanOrEqual(40);
    expect(chart.split('\n').length).toBeLessThan(150);
    expect(formatDiagram(topology, 'md')).toContain('19 large groups are shown as counts.');
  });
});

test('quotes in names cannot break a label', () => {
  const model = syntheticEstate(0, [1]);
  const renamed = {
    ...model,
    tenants: model.tenants.map((t) => (t.kind === 'trust' ? { ...t, name: 'St "Quoted" <b>Trust</b>' } : t)),
  };
  expect(renderMermaid(planTopology(renamed))).toContain(
    't_R00["R00 St #quot;Quoted#quot; bTrust/b<br/>prod, nonprod · VPN"]',
  );
});
