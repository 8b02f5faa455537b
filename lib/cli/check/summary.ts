import { CheckScope } from './check-scope';
import { PhaseOutcome } from './phases';

export interface PhaseRecord extends PhaseOutcome {
  readonly name: string;
  readonly seconds: number;
}

const MARK = { pass: 'ok', fail: 'FAILED', skip: 'skipped' } as const;

/**
 * The one summary `check` prints: a line per phase, then each failure with its output and
 * the next step, then the verdict.
 *
 *   nhs-cloud check: RAJ, against origin/main (branched at 1a2b3c4)
 *     lint      ok        0.9 s  2 changed files pass prettier
 *     ...
 *   All 7 checks passed in 21.3 s. Next: commit the changed files and open a pull request.
 */
export function formatCheckSummary(
  scope: CheckScope,
  records: readonly PhaseRecord[],
  seconds: number,
): string {
  const tenants = scope.tenants.length ? scope.tenants.join(', ') : 'no tenant file changed';
  const against = scope.base
    ? `against ${scope.base.ref} (branched at ${scope.base.commit.slice(0, 7)})`
    : `with no base (${scope.noBase})`;
  const lines = [`nhs-cloud check: ${tenants}, ${against}`];
  for (const r of records)
    lines.push(
      `  ${r.name.padEnd(9)} ${MARK[r.status].padEnd(7)} ${r.seconds.toFixed(1).padStart(5)} s  ${r.summary}`,
    );
  const failed = records.filter((r) => r.status === 'fail');
  const skipped = records.filter((r) => r.status === 'skip');
  const total = `${seconds.toFixed(1)} s`;
  if (failed.length === 0) {
    const passed = records.length - skipped.length;
    const skips = skipped.length
      ? ` (${skipped.map((r) => r.name).join(', ')} skipped: ${skipped[0].summary.replace(/^skipped: /, '')})`
      : '';
    lines.push(
      '',
      `${passed === records.length ? `All ${passed}` : `${passed} of ${records.length}`} checks passed in ${total}${skips}.`,
      'Next: commit the changed files and open a pull request; CI runs the same checks.',
    );
    return lines.join('\n');
  }
  lines.push('', `${failed.length} of ${records.length} checks failed in ${total}:`);
  for (const r of failed) {
    lines.push('', `${r.name}: ${r.summary}`);
    if (r.detail) lines.push(...r.detail.split('\n').map((l) => `    ${l}`));
    if (r.next) lines.push(`  Next: ${r.next}`);
  }
  if (skipped.length) lines.push('', `Skipped until those pass: ${skipped.map((r) => r.name).join(', ')}.`);
  return lines.join('\n');
}
