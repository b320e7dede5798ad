/**
 * The import rules the tsconfigs and ESLint also draw, checked on the whole import graph
 * (test/architecture/dependencies.test.ts runs this; `npm run depcheck` by hand):
 * no cycles; the pane (addin/) and the relay (server/, with manifest/ and bench/) never
 * import each other; the kernel (kernel/) imports only itself and zod; the Word adapter
 * (host/WordHost.ts, host/word/) is reached only through DocumentHost — main.tsx alone
 * loads it. Type-only imports count (tsPreCompilationDeps).
 * @type {import('dependency-cruiser').IConfiguration}
 */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'Modules that import each other, directly or round a loop: split out what both need.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'pane-not-to-relay',
      severity: 'error',
      comment: 'The pane does not import relay code: share it through kernel/ (the wire contract).',
      from: { path: '^addin/' },
      to: { path: '^(server|manifest|bench)/' },
    },
    {
      name: 'relay-not-to-pane',
      severity: 'error',
      comment: 'The relay, its CLIs, the manifest generator and the benchmarks do not import pane code.',
      from: { path: '^(server|manifest|bench)/' },
      to: { path: '^addin/' },
    },
    {
      name: 'kernel-self-contained',
      severity: 'error',
      comment: 'The kernel runs in the pane and in the relay: it imports only kernel/ and zod (no Node built-ins, no DOM code).',
      from: { path: '^kernel/' },
      to: { pathNot: '^(kernel/|node_modules/zod/)' },
    },
    {
      name: 'word-adapter-behind-host',
      severity: 'error',
      comment: 'Office.js lives in the Word adapter; the rest of the pane reaches it through DocumentHost (only main.tsx loads it).',
      from: { path: '^addin/src/', pathNot: '^addin/src/(host/|main\\.tsx$)' },
      to: { path: '^addin/src/host/(WordHost\\.ts|word/)' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|coverage|test-artifacts)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
  },
};
