/**
 * Apply the offline rules' fixes to a document and write a new file.
 *   npm run fix -- FILE --out OUT [--mode tracked|direct] [--pack general|official|patent|contract]
 *                 [--min-confidence N] [--author NAME] [--json]
 * FILE: .hwpx, .hwp (direct only), .docx, .txt, .md. Never overwrites FILE. The last line
 * printed is one JSON object: {applied, skipped, mode, paragraphs, format, out, notesWritten}.
 * Findings without an automatic fix become Word comments in .docx; elsewhere they are counted
 * in `notes` (see --json output `notesReport`). Exit codes: 0 success, 1 runtime error, 2 usage error.
 */
import { existsSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DEFAULT_AUTHOR, DocumentError, formatOfName, openDocument, type DocumentEdit, type DocumentNote } from '../documents';
import { createChecker } from './checker';
import { PACK_NAMES } from '../proofread/types';
import { oneOf, parseCli, usageError } from './args';

const MODES = ['tracked', 'direct'] as const;

const HELP = `Usage: npm run fix -- FILE --out OUT [options]
  FILE                 .hwpx, .hwp, .docx, .txt or .md (never overwritten)
  --out OUT            the new file to write (same format)
  --mode M             tracked (default: 한글/Word tracked changes) | direct (.hwp: direct only)
  --pack P             general (default) | official | patent | contract
  --min-confidence N   only fixes with confidence >= N (0-1; default: the engine's display threshold)
  --author NAME        author of tracked changes and comments (default 쓰기)
  --json               print only the JSON summary line
  -h, --help           this help
Last line: {"applied":n,"skipped":[...],"mode":"tracked","paragraphs":n,...}
Exit codes: 0 success, 1 runtime error, 2 usage error.`;

const CLI = {
  name: 'fix',
  help: HELP,
  options: {
    out: { type: 'string' },
    mode: { type: 'string', default: 'tracked' },
    pack: { type: 'string', default: 'general' },
    'min-confidence': { type: 'string' },
    author: { type: 'string', default: DEFAULT_AUTHOR },
    json: { type: 'boolean', default: false },
  },
} as const;
function usage(msg: string): never {
  return usageError(CLI, msg);
}

function samePath(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  return existsSync(b) && realpathSync(a) === realpathSync(b);
}

async function main(): Promise<void> {
  const parsed = parseCli(CLI);
  if (!parsed) return;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) usage('expected exactly one FILE');
  const file = positionals[0]!;
  if (!values.out) usage('--out OUT is required');
  const out = values.out;
  if (!formatOfName(file)) usage(`unsupported file type: ${file}`);
  if (formatOfName(out) !== formatOfName(file)) usage('--out must have the same extension as FILE');
  if (!existsSync(file)) usage(`cannot read ${file}`);
  if (samePath(file, out)) usage('--out must not be the input file');
  const mode = oneOf(CLI, 'mode', values.mode, MODES);
  const pack = oneOf(CLI, 'pack', values.pack, PACK_NAMES);
  let minConfidence: number | undefined;
  if (values['min-confidence'] !== undefined) {
    minConfidence = Number(values['min-confidence']);
    if (!Number.isFinite(minConfidence) || minConfidence < 0 || minConfidence > 1) usage('--min-confidence expects a number from 0 to 1');
  }
  const author = values.author.trim() || DEFAULT_AUTHOR;

  const doc = await openDocument(new Uint8Array(readFileSync(file)), file);
  const check = await createChecker({ engine: 'rules', pack, ...(minConfidence === undefined ? {} : { minConfidence }) });
  const suggestions = (await check.check(doc.paragraphs.map((p) => ({ id: p.id, text: p.text })))).suggestions;
  await check.close();
  const edits: DocumentEdit[] = [];
  const notes: DocumentNote[] = [];
  for (const s of suggestions) {
    if (s.replacement === null) notes.push({ paragraphId: s.paragraphId, start: s.start, end: s.end, message: s.message });
    else edits.push({ paragraphId: s.paragraphId, start: s.start, end: s.end, replacement: s.replacement, message: s.message });
  }
  const result = await doc.apply(edits, notes, { mode, author, date: new Date().toISOString() });
  writeFileSync(out, result.bytes);
  const summary = {
    applied: result.applied,
    skipped: result.skipped,
    mode,
    paragraphs: doc.paragraphs.length,
    format: doc.format,
    out,
    notes: notes.length,
    notesWritten: result.notesWritten,
    ...(result.notesReport.length ? { notesReport: result.notesReport } : {}),
  };
  if (!values.json) {
    process.stdout.write(
      `${file} → ${out}: ${result.applied} fix(es) applied (${mode}), ${result.skipped.length} skipped, ${notes.length} finding(s) without a fix\n`,
    );
    for (const s of result.skipped) process.stdout.write(`  skipped ${s.paragraphId}:${s.start}-${s.end}: ${s.reason}\n`);
  }
  process.stdout.write(JSON.stringify(summary) + '\n');
}

main().catch((e: Error) => {
  process.stderr.write(`fix: ${e instanceof DocumentError ? `${e.code}: ` : ''}${e.message}\n`);
  process.exit(1);
});
