import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

interface Step {
  readonly uses?: string;
  readonly with?: Record<string, unknown>;
}
interface Job {
  readonly 'timeout-minutes'?: number;
  readonly steps?: readonly Step[];
}

const workflow = parse(
  readFileSync(join(__dirname, '..', '..', '.github', 'workflows', 'deploy.yml'), 'utf8'),
) as { jobs: Record<string, Job> };

describe('deploy workflow credentials', () => {
  // Regression (issue 13): configure-aws-credentials gives one hour unless told otherwise,
  // while a tenant wave may run for three.
  const credentialed = Object.entries(workflow.jobs).flatMap(([name, job]) =>
    (job.steps ?? [])
      .filter((s) => s.uses?.startsWith('aws-actions/configure-aws-credentials'))
      .filter((s) => String(s.with?.['role-to-assume']).includes('DEPLOY_ROLE_ARN'))
      .map((s) => [name, job, s] as const),
  );

  it('finds the deploying steps', () => {
    expect(credentialed.length).toBeGreaterThan(0);
  });

  it.each(credentialed.map(([name, job, step]) => [name, job, step]))(
    '%s keeps its credentials for longer than the job can run',
    (_name, job, step) => {
      const seconds = Number(step.with?.['role-duration-seconds'] ?? 3600);
      expect(seconds).toBeGreaterThanOrEqual((job['timeout-minutes'] ?? 360) * 60);
    },
  );
});

describe('SARIF uploads', () => {
  // Issue 14: continue-on-error hid failed uploads; forks are skipped by condition instead.
  it.each(['pr.yml', 'security-review.yml'])('%s fails loudly when the upload fails', (file) => {
    const wf = parse(readFileSync(join(__dirname, '..', '..', '.github', 'workflows', file), 'utf8')) as {
      jobs: Record<string, { steps?: (Step & { 'continue-on-error'?: unknown; if?: string })[] }>;
    };
    const uploads = Object.values(wf.jobs)
      .flatMap((j) => j.steps ?? [])
      .filter((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'));
    expect(uploads.length).toBeGreaterThan(0);
    for (const step of uploads) {
      expect(step['continue-on-error']).toBeUndefined();
      expect(step.if).toContain('head.repo.full_name == github.repository');
    }
  });
});
