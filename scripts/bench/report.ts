import { BudgetCheck } from './budgets';
import { FloorResult } from './floor';
import { completed, Measurement } from './measure';
import { BenchResults, Skipped } from './types';

const secs = (m?: Measurement | Skipped) =>
  !m
    ? '-'
    : 'skipped' in m
      ? 'skipped'
      : !completed(m)
        ? `failed (exit ${m.exitCode})`
        : `${(m.wallMs / 1000).toFixed(1)} s${m.completedDespite ? ' †' : ''}`;
/** verify-network and report exit non-zero on findings, which is a result, not a failed run. */
const checkSecs = (m?: Measurement | Skipped) =>
  !m || 'skipped' in m || completed(m) ? secs(m) : `${(m.wallMs / 1000).toFixed(1)} s (exit ${m.exitCode})`;
/** Wall time with CPU time beside it: on a shared machine CPU time is the steadier figure. */
const withCpu = (m?: Measurement | Skipped) =>
  !m || 'skipped' in m || !completed(m) || m.cpuMs === undefined
    ? secs(m)
    : `${secs(m)} (CPU ${(m.cpuMs / 1000).toFixed(1)} s)`;
const rss = (m?: Measurement | Skipped) =>
  !m || 'skipped' in m || !completed(m) ? '-' : `${m.peakRssMiB.toLocaleString('en-GB')} MiB`;
const n = (v?: number) => (v === undefined ? '-' : v.toLocaleString('en-GB'));
const kb = (bytes?: number) => (bytes === undefined ? '-' : `${(bytes / 1024).toFixed(0)} KB`);

/** docs/benchmarks.md: machine, one table per concern, budgets, and how to reproduce. */
/** `notes` is the hand-written findings block of the previous file, kept across runs. */
export function renderBenchmarks(
  results: BenchResults,
  budgets: readonly BudgetCheck[],
  notes?: string,
): string {
  const rows = Object.values(results.sizes).sort((a, b) => a.tenants - b.tenants);
  const m = results.machine;
  const method =
    rows[0]?.synth.method === 'proc-poll'
      ? 'polling /proc VmHWM of the process tree'
      : '`/usr/bin/time -v` (largest process in the tree)';
  const lines = [
    '# Benchmarks',
    '',
    '<!-- Written by `npm run bench`; edit scripts/bench.ts, not this file. -->',
    '',
    `Updated ${results.updated.slice(0, 10)} on ${m.nproc} vCPU (${m.cpuModel}), ${m.memoryGiB} GiB memory, Node ${m.node}, aws-cdk-lib ${m.awsCdkLib}.`,
    `Estates come from \`nhs-cloud generate-estate\` (seed \`bench\`): 2 environments per tenant. Wall time and peak RSS by ${method}.`,
    loadNote(results),
    '',
    '## Budgets',
    '',
    '| budget | limit | measured | verdict |',
    '| --- | --- | --- | --- |',
    ...budgets.map((b) => `| ${b.name} | ${b.limit} | ${b.measured} | ${b.verdict} |`),
    '',
    '## Time and memory',
    '',
    'Full synth runs `bin/app.ts` directly, as cdk.json runs it (`node --max-semi-space-size=128 --min-semi-space-size=128 --import tsx`, context in `CDK_CONTEXT_JSON`; the notes below say why), as a local synth does: without the built-in CloudFormation Validate plugin, creation stack traces or tree.json (ADRs 0015 and 0017); the variants below show the settings CI uses. Each row records when it ran (benchmarks.json has the date per size).',
    '',
    '| tenants | stacks | generate | validate (CLI) | validate RSS | full synth | synth RSS | single-tenant synth | single RSS | single, against a base | verify-network | report |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${n(r.tenants)} | ${n(r.assembly?.stacks)} | ${(r.generateMs / 1000).toFixed(1)} s | ${withCpu(r.validate)} | ${rss(r.validate)} | ${withCpu(r.synth)} | ${rss(r.synth)} | ${withCpu(r.singleTenant)} | ${rss(r.singleTenant)} | ${r.singleTenantAgainstBase ? withCpu(r.singleTenantAgainstBase) : '–'} | ${checkSecs(r.verifyNetwork)} | ${checkSecs(r.report)} |`,
    ),
    '',
  ];
  const flagged = [
    ...rows.flatMap((r) => [r.synth, r.singleTenant, r.singleTenantAgainstBase, r.synthCli]),
    ...results.variants.map((v) => v.synth),
  ].some((m) => m?.completedDespite);
  if (flagged) {
    lines.push(
      '† Completed: the assembly was written in full, then synthesis exited 1 because the capacity plan is unmet and `-c capacityGate=warn` marks such an assembly not deployable (the hub builds one inspection and one egress lane; a generated national estate at 10x growth needs more). The time is a full synth.',
      '',
    );
  }
  const cli = rows.find((r) => r.synthCli);
  if (cli) {
    lines.push(
      `Through the CDK CLI (\`cdk synth --quiet\`, N=${cli.tenants}): ${withCpu(cli.synthCli)}, ${rss(cli.synthCli)}, against ${secs(cli.synth)} run directly.`,
      '',
    );
  }
  const skipped = rows.flatMap((r) =>
    (['verifyNetwork', 'report'] as const).flatMap((k) => {
      const v = r[k];
      return 'skipped' in v ? [`${k} at N=${r.tenants}: ${v.skipped}`] : [];
    }),
  );
  if (skipped.length > 0)
    lines.push(`Skipped: ${[...new Set(skipped.map((s) => s.replace(/ at N=\d+/, '')))].join('; ')}.`, '');
  lines.push(
    '## Assembly against CloudFormation quotas',
    '',
    'Quotas: 500 resources, 1 MB template (via S3), 200 outputs, 200 parameters per stack; the project keeps 10% headroom (450, 900 KB, 180, 180; see test/limits.test.ts).',
    '',
    '| tenants | stacks | resources (all stacks) | largest stack (resources) | largest template | max outputs | max parameters | dependency depth |',
    '| ---: | ---: | ---: | --- | --- | --- | --- | ---: |',
    ...rows.map((r) => {
      const a = r.assembly;
      if (!a) return `| ${n(r.tenants)} | synth failed | | | | | | |`;
      return `| ${n(r.tenants)} | ${n(a.stacks)} | ${n(a.totalResources)} | ${a.largestByResources.stack} (${a.largestByResources.resources}) | ${a.largestByBytes.stack} (${kb(a.largestByBytes.bytes)}) | ${a.maxOutputs.stack} (${a.maxOutputs.outputs}) | ${a.maxParameters.stack} (${a.maxParameters.parameters}) | ${a.dependencyDepth} |`;
    }),
    '',
  );
  const floors = rows.filter((r) => r.floor);
  if (floors.length > 0) {
    lines.push(
      '## Against plain CDK (the floor)',
      '',
      "In turns with the estate's full synth (estate, floor, estate, ...), `scripts/bench/floor-app.ts` synthesizes a plain CDK app with as many stacks and, to within one a stack, as many resources (keys, encrypted buckets, queues, topics, roles, VPCs from L1 resources, log groups, then SSM parameters to make up the count), checked by the three public cdk-nag packs, with the same Node flags and local synth settings. The medians of the runs give the two costs per resource; their ratio is the figure the budget holds. One pair alone can be 30% off either way on a shared 2-vCPU host.",
      '',
      '| tenants | estate: resources, median full synth | floor: resources, median synth | runs (estate; floor) | ms per resource (estate / floor) | ratio |',
      '| ---: | ---: | ---: | :--- | ---: | ---: |',
      ...floors.map(
        (r) =>
          `| ${n(r.tenants)} | ${n(r.assembly?.totalResources)}, ${secs(r.synth)} | ${n(r.floor!.resources)}, ${withCpu(r.floor!.synth)} | ${runs(r.floor!)} | ${r.floor!.msPerResource.estate} / ${r.floor!.msPerResource.floor} | **${r.floor!.ratio.toFixed(2)}x** |`,
      ),
      '',
    );
  }
  if (results.fit) {
    lines.push(
      '## Marginal cost',
      '',
      `Least-squares fit of full-synth wall time over ${results.fit.points} sizes: **${results.fit.msPerResource} ms per synthesized CloudFormation resource** plus ${(results.fit.msFixed / 1000).toFixed(1)} s fixed.`,
      '',
    );
  }
  if (results.variants.length > 0) {
    lines.push(
      '## Synth variants',
      '',
      '| variant | tenants | full synth | peak RSS |',
      '| --- | ---: | ---: | ---: |',
      ...rows
        .filter((r) => r.tenants === results.variants[0].tenants)
        .map((r) => `| as configured (cdk.json) | ${n(r.tenants)} | ${withCpu(r.synth)} | ${rss(r.synth)} |`),
      ...results.variants.map(
        (v) => `| ${v.description} | ${n(v.tenants)} | ${withCpu(v.synth)} | ${rss(v.synth)} |`,
      ),
      '',
      'See docs/adr/0015-cfn-validate-plugin.md and docs/adr/0017-synth-diagnostics.md for where each runs.',
      '',
    );
  }
  lines.push(
    notes ??
      '<!-- notes:start -->\n<!-- Findings written by hand go here; `npm run bench` keeps this block. -->\n<!-- notes:end -->',
    '',
    '## Reproduce',
    '',
    '```sh',
    'npm run bench                        # 50, 250 and 1,000 tenants, plus the variants at 250',
    'npm run bench -- --sizes 50,250      # quicker; figures for other sizes are kept from the last run',
    'npm run bench -- --sizes 50 --no-variants --keep   # keep the generated estate and cdk.out under $TMPDIR/nhs-cloud-bench',
    '```',
    '',
  );
  return lines.join('\n');
}

function loadNote(results: BenchResults): string {
  const loads = Object.values(results.sizes)
    .flatMap((r) => [r.validate, r.synth, r.singleTenant])
    .concat(results.variants.map((v) => v.synth))
    .map((m) => m.loadAverage)
    .filter((l): l is number => typeof l === 'number');
  if (loads.length === 0) return '';
  const lo = Math.min(...loads);
  const hi = Math.max(...loads);
  return `1-minute load average when runs started: ${lo}-${hi} on ${results.machine.nproc} vCPU${hi > results.machine.nproc ? ' (other work shared the machine, so wall times are inflated; CPU time is the steadier figure)' : ''}.`;
}

/** Every run's wall time, in the order taken: "24.7, 23.1, 25.0 s; 21.3, 20.9, 21.0 s". */
function runs(floor: FloorResult): string {
  const list = (ms: readonly number[] | undefined) =>
    ms && ms.length > 0 ? `${ms.map((m) => (m / 1000).toFixed(1)).join(', ')} s` : '-';
  return `${list(floor.samples?.estateMs)}; ${list(floor.samples?.floorMs)}`;
}
