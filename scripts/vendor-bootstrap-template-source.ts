import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

/** Where the copy lives, relative to the repository root. */
export const VENDORED_TEMPLATE = 'lib/planners/landing-zone/cdk-bootstrap-template.json';

/** The bootstrap template the installed CDK CLI would deploy (`cdk bootstrap --show-template`), as JSON. */
export function installedBootstrapTemplate(): unknown {
  const file = join(
    __dirname,
    '..',
    'node_modules',
    'aws-cdk',
    'lib',
    'api',
    'bootstrap',
    'bootstrap-template.yaml',
  );
  return parse(readFileSync(file, 'utf8'));
}
