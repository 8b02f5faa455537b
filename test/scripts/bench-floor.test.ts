import { compareWithFloor, FloorRun, medianBy } from '../../scripts/bench/floor';
import { checkBudgets } from '../../scripts/bench/budgets';
import { SizeResult } from '../../scripts/bench/types';
import { Measurement } from '../../scripts/bench/measure';

const run = (wallMs: number, exitCode = 0): Measurement => ({
  command: 'node bin/app.ts',
  wallMs,
  peakRssMiB: 1000,
  loadAverage: 1,
  exitCode,
  method: 'time-v',
});
const floor = (wallMs: number, resources = 40_000, exitCode = 0): FloorRun => ({
  synth: run(wallMs, exitCode),
  resources,
});

test('medianBy takes the middle run, the lower middle of an even count', () => {
  expect(medianBy([30, 10, 20], (x) => x)).toBe(20);
  expect(medianBy([40, 10, 30, 20], (x) => x)).toBe(20);
});

test('the ratio comes from the medians, so one slow run each way does not move it', () => {
  const result = compareWithFloor(
    { stacks: 1000, resources: 40_000 },
    [run(24_000), run(37_000), run(26_000)],
    [floor(20_000), floor(12_000), floor(21_000)],
  )!;
  expect(result.msPerResource).toEqual({ estate: 0.65, floor: 0.5 });
  expect(result.ratio).toBe(1.3);
  expect(result.synth.wallMs).toBe(20_000);
  expect(result.samples).toEqual({ estateMs: [24_000, 37_000, 26_000], floorMs: [20_000, 12_000, 21_000] });
});

test('each side is divided by its own resource count', () => {
  const result = compareWithFloor({ stacks: 10, resources: 1000 }, [run(1000)], [floor(1000, 2000)])!;
  expect(result.msPerResource).toEqual({ estate: 1, floor: 0.5 });
  expect(result.ratio).toBe(2);
});

test('failed runs are left out, and with no floor run left there is no ratio', () => {
  const result = compareWithFloor(
    { stacks: 10, resources: 1000 },
    [run(1000), run(9000, 1)],
    [floor(500, 1000), floor(100, 1000, 1)],
  )!;
  expect(result.ratio).toBe(2);
  expect(compareWithFloor({ stacks: 10, resources: 1000 }, [run(1000)], [floor(100, 0, 1)])).toBeUndefined();
});

test('the budget holds the ratio at 1.5x for 250 and 1,000 tenants, and says what it compared', () => {
  const size = (tenants: number, ratio: number, floorMs: number) =>
    ({
      tenants,
      synth: run(20_000),
      singleTenant: { ...run(5000), tenant: 'R00' },
      floor: { ratio, msPerResource: { estate: 0.6, floor: floorMs } },
    }) as unknown as SizeResult;
  const checks = checkBudgets({ '250': size(250, 1.5, 0.4), '1000': size(1000, 1.51, 0.397) }).filter((c) =>
    c.name.includes('plain-CDK floor'),
  );
  expect(checks.map((c) => [c.name, c.verdict, c.measured])).toEqual([
    ['N=250 cost per synthesized resource vs the plain-CDK floor, same run', 'PASS', '1.50x (0.6 vs 0.4 ms)'],
    [
      'N=1000 cost per synthesized resource vs the plain-CDK floor, same run',
      'FAIL',
      '1.51x (0.6 vs 0.397 ms)',
    ],
  ]);
});

test('both single-tenant synths are held to 10 s at the largest size; a run without the base one says so', () => {
  const size = (tenants: number, againstBase?: number) =>
    ({
      tenants,
      synth: run(20_000),
      singleTenant: { ...run(6_000), tenant: 'R00' },
      ...(againstBase === undefined ? {} : { singleTenantAgainstBase: run(againstBase) }),
    }) as unknown as SizeResult;
  const single = (results: Record<string, SizeResult>) =>
    checkBudgets(results)
      .filter((c) => c.name.startsWith('single-tenant'))
      .map((c) => [c.name, c.verdict, c.measured]);
  expect(single({ '250': size(250, 99_000), '1000': size(1000, 4_500) })).toEqual([
    ['single-tenant synth (largest N measured, 1000)', 'PASS', '6.0 s'],
    ['single-tenant synth against a base (largest N measured, 1000)', 'PASS', '4.5 s'],
  ]);
  expect(single({ '1000': size(1000, 10_000) })[1][1]).toBe('FAIL');
  expect(single({ '1000': size(1000) })[1].slice(1)).toEqual(['NOT MEASURED', '-']);
});
