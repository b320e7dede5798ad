/**
 * A jest reporter: no test hides by skipping itself. Every skipped (pending/todo) test must
 * be listed in test/skips.json with its reason; under CI=true an unlisted skip fails the run
 * (getLastError makes jest exit non-zero), elsewhere it is printed as a warning.
 * Jest has no built-in "fail on skipped" option, hence these few lines.
 */
const fs = require('node:fs');
const path = require('node:path');

const SKIPPED = new Set(['pending', 'todo', 'skipped', 'disabled']);

/** The tests in `results` that did not run, as { file (relative, /-separated), test (full name) }. */
function skippedTests(results, rootDir) {
  const out = [];
  for (const file of results.testResults) {
    const rel = path.relative(rootDir, file.testFilePath).split(path.sep).join('/');
    for (const a of file.testResults) {
      if (SKIPPED.has(a.status)) out.push({ file: rel, test: a.fullName });
    }
  }
  return out;
}

/** The skipped tests that test/skips.json does not list (with a non-empty reason). */
function unlistedSkips(skipped, listed) {
  const allowed = new Set(listed.filter((s) => typeof s.reason === 'string' && s.reason.trim()).map((s) => `${s.file}\u0000${s.test}`));
  return skipped.filter((s) => !allowed.has(`${s.file}\u0000${s.test}`));
}

function readListed(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8')).skips;
}

class SkipGuardReporter {
  constructor(globalConfig, options = {}) {
    this.rootDir = options.rootDir ?? globalConfig.rootDir;
    this.listFile = options.listFile ?? path.join(this.rootDir, 'test', 'skips.json');
    this.ci = options.ci ?? process.env.CI === 'true';
    this.error = undefined;
  }

  onRunComplete(_contexts, results) {
    const unlisted = unlistedSkips(skippedTests(results, this.rootDir), readListed(this.listFile));
    if (!unlisted.length) return;
    const lines = unlisted.map((s) => `  ${s.file} › ${s.test}`).join('\n');
    const what = `${unlisted.length} skipped test(s) not listed in ${path.relative(this.rootDir, this.listFile)} with a reason:\n${lines}`;
    if (this.ci) {
      this.error = new Error(`CI: ${what}`);
      process.stderr.write(`\n${this.error.message}\n`);
    } else {
      process.stderr.write(`\nWarning (fails under CI=true): ${what}\n`);
    }
  }

  getLastError() {
    return this.error;
  }
}

module.exports = SkipGuardReporter;
module.exports.skippedTests = skippedTests;
module.exports.unlistedSkips = unlistedSkips;
