/**
 * Benchmark of the offline layers over ../shared/data/corpus/patent-act.md (lines = paragraphs).
 *   npm run bench:rules [-- FILE] [--runs N] [--pack P]
 * Last line: one JSON object {chars, paragraphs, ms, msWithDictionary, charsPerSec, peakRssMb, hunspellMs, ...}.
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
  const ms = time(() => (found = rulesOnly.check(paragraphs, { pack }).length));

  const spell = await loadHunspell();
  sample();
  const withDict = createEngineSync(spell);
  let foundDict = 0;
  const msDict = time(() => (foundDict = withDict.check(paragraphs, { pack }).length));

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
    charsPerSec: Math.round(chars / (ms / 1000)),
    suggestions: found,
    msWithDictionary: Math.round(msDict * 10) / 10,
    charsPerSecWithDictionary: Math.round(chars / (msDict / 1000)),
    suggestionsWithDictionary: foundDict,
    hunspellMs: Math.round(hunspellMs * 10) / 10,
    hunspellTokens: tokens.length,
    peakRssMb: Math.round((peak / 1048576) * 10) / 10,
  };
  process.stdout.write(`rules ${result.ms} ms (${result.charsPerSec} chars/s); with dictionary ${result.msWithDictionary} ms; hunspell alone ${result.hunspellMs} ms\n`);
  process.stdout.write(JSON.stringify(result) + '\n');
}

main().catch((e: Error) => {
  process.stderr.write(`bench:rules: ${e.message}\n`);
  process.exit(1);
});
