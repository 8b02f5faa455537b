import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

// The layer lint is only worth having if a wrong import fails it: lint probe sources in place
// (lintText with a path inside each layer) against the repo's own eslint.config.mjs. ESLint
// loads that ESM config with a dynamic import, which jest's VM cannot run, so one child node
// lints every probe at once.
const ROOT = join(__dirname, '..', '..');
const LINT_PROBES = `
import { ESLint } from 'eslint';
const probes = JSON.parse(process.argv[1]);
const eslint = new ESLint({ cwd: process.cwd() });
const out = [];
for (const [file, code] of probes) {
  const [result] = await eslint.lintText(code, { filePath: file });
  out.push(result.messages
    .filter((m) => m.ruleId === 'import-x/no-restricted-paths' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message));
}
process.stdout.write(JSON.stringify(out));
`;

const CONTEXT_READ =
  "import { App } from 'aws-cdk-lib';\nexport const t = new App().node.tryGetContext('tenant');\n";

const PROBES: ReadonlyArray<readonly [string, string]> = [
  ['lib/config/probe.ts', "export { EstateStack } from '../stacks/estate-stack';"],
  ['lib/planners/probe.ts', "export { SpokeVpc } from '../patterns/spoke-vpc/spoke-vpc';"],
  ['lib/stacks/probe.ts', "export { createApp } from '../app/create-app';"],
  ['lib/verify/probe.ts', "export { planSegmentation } from '../planners/segmentation/plan-segmentation';"],
  ['lib/net/probe.ts', "export { loadConfig } from '../config/load-config';"],
  ['lib/stacks/probe.ts', "export { planSpokeSubnets } from '../planners/spoke-subnets';"],
  ['lib/config/probe.ts', "export { parseCidr } from '../net/cidr';"],
  ['lib/verify/probe.ts', "export { loadConfig } from '../config/load-config';"],
  ['lib/stacks/probe.ts', CONTEXT_READ],
  ['lib/app/probe.ts', CONTEXT_READ],
];

let results: string[][];
beforeAll(() => {
  const output = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', LINT_PROBES, JSON.stringify(PROBES)],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  results = JSON.parse(output) as string[][];
}, 60_000);
const errorsOf = (index: number) => results[index];

describe('layer lint (docs/architecture.md, "The layers")', () => {
  it.each([
    [
      'lib/config/probe.ts',
      "export { EstateStack } from '../stacks/estate-stack';",
      'Unexpected path "../stacks/estate-stack" imported in restricted zone. lib/config may import only lib/net, lib/errors, lib/files, lib/terminal (docs/architecture.md, "The layers").',
    ],
    [
      'lib/planners/probe.ts',
      "export { SpokeVpc } from '../patterns/spoke-vpc/spoke-vpc';",
      'Unexpected path "../patterns/spoke-vpc/spoke-vpc" imported in restricted zone. lib/planners may import only lib/net, lib/errors, lib/files, lib/terminal, lib/config (docs/architecture.md, "The layers").',
    ],
    [
      'lib/stacks/probe.ts',
      "export { createApp } from '../app/create-app';",
      'Unexpected path "../app/create-app" imported in restricted zone. lib/stacks may import only lib/net, lib/errors, lib/files, lib/terminal, lib/config, lib/planners, lib/patterns (docs/architecture.md, "The layers").',
    ],
    [
      'lib/verify/probe.ts',
      "export { planSegmentation } from '../planners/segmentation/plan-segmentation';",
      'Unexpected path "../planners/segmentation/plan-segmentation" imported in restricted zone. lib/verify may import only lib/net, lib/errors, lib/files, lib/terminal, lib/config (docs/architecture.md, "The layers").',
    ],
    [
      'lib/net/probe.ts',
      "export { loadConfig } from '../config/load-config';",
      'Unexpected path "../config/load-config" imported in restricted zone. lib/net may import only no other folder of ours (docs/architecture.md, "The layers").',
    ],
  ])('%s: a wrong import fails', (file, code, message) => {
    const index = PROBES.findIndex(([f, c]) => f === file && c === code);
    expect(errorsOf(index)).toEqual([message]);
  });

  it.each([
    ['lib/stacks/probe.ts', "export { planSpokeSubnets } from '../planners/spoke-subnets';"],
    ['lib/config/probe.ts', "export { parseCidr } from '../net/cidr';"],
    ['lib/verify/probe.ts', "export { loadConfig } from '../config/load-config';"],
  ])('%s: an import the rule allows passes', (file, code) => {
    const index = PROBES.findIndex(([f, c]) => f === file && c === code);
    expect(errorsOf(index)).toEqual([]);
  });

  it('CDK context is read in lib/app only', () => {
    expect(errorsOf(8)).toEqual(['Read CDK context once, in lib/app, and pass the value down as a prop.']);
    expect(errorsOf(9)).toEqual([]);
  });
});
