/**
 * The layer rule of docs/architecture.md as data: each folder under lib/ may import only the
 * folders listed for it (and itself). eslint.config.mjs turns this into
 * `import-x/no-restricted-paths` zones, so a wrong import fails `npm run lint` in CI.
 */
const base = ['net', 'errors', 'files', 'terminal'];

/** folder under lib/ -> the lib/ folders it may import. */
export const LAYERS = {
  // Base utilities: import nothing of ours.
  net: [],
  errors: [],
  files: [],
  terminal: [],
  // How we talk to AWS on the wire (time limits, answers checked to be the service's): shared by
  // lib/aws and the Lambda handlers, so it imports nothing of ours.
  'aws-wire': [],
  // Lambda handler code runs in AWS, bundled alone.
  handlers: ['aws-wire'],
  // config -> plan -> constructs -> stacks -> app
  config: [...base],
  planners: [...base, 'config'],
  patterns: [...base, 'config', 'planners'],
  stacks: [...base, 'config', 'planners', 'patterns'],
  nag: [...base, 'config', 'planners'],
  app: [...base, 'config', 'planners', 'patterns', 'stacks', 'nag', 'security-review'],
  // After synthesis: read cdk.out and the stated intent in config, never the planners' reading of it.
  verify: [...base, 'config'],
  // Deploy proofs: cdk.out and config, never the planners (docs/deploy-proofs.md).
  'deploy-proofs': [...base, 'config'],
  'security-review': [...base, 'config', 'nag'],
  // Tools over config and plans.
  'capacity-report': [...base, 'config', 'planners'],
  diagram: [...base, 'config', 'planners'],
  generator: [...base, 'config', 'planners'],
  onboarding: [...base, 'config', 'planners'],
  'change-plan': [...base, 'config', 'security-review'],
  aws: [...base, 'aws-wire', 'config', 'planners', 'verify'],
  // The CLI may call any library layer, but never the CDK app itself.
  cli: [
    ...base,
    'config',
    'planners',
    'verify',
    'deploy-proofs',
    'security-review',
    'capacity-report',
    'diagram',
    'generator',
    'onboarding',
    'change-plan',
    'aws',
  ],
};

/** `import-x/no-restricted-paths` zones: for every layer, every lib/ folder it may not import. */
export function layerZones() {
  const folders = Object.keys(LAYERS);
  const zones = [];
  for (const [layer, allowed] of Object.entries(LAYERS)) {
    const forbidden = folders.filter((f) => f !== layer && !allowed.includes(f));
    zones.push({
      target: `./lib/${layer}`,
      from: [...forbidden.map((f) => `./lib/${f}`), './bin', './scripts', './test'],
      message: `lib/${layer} may import only ${allowed.length ? allowed.map((a) => `lib/${a}`).join(', ') : 'no other folder of ours'} (docs/architecture.md, "The layers").`,
    });
  }
  return zones;
}
