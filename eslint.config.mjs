// ESLint (flat config): typescript-eslint's recommended rules (syntax-only — the
// type-checked set is left out for speed on small CI machines; `npm run typecheck` does
// the type checking), React's hook rules, Microsoft's Office add-in rules
// (eslint-plugin-office-addins, what office-addin-lint runs) on the pane, and the
// boundaries the tsconfigs draw (addin/ ⟂ server/, kernel/ self-contained, Office.js
// only in the Word adapter). Formatting is Prettier's (`prettier --check`), so
// eslint-config-prettier comes last and switches off every stylistic rule.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import officeAddins from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Office.js's global namespaces: only the Word adapter (and the sign-in dialog page) may use them. */
const OFFICE_GLOBALS = ['Office', 'Word', 'OfficeExtension'];
const OFFICE_ONLY_IN_HOST = 'Office.js is used only in the Word adapter (addin/src/host/); go through DocumentHost or host/environment.ts.';

/** The Office add-in rules of eslint-plugin-office-addins' recommended set (its own config also bundles an older parser and Prettier-as-a-rule). */
const officeAddinRules = Object.fromEntries(
  Object.entries(officeAddins.configs.recommended.at(-1).rules).filter(([name]) => name.startsWith('office-addins/')),
);

const importBan = (regex, message) => ({ regex, message });

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'test-artifacts/', 'node_modules/', 'test/fixtures/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // Plain JavaScript build and tooling files run on Node.
    files: ['**/*.{js,cjs,mjs}'],
    languageOptions: { globals: globals.node },
  },
  {
    // CommonJS files (webpack, jest, Prettier and dependency-cruiser configs) load modules with require().
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    rules: {
      // `_name` marks a parameter or binding kept on purpose (an interface's shape, a skipped tuple slot).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['addin/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    languageOptions: { globals: globals.browser },
    rules: {
      ...reactHooks.configs['recommended-latest'].rules,
      // These three check code for the React Compiler (React 19's automatic memoisation). The pane is
      // React 18 without the compiler, where reading a ref during render for a per-render value, a
      // hook mutating the objects it owns, and a state reset in an effect are valid. They stay on as
      // warnings (visible in every `npm run lint`) so the places are known when the compiler comes.
      'react-hooks/refs': 'warn',
      'react-hooks/immutability': 'warn',
      'react-hooks/set-state-in-effect': 'warn',
    },
  },
  {
    // The Office add-in rules know Office.js's load/sync protocol; elsewhere (the DOM's Selection in
    // BrowserHost, say) they mistake any `sel.x` for a proxy object read before context.sync().
    files: ['addin/src/host/WordHost.ts', 'addin/src/host/word/**/*.ts'],
    plugins: { 'office-addins': officeAddins },
    rules: officeAddinRules,
  },
  {
    // Office.js outside the Word adapter: a lint error (the addin tsconfig has office-js's types everywhere in the pane).
    files: ['addin/src/**/*.{ts,tsx}', 'server/**/*.ts', 'kernel/**/*.ts'],
    ignores: ['addin/src/host/**', 'addin/src/auth-dialog/**'],
    rules: {
      'no-restricted-globals': ['error', ...OFFICE_GLOBALS.map((name) => ({ name, message: OFFICE_ONLY_IN_HOST }))],
      'no-restricted-syntax': [
        'error',
        { selector: `TSQualifiedName[left.name=/^(${OFFICE_GLOBALS.join('|')})$/]`, message: OFFICE_ONLY_IN_HOST },
      ],
    },
  },
  {
    files: ['addin/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [importBan('(^|/)server(/|$)', 'The pane does not import relay code: share it through kernel/ (the wire contract).')] },
      ],
    },
  },
  {
    files: ['server/**/*.ts', 'manifest/**/*.ts', 'bench/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [importBan('(^|/)addin(/|$)', 'The relay does not import pane code: share it through kernel/.')] },
      ],
    },
  },
  {
    files: ['kernel/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            importBan('(^|/)(addin|server)(/|$)', 'The kernel depends on nothing of the pane or the relay.'),
            // Any bare specifier but zod: Node built-ins (fs, node:fs) and every other package.
            importBan(
              '^(?!zod(/|$))[^./]',
              'The kernel runs in the pane and the relay: among packages it imports only zod (no Node built-ins).',
            ),
          ],
        },
      ],
    },
  },
  {
    files: ['test/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
  },
  prettier,
);
