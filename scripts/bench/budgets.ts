import { completed, Measurement } from './measure';
import { SizeResult } from './types';

export interface BudgetCheck {
  readonly name: string;
  readonly limit: string;
  readonly measured: string;
  readonly verdict: 'PASS' | 'FAIL' | 'NOT MEASURED';
}

const MIB_PER_GIB = 1024;

/** The scale budgets from the project's scale issue, checked against whatever sizes were measured. */
export function checkBudgets(results: Readonly<Record<string, SizeResult>>): BudgetCheck[] {
  const at = (n: number) => results[String(n)];
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const check = (
    name: string,
    limit: string,
    value: number | undefined,
    max: number,
    show: (v: number) => string,
  ) =>
    ({
      name,
      limit,
      measured: value === undefined ? '-' : show(value),
      verdict: value === undefined ? 'NOT MEASURED' : value < max ? 'PASS' : 'FAIL',
    }) satisfies BudgetCheck;
  const ok = (m?: Measurement) => (m && completed(m) ? m.wallMs : m ? Infinity : undefined);
  const largest = Object.values(results).sort((a, b) => b.tenants - a.tenants)[0];
  return [
    check('validate 1,000 tenant files', '< 2 s', ok(at(1000)?.validate), 2000, seconds),
    check('N=250 full synth time', '< 60 s', ok(at(250)?.synth), 60_000, seconds),
    check(
      'N=250 full synth peak RSS',
      '< 3 GiB',
      at(250) && completed(at(250)!.synth) ? at(250)!.synth.peakRssMiB : undefined,
      3 * MIB_PER_GIB,
      (v) => `${(v / MIB_PER_GIB).toFixed(2)} GiB`,
    ),
    check('N=1000 full synth time', '< 4 min', ok(at(1000)?.synth), 240_000, seconds),
    ...[250, 1000].map((size) =>
      check(
        `N=${size} cost per synthesized resource vs the plain-CDK floor, same run`,
        '≤ 1.5x',
        at(size)?.floor?.ratio,
        1.5 + 1e-9,
        (v) =>
          `${v.toFixed(2)}x (${at(size)!.floor!.msPerResource.estate} vs ${at(size)!.floor!.msPerResource.floor} ms)`,
      ),
    ),
    check(
      `single-tenant synth (largest N measured${largest ? `, ${largest.tenants}` : ''})`,
      '< 10 s',
      ok(largest?.singleTenant),
      10_000,
      seconds,
    ),
    check(
      `single-tenant synth against a base (largest N measured${largest ? `, ${largest.tenants}` : ''})`,
      '< 10 s',
      ok(largest?.singleTenantAgainstBase),
      10_000,
      seconds,
    ),
  ];
}
