/**
 * Evaluate the proofreader on a K-NCT style JSONL file ({source, target, tagged, error_types}).
 *   npm run eval:proofread -- FILE.jsonl [--engine rules|model|all] [--pack P] [--dictionary]
 *                                       [--limit N] [--json] [--errors] [--oracle]
 * The sources are checked as one document (paragraph per source), then the targets, through
 * the relay's own proofreader (server/proofread/proofreader.ts): batching, prompt, schema,
 * anchoring and merge are what the relay ships.
 * --oracle (with --engine model): the model server is replaced by an oracle answering every
 * paragraph with its gold correction (server/cli/oracle.ts); `oracleRecall` (share of gold
 * edits that survive the pipeline) and `oraclePrecision` measure what the plumbing loses.
 * Runs the engine on every source and every target. The last output line is one JSON object
 * with precision, recall, f05, exactMatch, falseAlarmRate, sentences and byType at the engine's
 * default display threshold (--min-confidence, default DEFAULT_MIN_CONFIDENCE), plus `all`: the same
 * figures over every suggestion (threshold 0), and `byRule`: per rule/layer id, how many edits it
 * proposed on sources, how many of those were gold edits (each suggestion scored alone), its
 * precision, its confidence and how many clean targets it fired on. Inputs whose items carry a
 * `category` (common-errors sets) also get `byCategory`: per category, edit recall and precision.
 * Exit codes: 0 success, 1 runtime error, 2 usage error.
 */
import { readFileSync } from 'node:fs';
import { oneOf, parseCli, usageError } from './args';
import { createChecker, ENGINE_CHOICES, type Checker } from './checker';
import { createOracle, type Oracle } from './oracle';
import { loadConfig } from '../config';
import { EvalAccumulator, extractEdits, type EvalItem } from './eval-metrics';
import { DEFAULT_MIN_CONFIDENCE } from '../proofread/engine';
import { applyReplacements } from '../proofread/run-rules';
import { PACK_NAMES, type Suggestion } from '../proofread/types';

interface RuleStats {
  confidence: number;
  fired: number;
  correct: number;
  precision: number;
  targetAlarms: number;
}

const HELP = `Usage: npm run eval:proofread -- FILE.jsonl [--engine rules|model|all] [--pack P] [--dictionary] [--limit N] [--min-confidence X] [--json] [--errors] [--oracle]
  --oracle   with --engine model: an oracle model answers each paragraph with its gold correction (measures the pipeline)
Exit codes: 0 success, 1 runtime error, 2 usage error.`;

const CLI = {
  name: 'eval-proofread',
  help: HELP,
  options: {
    engine: { type: 'string', default: 'rules' },
    pack: { type: 'string', default: 'general' },
    dictionary: { type: 'boolean', default: false },
    limit: { type: 'string' },
    'min-confidence': { type: 'string' },
    json: { type: 'boolean', default: false },
    errors: { type: 'boolean', default: false },
    oracle: { type: 'boolean', default: false },
  },
} as const;
function usage(msg: string): never {
  return usageError(CLI, msg);
}

function readItems(file: string): EvalItem[] {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    usage(`cannot read ${file}: ${(e as Error).message}`);
  }
  return raw
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalItem);
}

interface Checked {
  /** Suggestions by paragraph id: `s<i>` for source i, `t<i>` for target i. */
  byParagraph: Map<string, Suggestion[]>;
  /** Paragraphs the model did not check. */
  unchecked: Set<string>;
}

/** One document of sources, one of targets: batched as the relay batches a document. */
async function checkItems(checker: Checker, items: readonly EvalItem[]): Promise<Checked> {
  const byParagraph = new Map<string, Suggestion[]>();
  const unchecked = new Set<string>();
  const checkAll = async (prefix: string, texts: string[]) => {
    const r = await checker.check(texts.map((text, i) => ({ id: `${prefix}${i}`, text })));
    for (const s of r.suggestions) {
      let list = byParagraph.get(s.paragraphId);
      if (!list) byParagraph.set(s.paragraphId, (list = []));
      list.push(s);
    }
    for (const u of r.unchecked) for (const id of u.paragraphIds) unchecked.add(id);
  };
  try {
    await checkAll(
      's',
      items.map((it) => it.source),
    );
    await checkAll(
      't',
      items.map((it) => it.target),
    );
  } finally {
    await checker.close();
  }
  return { byParagraph, unchecked };
}

interface Scores {
  /** Suggestions at or above the display threshold. */
  shown: EvalAccumulator;
  /** Every suggestion (threshold 0). */
  all: EvalAccumulator;
  byRule: Record<string, RuleStats>;
}

/** Scores every item; with `printErrors`, prints the items with a wrong edit or a target alarm. */
function scoreItems(items: readonly EvalItem[], checked: Checked, minConfidence: number, printErrors: boolean): Scores {
  const acc = new EvalAccumulator();
  const accAll = new EvalAccumulator();
  const byRule = new Map<string, RuleStats>();
  const stat = (s: Suggestion): RuleStats => {
    const id = s.ruleId ?? s.source;
    let st = byRule.get(id);
    if (!st) byRule.set(id, (st = { confidence: s.confidence, fired: 0, correct: 0, precision: 0, targetAlarms: 0 }));
    return st;
  };
  const shown = (list: Suggestion[]) => list.filter((s) => s.confidence >= minConfidence);
  for (const [i, item] of items.entries()) {
    const srcAll = checked.byParagraph.get(`s${i}`) ?? [];
    const tgtAll = checked.byParagraph.get(`t${i}`) ?? [];
    accAll.add(item, srcAll, tgtAll);
    const tgt = shown(tgtAll);
    const r = acc.add(item, shown(srcAll), tgt);
    const source = item.source.normalize('NFC');
    const gold = new Set(r.goldEdits.map((e) => `${e.start}:${e.end}:${e.text}`));
    for (const s of srcAll) {
      const edits = extractEdits(source, applyReplacements(source, [s]));
      if (!edits.length) continue;
      const st = stat(s);
      st.fired++;
      if (edits.every((e) => gold.has(`${e.start}:${e.end}:${e.text}`))) st.correct++;
    }
    for (const s of tgtAll) stat(s).targetAlarms++;
    if (printErrors && (r.tp < r.sysEdits.length || tgt.length)) {
      process.stdout.write(
        `#${item.id ?? i} sys=${JSON.stringify(r.sysEdits)} gold=${JSON.stringify(r.goldEdits)} targetAlarms=${tgt.map((s) => s.ruleId).join(',')}\n  ${item.source}\n  ${item.target}\n`,
      );
    }
  }
  const rules: Record<string, RuleStats> = {};
  for (const [id, st] of [...byRule].sort((a, b) => b[1].fired - a[1].fired || (a[0] < b[0] ? -1 : 1))) {
    rules[id] = { ...st, precision: st.fired ? Math.round((st.correct / st.fired) * 10000) / 10000 : 0 };
  }
  return { shown: acc, all: accAll, byRule: rules };
}

type Summary = ReturnType<EvalAccumulator['summary']>;

function printReport(shown: Summary, all: Summary, byRule: Record<string, RuleStats>, minConfidence: number): void {
  const line = (label: string, x: Summary) =>
    `${label}: system edits ${x.systemEdits}  correct ${x.truePositives}  precision ${x.precision}  recall ${x.recall}  F0.5 ${x.f05}  exact match ${x.exactMatch}  false-alarm rate ${x.falseAlarmRate}\n`;
  process.stdout.write(
    `sentences ${shown.sentences}  gold edits ${shown.goldEdits}\n` +
      line(`shown (confidence >= ${minConfidence})`, shown) +
      line('all suggestions', all) +
      Object.entries(shown.byCategory ?? {})
        .map(([c, x]) => `  category ${c.padEnd(20)} gold ${x.gold}  found ${x.found}  recall ${x.recall}  precision ${x.precision}\n`)
        .join('') +
      Object.entries(byRule)
        .map(
          ([id, r]) =>
            `  ${id.padEnd(44)} conf ${r.confidence}  fired ${r.fired}  correct ${r.correct}  precision ${r.precision}  target alarms ${r.targetAlarms}\n`,
        )
        .join(''),
  );
}

async function main(): Promise<void> {
  const parsed = parseCli(CLI);
  if (!parsed) return;
  const { values, positionals } = parsed;
  if (positionals.length !== 1) usage('expected one JSONL file');
  const engine = oneOf(CLI, 'engine', values.engine, ENGINE_CHOICES);
  const pack = oneOf(CLI, 'pack', values.pack, PACK_NAMES);
  let items = readItems(positionals[0]!);
  if (values.limit) items = items.slice(0, Number(values.limit));
  const minConfidence = values['min-confidence'] === undefined ? DEFAULT_MIN_CONFIDENCE : Number(values['min-confidence']);
  if (!(minConfidence >= 0 && minConfidence <= 1)) usage('--min-confidence must be within 0..1');
  if (values.oracle && engine !== 'model') usage('--oracle needs --engine model');
  const oracle: Oracle | undefined = values.oracle ? createOracle(items, loadConfig().LLM_CONTEXT_WINDOW) : undefined;
  const checker = await createChecker({
    engine,
    pack,
    dictionary: values.dictionary,
    minConfidence: 0,
    ...(oracle ? { complete: oracle.complete } : {}),
  });
  const t0 = performance.now();
  const checked = await checkItems(checker, items);
  const scores = scoreItems(items, checked, minConfidence, values.errors);
  const shown = scores.shown.summary();
  const all = scores.all.summary();
  const summary = {
    engine,
    pack,
    dictionary: values.dictionary,
    minConfidence,
    ms: Math.round(performance.now() - t0),
    ...shown,
    /** Paragraphs (sources + targets) the model did not check: never counted as clean. */
    unchecked: checked.unchecked.size,
    ...(oracle
      ? {
          oracle: true,
          oracleRecall: all.recall,
          oraclePrecision: all.precision,
          oracleRequests: oracle.stats.requests,
          oracleTruncated: oracle.stats.truncated,
          oracleDroppedBySchema: oracle.stats.droppedBySchema,
        }
      : {}),
    all: {
      systemEdits: all.systemEdits,
      truePositives: all.truePositives,
      precision: all.precision,
      recall: all.recall,
      f05: all.f05,
      exactMatch: all.exactMatch,
      falseAlarmRate: all.falseAlarmRate,
    },
    byRule: scores.byRule,
  };
  if (!values.json) printReport(shown, all, scores.byRule, minConfidence);
  process.stdout.write(JSON.stringify(summary) + '\n');
}

main().then(
  // the model client's sockets and timers must not keep the CLI alive
  () => process.exit(0),
  (e: Error) => {
    process.stderr.write(`eval-proofread: ${e.message}\n`);
    process.exit(1);
  },
);
