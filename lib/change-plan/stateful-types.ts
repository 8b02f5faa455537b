import { loadAwsServiceSpecSync } from '@aws-cdk/aws-service-spec';

/**
 * Resource types that hold data, as AWS's own resource specification says: every type
 * `@aws-cdk/aws-service-spec` marks `isStateful` (29 in the pinned version: buckets, keys, log
 * groups, queues, secrets, volumes, databases, caches, file systems, search domains...). The
 * CDK uses the same flag to warn about stateful resources without a removal policy. Read once
 * per process (the database takes under a second to load).
 */
let types: ReadonlySet<string> | undefined;

export function statefulTypes(): ReadonlySet<string> {
  types ??= new Set(
    loadAwsServiceSpecSync()
      .all('resource')
      .filter((r) => r.isStateful)
      .map((r) => r.cloudFormationType),
  );
  return types;
}
