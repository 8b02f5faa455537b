import { runSimulation } from '@cloud-copilot/iam-simulate';

type StatementAnalysis = NonNullable<
  NonNullable<
    Extract<Awaited<ReturnType<typeof runSimulation>>, { resultType: 'single' }>['result']['analysis']
  >['resourceAnalysis']
>['unmatchedStatements'][number];
import { EstateModel } from '../../config/model';
import { landingZoneOf } from '../../config/schema/landing-zone-schema';
import { DeployStack, ProofResult, Violation } from '../types';
import { LogBucket, LogKey, readBuckets } from './destinations';
import { trailCopyChecks, TrailCopyCheck } from './trail-log-group';
import { findWriters, LogWriter } from './writers';

interface Check {
  readonly action: string;
  readonly resource: string;
  readonly resourceAccount: string;
  readonly policy: unknown;
  readonly policySource: string;
  readonly context: Record<string, string>;
}

/** Where the organization ID is not in config, a stand-in that no policy names. */
const NO_ORGANIZATION = 'o-notinconfig';

/**
 * Log delivery: every log writer has a destination in the assembly whose bucket policy, and
 * key policy, let it write there, with the object key the service really writes (prefix
 * included) and the source account and organization it really sends. Evaluated by
 * @cloud-copilot/iam-simulate with the writer's own identity policies for a role that
 * delivers as itself (a cross-account write needs both sides).
 */
export async function proveLogDelivery(
  stacks: readonly DeployStack[],
  model: EstateModel,
): Promise<ProofResult> {
  const lz = landingZoneOf(model.estate);
  const organizationId = lz.organizationId ?? NO_ORGANIZATION;
  const writers = findWriters(stacks, {
    management: model.estate.organization.accounts.management,
    organizationId,
  });
  const buckets = readBuckets(stacks);
  const violations: Violation[] = [];
  const decided = new Map<string, Promise<string | undefined>>();
  let checked = 0;
  for (const writer of writers) {
    const bucket = buckets.get(writer.bucket);
    if (!bucket) {
      violations.push({
        proof: 'log-delivery',
        where: writer.source,
        message: `${writer.kind} writes to bucket ${writer.bucket}, which no stack in the assembly creates`,
        witness: `destination ${writer.bucket}`,
      });
      continue;
    }
    for (const check of checksOf(writer, bucket)) {
      checked++;
      const key = JSON.stringify(
        [writer.principal, check, writer.identityPolicies].map((v) => anon(v, writer.account)),
      );
      if (!decided.has(key)) decided.set(key, evaluate(writer, check));
      const problem = await decided.get(key)!;
      if (problem)
        violations.push({
          proof: 'log-delivery',
          where: writer.source,
          message: `${writer.kind} of account ${writer.account} cannot ${check.action} ${check.resource}: ${problem}`,
          witness: check.policySource,
        });
    }
  }
  // The organization trail's CloudWatch Logs copy, for the guardrail alarms (ADR 0026).
  const copies = trailCopyChecks(stacks, organizationId);
  for (const gap of copies.gaps)
    violations.push({
      proof: 'log-delivery',
      where: gap.source,
      message: `organization trail ${gap.message}`,
      witness: gap.witness,
    });
  for (const check of copies.checks) {
    checked++;
    const problem = await simulate(check);
    if (problem)
      violations.push({
        proof: 'log-delivery',
        where: check.source,
        message: `organization trail's CloudWatch Logs copy: ${check.principal} cannot ${check.action} ${check.resource}: ${problem}`,
        witness: check.witness,
      });
  }
  return {
    proof: 'log-delivery',
    title: 'Log delivery: every writer may write to its destination',
    checked,
    violations: collapse(violations),
    notModelled: lz.organizationId ? {} : { 'organization ID (landingZone.organizationId is not set)': 1 },
  };
}

function checksOf(writer: LogWriter, bucket: LogBucket): Check[] {
  const tls = { 'aws:SecureTransport': 'true', 's3:TlsVersion': '1.3' };
  const onBucket = (action: string, resource: string, extra: Record<string, string> = {}): Check => ({
    action,
    resource,
    resourceAccount: bucket.account,
    policy: bucket.policy ?? { Version: '2012-10-17', Statement: [] },
    policySource: bucket.policySource ?? `${bucket.source} (no bucket policy)`,
    context: { ...writer.context, ...tls, ...extra },
  });
  const checks = [
    onBucket('s3:GetBucketAcl', `arn:aws:s3:::${bucket.name}`),
    onBucket('s3:PutObject', `arn:aws:s3:::${bucket.name}/${writer.objectKey}log.gz`, {
      's3:x-amz-acl': 'bucket-owner-full-control',
    }),
  ];
  const onKey = (key: LogKey, context: Record<string, string>): Check => ({
    action: 'kms:GenerateDataKey',
    resource: key.arn,
    resourceAccount: key.arn.split(':')[4]!,
    policy: key.policy,
    policySource: key.source,
    context,
  });
  if (writer.ownKey) checks.push(onKey(writer.ownKey, { ...writer.context, ...writer.keyContext }));
  else if (bucket.key)
    checks.push(
      onKey(bucket.key, {
        ...writer.context,
        'kms:ViaService': `s3.${writer.region}.amazonaws.com`,
        'kms:CallerAccount': writer.account,
      }),
    );
  return checks;
}

/**
 * iam-simulate 0.1.173 drops a request's `kms:EncryptionContext:<key>` when `<key>` has colons
 * (`aws:cloudtrail:arn`): it matches variable keys at a `/` only. Renaming the key the same way
 * in the policy and the request to a form it keeps (`aws:RequestTag/kms-context.<key>`) leaves
 * every string comparison as it was.
 */
function encryptionContextAsTag<T>(value: T): T {
  return JSON.parse(
    JSON.stringify(value).replace(
      /"kms:EncryptionContext:([^"]+)"/gi,
      (_m, key: string) => `"aws:RequestTag/kms-context.${key.replaceAll(':', '.')}"`,
    ),
  ) as T;
}

function evaluate(writer: LogWriter, check: Check): Promise<string | undefined> {
  return simulate({
    principal: writer.principal,
    action: check.action,
    resource: check.resource,
    resourceAccount: check.resourceAccount,
    context: check.context,
    resourcePolicy: check.policy,
    identityPolicies: writer.identityPolicies,
  });
}

type Request = Pick<
  TrailCopyCheck,
  'principal' | 'action' | 'resource' | 'resourceAccount' | 'context' | 'resourcePolicy' | 'identityPolicies'
>;

/** Why the request is refused, or undefined when it is allowed. */
async function simulate(request: Request): Promise<string | undefined> {
  const result = await runSimulation(
    {
      request: {
        principal: request.principal,
        action: request.action,
        resource: { resource: request.resource, accountId: request.resourceAccount },
        contextVariables: encryptionContextAsTag({ ...request.context }),
      },
      identityPolicies: request.identityPolicies.map((policy, i) => ({ name: `identity-${i}`, policy })),
      serviceControlPolicies: [],
      resourceControlPolicies: [],
      resourcePolicy:
        request.resourcePolicy === undefined ? undefined : encryptionContextAsTag(request.resourcePolicy),
    },
    {},
  );
  if (result.resultType === 'error') return `not evaluated (${JSON.stringify(result.errors).slice(0, 300)})`;
  if (result.overallResult === 'Allowed') return undefined;
  if (result.resultType !== 'single') return result.overallResult;
  const analysis = result.result.analysis;
  const denied = analysis?.resourceAnalysis?.denyStatements?.[0];
  if (denied) return `denied by ${sidOf(denied.statement)}`;
  if (request.resourcePolicy !== undefined && analysis?.resourceAnalysis?.result !== 'Allowed')
    return `no statement of the ${policyKind(request.action)} policy allows it${nearest(analysis?.resourceAnalysis?.unmatchedStatements ?? [])}`;
  return `${request.principal}'s own policies do not allow it`;
}

const policyKind = (action: string) =>
  action.startsWith('kms') ? 'key' : action.startsWith('sts') ? 'trust' : 'bucket';

/** The statement that grants this action to this principal elsewhere, so a wrong prefix or condition shows. */
function nearest(unmatched: readonly StatementAnalysis[]): string {
  const close = unmatched.find(
    (u) => u.explain.effect === 'Allow' && u.actionMatch && u.principalMatch === 'Match',
  );
  if (!close) return '';
  const resources = [close.explain.resources ?? []].flat().map((r) => r.resource);
  const why = close.resourceMatch ? 'its conditions do not hold' : `it covers ${resources.join(', ')}`;
  return ` (closest: ${close.explain.identifier}, but ${why})`;
}

function sidOf(statement: unknown): string {
  return (statement as { Sid?: string }).Sid ?? JSON.stringify(statement).slice(0, 200);
}

function anon(value: unknown, account: string): unknown {
  return JSON.parse(JSON.stringify(value ?? null).replaceAll(account, 'ACCOUNT'));
}

/** The same problem in many accounts is one violation that says how many. */
function collapse(violations: Violation[]): Violation[] {
  const groups = new Map<string, { first: Violation; count: number }>();
  for (const v of violations) {
    const account = /account (\d{12})/.exec(v.message)?.[1];
    const key = JSON.stringify([
      v.where.replace(/^[^/]+/, ''),
      account ? v.message.replaceAll(account, 'X') : v.message,
      v.witness,
    ]);
    const group = groups.get(key) ?? { first: v, count: 0 };
    group.count++;
    groups.set(key, group);
  }
  return [...groups.values()].map(({ first, count }) =>
    count === 1 ? first : { ...first, message: `${first.message} (and the same in ${count - 1} more)` },
  );
}
