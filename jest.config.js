/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: false }],
  },
  testTimeout: 30000,
  // A skipped test must be listed with its reason in test/skips.json; under CI=true an unlisted one fails the run.
  reporters: ['default', '<rootDir>/test/setup/skip-guard-reporter.cjs'],
  maxWorkers: 2,
};
