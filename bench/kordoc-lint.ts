/**
 * Side by side with the field's anchor: kordoc's 공문서 표기법 lint (lintGongmunText — the
 * function behind `kordoc lint`) and Sseugi's official pack (offline rules, pack official),
 * on the same paragraphs: every .hwpx in ../shared/data/hwpx (extracted by server/documents)
 * and ../shared/data/corpus/admin-work-regulation.md (lines).
 *   npm run bench:kordoc-lint [-- --examples]
 * A kordoc finding and one of ours "overlap" when they are in the same paragraph and kordoc's
 * matched text overlaps our span. Last line: one JSON object {files:[{file, paragraphs, kordoc,
 * sseugi, overlap, kordocRules, sseugiRules}], totals}.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openDocument } from '../server/documents';
import { kordoc } from '../server/documents/kordoc';
import { createEngineSync } from '../server/proofread/engine';

const DATA = path.join(__dirname, '..', '..', 'shared', 'data');

interface Span {
  paragraph: number;
  start: number;
  end: number;
  rule: string;
  text: string;
}

function count(xs: string[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[x] = (out[x] ?? 0) + 1;
  return Object.fromEntries(Object.entries(out).sort((a, b) => b[1] - a[1]));
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { examples: { type: 'boolean', default: false } } });
  const engine = createEngineSync(null);
  const inputs: { file: string; paragraphs: string[] }[] = [];
  for (const f of readdirSync(path.join(DATA, 'hwpx')).sort()) {
    const doc = await openDocument(new Uint8Array(readFileSync(path.join(DATA, 'hwpx', f))), f);
    inputs.push({ file: `hwpx/${f}`, paragraphs: doc.paragraphs.map((p) => p.text) });
  }
  inputs.push({
    file: 'corpus/admin-work-regulation.md',
    paragraphs: readFileSync(path.join(DATA, 'corpus', 'admin-work-regulation.md'), 'utf8').split('\n'),
  });

  const files = [];
  const totals = { paragraphs: 0, kordoc: 0, sseugi: 0, overlap: 0 };
  for (const { file, paragraphs } of inputs) {
    // kordoc lints text line by line; one paragraph per line keeps line numbers = paragraph indexes.
    const lines = paragraphs.map((p) => p.replace(/[\n\t]/g, ' '));
    const theirs: Span[] = kordoc.lintGongmunText(lines.join('\n')).map((f) => {
      const paragraph = f.line - 1;
      const start = Math.max(0, lines[paragraph]?.indexOf(f.match) ?? -1);
      return { paragraph, start, end: start + f.match.length, rule: f.rule, text: f.match };
    });
    const ours: Span[] = engine
      .check(
        paragraphs.map((text, i) => ({ id: String(i), text })),
        { pack: 'official' },
      )
      .map((s) => ({ paragraph: Number(s.paragraphId), start: s.start, end: s.end, rule: s.ruleId ?? s.category, text: s.original }));
    const overlaps = (a: Span, b: Span) => a.paragraph === b.paragraph && a.start < b.end && b.start < a.end;
    const both = theirs.filter((t) => ours.some((o) => overlaps(t, o)));
    const row = {
      file,
      paragraphs: paragraphs.length,
      kordoc: theirs.length,
      sseugi: ours.length,
      overlap: both.length,
      kordocRules: count(theirs.map((t) => t.rule)),
      sseugiRules: count(ours.map((o) => o.rule)),
      ...(values.examples
        ? {
            onlyKordoc: theirs
              .filter((t) => !ours.some((o) => overlaps(t, o)))
              .slice(0, 8)
              .map((t) => `${t.rule}: ${t.text}`),
            onlySseugi: ours
              .filter((o) => !theirs.some((t) => overlaps(t, o)))
              .slice(0, 8)
              .map((o) => `${o.rule}: ${o.text}`),
          }
        : {}),
    };
    files.push(row);
    totals.paragraphs += row.paragraphs;
    totals.kordoc += row.kordoc;
    totals.sseugi += row.sseugi;
    totals.overlap += row.overlap;
  }
  process.stdout.write(JSON.stringify({ kordocVersion: kordoc.VERSION, files, totals }) + '\n');
}

main().catch((e: Error) => {
  process.stderr.write(`bench:kordoc-lint: ${e.message}\n`);
  process.exit(1);
});
