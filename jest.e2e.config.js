/**
 * The end-to-end tests (`*.e2e.test.ts`): each runs whole commands, git and `cdk synth` in child
 * processes, so they run apart from the unit suite (`npm run test:e2e`, a step of .ci/run and
 * pr.yml) and one at a time: their children already use both cores.
 */
const unit = require('./jest.config');

module.exports = {
  ...unit,
  testMatch: ['**/*.e2e.test.ts'],
  testPathIgnorePatterns: ['/node_modules/'],
  maxWorkers: 1,
  testTimeout: 300000,
};
