/**
 * Benchmark of the offline layers over ../shared/data/corpus/patent-act.md (lines = paragraphs).
 *   npm run bench:rules [-- FILE] [--runs N] [--pack P]
 * Last line: one JSON object {file, pack, chars, paragraphs, ms, msFirst, msGeneral, msWithDictionary,
 * msWithDictionaryFirst, charsPerSec, peakRssMb, hunspellMs, ...}:
 *  - ms / msGeneral: median over --runs (after one warm-up) of the rules with `pack` / the general pack only;
 *  - msFirst: the very first call with `pack` (cold JIT);
 *  - msWithDictionaryFirst: rules + dictionary, first call in the process (empty per-token memo);
 *  - msWithDictionary: rules + dictionary, median of later calls (memo warm: a server checking
 *    the same document again, or any text made of already-seen words);
 *  - hunspellMs: Hunspell spell() alone over every Hangul token (no memo), for reference.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createEngineSync } from '../server/proofread/engine';
import { loadHunspell } from '../server/proofread/dictionary';
import type { PackName } from '../server/proofread/types';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { runs: { type: 'string', default: '7' }, pack: { type: 'string', default: 'patent' } },
  });
  const file = positionals[0] ?? path.join(__dirname, '..', '..', 'shared', 'data', 'corpus', 'patent-act.md');
  const text = readFileSync(file, 'utf8').normalize('NFC');
  const paragraphs = text.split('\n').map((t, i) => ({ id: String(i), text: t }));
  const chars = text.length;
  const runs = Math.max(1, Number(values.runs));
  const pack = values.pack as PackName;
  let peak = process.memoryUsage().rss;
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss));

  const time = (fn: () => unknown): number => {
    fn(); // warm-up
    const ts: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      fn();
      ts.push(performance.now() - t0);
      sample();
    }
    return median(ts);
  };

  const rulesOnly = createEngineSync(null);
  let found = 0;
  const all = { pack, minConfidence: 0 };
  let t0 = performance.now();
  rulesOnly.check(paragraphs, all);
  const msFirst = performance.now() - t0;
  const ms = time(() => (found = rulesOnly.check(paragraphs, all).length));
  const msGeneral = time(() => rulesOnly.check(paragraphs, { pack: 'general', minConfidence: 0 }));

  const spell = await loadHunspell();
  sample();
  const withDict = createEngineSync(spell);
  let foundDict = 0;
  t0 = performance.now();
  withDict.check(paragraphs, all);
  const msDictFirst = performance.now() - t0;
  const msDict = time(() => (foundDict = withDict.check(paragraphs, all).length));

  // reference: Hunspell alone over every Hangul token of the text (memo-free)
  const tokens = text.match(/[가-힣]+/g) ?? [];
  const hunspellMs = time(() => {
    let bad = 0;
    for (const t of tokens) if (!spell.spell(t)) bad++;
    return bad;
  });
  sample();

  const result = {
    file: path.basename(file),
    pack,
    chars,
    paragraphs: paragraphs.length,
    runs,
    ms: Math.round(ms * 10) / 10,
    msFirst: Math.round(msFirst * 10) / 10,
    msGeneral: Math.round(msGeneral * 10) / 10,
    charsPerSec: Math.round(chars / (ms / 1000)),
    suggestions: found,
    msWithDictionary: Math.round(msDict * 10) / 10,
    msWithDictionaryFirst: Math.round(msDictFirst * 10) / 10,
    charsPerSecWithDictionary: Math.round(chars / (msDict / 1000)),
    suggestionsWithDictionary: foundDict,
    hunspellMs: Math.round(hunspellMs * 10) / 10,
    hunspellTokens: tokens.length,
    peakRssMb: Math.round((peak / 1048576) * 10) / 10,
  };
  process.stdout.write(
    `rules (${pack} pack) ${result.ms} ms (first call ${result.msFirst} ms, ${result.charsPerSec} chars/s); general pack ${result.msGeneral} ms; ` +
      `with dictionary ${result.msWithDictionary} ms (first call ${result.msWithDictionaryFirst} ms); hunspell alone ${result.hunspellMs} ms\n`,
  );
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((e: Error) => {
  process.stderr.write(`bench:rules: ${e.message}\n`);
  process.exit(1);
});
