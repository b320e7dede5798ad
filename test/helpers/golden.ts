/**
 * Golden prompt files (test/fixtures/prompts/<name>.json): the rendered prompt together with the
 * version of the prompt file it came from. A prompt that changes while its file's `version`
 * stays the same fails — also under UPDATE_GOLDEN=1, so a golden cannot be refreshed without
 * bumping the version. A missing golden fails (never created during a run); UPDATE_GOLDEN=1
 * writes new and changed (version-bumped) goldens deliberately.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface GoldenOptions {
  dir: string;
  /** Write new / version-bumped goldens (UPDATE_GOLDEN=1). */
  update: boolean;
}

export function checkGolden(name: string, version: string, value: unknown, o: GoldenOptions): void {
  const file = path.join(o.dir, `${name}.json`);
  const text = JSON.stringify({ version, prompt: value }, null, 2) + '\n';
  if (!fs.existsSync(file)) {
    if (!o.update) throw new Error(`missing golden file ${file}: write it deliberately with UPDATE_GOLDEN=1`);
    fs.writeFileSync(file, text);
    return;
  }
  const stored = fs.readFileSync(file, 'utf8');
  if (stored === text) return;
  let old: { version?: unknown; prompt?: unknown } = {};
  try {
    old = JSON.parse(stored) as typeof old;
  } catch {
    /* an unreadable golden is a changed golden */
  }
  const samePrompt = JSON.stringify(old.prompt) === JSON.stringify(value);
  if (!samePrompt && old.version === version) {
    throw new Error(`prompt '${name}' changed but its prompt file's version is still ${version}: bump "version" in server/prompts/*.json`);
  }
  if (o.update) {
    fs.writeFileSync(file, text);
    return;
  }
  throw new Error(
    samePrompt
      ? `golden ${file}: version ${String(old.version)} → ${version} with the same prompt; refresh it with UPDATE_GOLDEN=1`
      : `prompt '${name}' (version ${version}) differs from its golden (version ${String(old.version)}); if deliberate, refresh with UPDATE_GOLDEN=1`,
  );
}
