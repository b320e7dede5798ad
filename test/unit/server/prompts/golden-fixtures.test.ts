/**
 * The golden prompt files themselves (test/fixtures/prompts): every prompt file has at least one
 * golden, and every golden names a prompt file and carries that file's current version — so a
 * golden no test checks any more cannot linger with a stale version.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadPrompts, PROMPT_TASKS, type PromptTask } from '../../../../server/generation/prompts';

const DIR = path.join(__dirname, '../../../fixtures/prompts');
const prompts = loadPrompts();
const goldens = fs
  .readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -'.json'.length));

/** The prompt file a golden belongs to: the longest task name its own name starts with. */
function taskOf(name: string): PromptTask | undefined {
  return [...PROMPT_TASKS].sort((a, b) => b.length - a.length).find((t) => name === t || name.startsWith(`${t}-`));
}

test('every prompt file has a golden', () => {
  const covered = new Set(goldens.map(taskOf));
  expect(PROMPT_TASKS.filter((t) => !covered.has(t))).toEqual([]);
});

test.each(goldens)('golden %s names a prompt file and carries its current version', (name) => {
  const task = taskOf(name);
  expect(task).toBeDefined();
  const golden = JSON.parse(fs.readFileSync(path.join(DIR, `${name}.json`), 'utf8')) as { version?: unknown; prompt?: unknown };
  expect(golden.version).toBe(prompts.files[task!].version);
  expect(golden.prompt).toBeDefined();
});
