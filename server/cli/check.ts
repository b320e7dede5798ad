/**
 * Proofread a text file from the command line.
 *   npm run check -- FILE [--engine rules|model|all] [--pack general|official|patent|contract]
 *                         [--dictionary] [--json]
 * The model engines check through the relay's own proofreader (server/proofread/proofreader.ts).
 * `--json` adds `unchecked` (0-based paragraph numbers) when the model left paragraphs unchecked.
 * FILE '-' reads stdin. Each line is a paragraph; .hwpx/.hwp/.docx files are read through
 * server/documents (rows then also carry paragraphId and location). Exit codes: 0 success (with or without
 * findings), 1 runtime error (e.g. LLM endpoint unreachable), 2 usage error.
 */
import { oneOf, parseCli, usageError } from './args';
import { createChecker, ENGINE_CHOICES } from './checker';
import { PACK_NAMES } from '../proofread/types';
import { DocumentError } from '../documents';
import { readCheckInput, type CheckInput } from './read-input';

const HELP = `Usage: npm run check -- FILE [options]
  FILE                 text file, or - for stdin; each line is a paragraph
                       .hwpx / .hwp / .docx: the document's paragraphs (body, headings, table cells)
  --engine E           rules (default) | model | all   (model/all use the relay's settings and defaults:
                       LLM_BASE_URL, LLM_MODEL, LLM_API_KEY, LLM_CONTEXT_WINDOW, PROMPTS_DIR, SSEUGI_CONFIG)
  --pack P             general (default) | official | patent | contract
  --dictionary         also run the Hunspell dictionary layer (off by default: lower precision)
  --json               print {"suggestions":[...]} (paragraph is 0-based; offsets are UTF-16 into NFC text)
  -h, --help           this help
Exit codes: 0 success (findings or not), 1 runtime error, 2 usage error.`;

const CLI = {
  name: 'check',
  help: HELP,
  options: {
    engine: { type: 'string', default: 'rules' },
    pack: { type: 'string', default: 'general' },
    dictionary: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
} as const;
function usage(msg: string): never {
  return usageError(CLI, msg);
}

async function main(): Promise<void> {
  const parsed = parseCli(CLI);
  if (!parsed) return;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) usage('expected exactly one FILE (or -)');
  const engine = oneOf(CLI, 'engine', values.engine, ENGINE_CHOICES);
  const pack = oneOf(CLI, 'pack', values.pack, PACK_NAMES);
  const file = positionals[0]!;
  let source: CheckInput;
  try {
    source = await readCheckInput(file);
  } catch (e) {
    if (e instanceof DocumentError) throw new Error(`${file}: ${e.message}`);
    usage(`cannot read ${file}: ${(e as Error).message}`);
  }
  const { paragraphs, document } = source;
  const checker = await createChecker({ engine, pack, dictionary: values.dictionary });
  let result;
  try {
    result = await checker.check(paragraphs);
  } finally {
    await checker.close();
  }
  const { suggestions } = result;
  const unchecked = result.unchecked
    .flatMap((u) => u.paragraphIds.map((id) => paragraphs.findIndex((p) => p.id === id)))
    .filter((i) => i >= 0)
    .sort((a, b) => a - b);
  const rows = suggestions.map((s) => ({
    paragraph: Number(s.paragraphId),
    start: s.start,
    end: s.end,
    original: s.original,
    replacement: s.replacement,
    category: s.category,
    rule: s.rule ?? null,
    ruleId: s.ruleId ?? null,
    message: s.message,
    source: s.source,
    // Documents (.hwpx/.hwp/.docx): `paragraph` indexes the extracted list; here is where it is.
    ...(document
      ? { paragraphId: document.paragraphs[Number(s.paragraphId)]!.id, location: document.paragraphs[Number(s.paragraphId)]!.location }
      : {}),
  }));
  if (values.json) {
    process.stdout.write(JSON.stringify({ suggestions: rows, ...(unchecked.length ? { unchecked } : {}) }) + '\n');
    return;
  }
  for (const r of rows) {
    const fix = r.replacement === null ? '(no automatic fix)' : `→ "${r.replacement}"`;
    // line:column, both 1-based as editors count them (the column range is inclusive; --json keeps 0-based offsets)
    const cols = r.end > r.start ? `${r.start + 1}-${r.end}` : `${r.start + 1}`;
    process.stdout.write(
      `${r.paragraph + 1}:${cols} [${r.category}] "${r.original}" ${fix}  ${r.message}${r.rule ? ` (${r.rule})` : ''} <${r.source}>\n`,
    );
  }
  if (unchecked.length) {
    process.stderr.write(`${unchecked.length} paragraph(s) not checked by the model: ${unchecked.map((n) => n + 1).join(', ')}\n`);
  }
  if (!rows.length) process.stderr.write(unchecked.length ? 'no findings in the checked paragraphs\n' : 'no findings\n');
}

main().then(
  // the model client's sockets and timers must not keep the CLI alive
  () => process.exit(0),
  (e: Error) => {
    process.stderr.write(`check: ${e.message}\n`);
    process.exit(1);
  },
);
