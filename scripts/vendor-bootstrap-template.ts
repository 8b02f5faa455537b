/**
 * Copies the CDK CLI's bootstrap template (the pinned `aws-cdk` devDependency) into
 * lib/planners/landing-zone/cdk-bootstrap-template.json, where the organization stack's
 * bootstrap StackSet takes it from. Run after upgrading aws-cdk:
 *
 *   npx tsx scripts/vendor-bootstrap-template.ts
 *
 * test/patterns/landing-zone/bootstrap-stack-set.test.ts fails while the copy and the CLI differ.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installedBootstrapTemplate, VENDORED_TEMPLATE } from './vendor-bootstrap-template-source';

writeFileSync(
  join(__dirname, '..', VENDORED_TEMPLATE),
  `${JSON.stringify(installedBootstrapTemplate(), null, 2)}\n`,
);
console.log(`wrote ${VENDORED_TEMPLATE}`);
