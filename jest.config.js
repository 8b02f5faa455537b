/**
 * Transpile only: type-checking runs once, separately, with `tsc --noEmit`. ts-jest transpiles
 * each file alone (`transpileModule`) because tsconfig.json sets `isolatedModules: true`; its
 * own `isolatedModules` option is deprecated.
 */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  // End-to-end runs (`*.e2e.test.ts`: the docs' examples, `nhs-cloud check`, `plan` over git
  // worktrees) spawn synths of their own; they run as their own step (jest.e2e.config.js).
  testPathIgnorePatterns: ['/node_modules/', '\\.e2e\\.test\\.ts$'],
  transform: {
    '^.+\\.ts$': ['ts-jest', { diagnostics: false }],
  },
  setupFiles: ['<rootDir>/test/support/jest-env.ts'],
  setupFilesAfterEnv: ['aws-cdk-lib/testhelpers/jest-autoclean'],
  testTimeout: 60000,
  // Suites are CPU-bound synths and the main process only schedules them: one worker per core
  // (jest's default leaves one core idle; 127 s instead of about 240 s on 2 cores).
  maxWorkers: '100%',
};
