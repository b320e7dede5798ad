/**
 * ESLint repeats the tsconfig boundaries (eslint.config.mjs): Office.js only in the Word
 * adapter, the pane and the relay apart, the kernel self-contained. Each case lints a
 * snippet as if it were the named file (ESLint's lintText; run in a child process because
 * the flat config is an ES module, which jest's CommonJS sandbox cannot import).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.join(__dirname, '../..');

interface Case {
  file: string;
  code: string;
}

/** The rule ids ESLint reports for each case, in order. */
function lintRules(cases: Case[]): string[][] {
  const script = `
    const { ESLint } = require('eslint');
    (async () => {
      const eslint = new ESLint({ cwd: process.cwd() });
      const cases = JSON.parse(process.argv[1]);
      const out = [];
      for (const c of cases) {
        const [r] = await eslint.lintText(c.code, { filePath: c.file });
        out.push(r.messages.map((m) => m.ruleId ?? 'fatal: ' + m.message));
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const r = spawnSync(process.execPath, ['-e', script, JSON.stringify(cases)], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`eslint failed: ${r.stderr}`);
  return JSON.parse(r.stdout) as string[][];
}

const OFFICE_VALUE = 'export const lang = Office.context.displayLanguage;\n';
const WORD_VALUE = 'export const run = () => Word.run(async () => undefined);\n';
const OFFICE_TYPE = 'export let dialog: Office.Dialog | undefined;\n';

describe('lint boundaries', () => {
  let results: string[][];
  const cases: Record<string, Case> = {
    officeInUi: { file: 'addin/src/ui/Panel.ts', code: OFFICE_VALUE },
    wordInUi: { file: 'addin/src/ui/Panel.ts', code: WORD_VALUE },
    officeTypeInUi: { file: 'addin/src/ui/Panel.ts', code: OFFICE_TYPE },
    officeInServer: { file: 'server/routes/x.ts', code: OFFICE_VALUE },
    officeInHost: { file: 'addin/src/host/word/x.ts', code: OFFICE_VALUE + WORD_VALUE + OFFICE_TYPE },
    paneImportsRelay: {
      file: 'addin/src/ui/Panel.ts',
      code: "import type { Suggestion } from '../../server/proofread/types';\nexport type S = Suggestion;\n",
    },
    relayImportsPane: {
      file: 'server/routes/x.ts',
      code: "import { pickLanguage } from '../../addin/src/i18n/strings';\nexport const p = pickLanguage;\n",
    },
    kernelImportsNode: {
      file: 'kernel/edits/x.ts',
      code: "import { readFileSync } from 'node:fs';\nimport path from 'path';\nexport const k = [readFileSync, path];\n",
    },
    kernelImportsOthers: {
      file: 'kernel/edits/x.ts',
      code: "import { useState } from 'react';\nimport { ApplyMode } from '../../addin/src/host/DocumentHost';\nexport const k: [unknown, ApplyMode | null] = [useState, null];\n",
    },
    kernelImportsZodAndItself: {
      file: 'kernel/contract/x.ts',
      code: "import { z } from 'zod';\nimport { y } from './y';\nexport const k = [z, y];\n",
    },
  };
  beforeAll(() => {
    results = lintRules(Object.values(cases));
  }, 60_000);
  const rulesOf = (name: string) => results[Object.keys(cases).indexOf(name)];

  it('Office and Word, as values or types, are errors outside addin/src/host/ and fine inside it', () => {
    expect(rulesOf('officeInUi')).toEqual(['no-restricted-globals']);
    expect(rulesOf('wordInUi')).toEqual(['no-restricted-globals']);
    expect(rulesOf('officeTypeInUi')).toEqual(['no-restricted-syntax']);
    expect(rulesOf('officeInServer')).toEqual(['no-restricted-globals']);
    expect(rulesOf('officeInHost')).toEqual([]);
  });

  it('the pane and the relay do not import each other', () => {
    expect(rulesOf('paneImportsRelay')).toEqual(['no-restricted-imports']);
    expect(rulesOf('relayImportsPane')).toEqual(['no-restricted-imports']);
  });

  it('the kernel imports only itself and zod', () => {
    expect(rulesOf('kernelImportsNode')).toEqual(['no-restricted-imports', 'no-restricted-imports']);
    expect(rulesOf('kernelImportsOthers')).toEqual(['no-restricted-imports', 'no-restricted-imports']);
    expect(rulesOf('kernelImportsZodAndItself')).toEqual([]);
  });
});
