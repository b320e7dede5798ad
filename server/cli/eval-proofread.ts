/**
 * Evaluate the proofreader on a K-NCT style JSONL file ({source, target, tagged, error_types}).
 *   npm run eval:proofread -- FILE.jsonl [--engine rules|model|all] [--pack P] [--dictionary]
 *                                       [--limit N] [--json] [--errors]
 * Runs the engine on every source and every target. The last output line is one JSON object
 * with precision, recall, f05, exactMatch, falseAlarmRate, sentences and byType.
 * Exit codes: 0 success, 1 runtime error, 2 usage error.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createChecker, ENGINE_CHOICES, type EngineChoice } from '../proofread/checker';
import { EvalAccumulator, type EvalItem } from '../proofread/eval-metrics';
import { PACK_NAMES, type PackName } from '../proofread/types';

const HELP = `Usage: npm run eval:proofread -- FILE.jsonl [--engine rules|model|all] [--pack P] [--dictionary] [--limit N] [--json] [--errors]
Exit codes: 0 success, 1 runtime error, 2 usage error.`;

function usage(msg: string): never {
  process.stderr.write(`eval-proofread: ${msg}\n${HELP}\n`);
  process.exit(2);
}

async function main(): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        engine: { type: 'string', default: 'rules' },
        pack: { type: 'string', default: 'general' },
        dictionary: { type: 'boolean', default: false },
        limit: { type: 'string' },
        json: { type: 'boolean', default: false },
        errors: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (e) {
    usage((e as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help) {
    process.stdout.write(HELP + '\n');
    return;
  }
  if (positionals.length !== 1) usage('expected one JSONL file');
  const engine = values.engine as EngineChoice;
  if (!ENGINE_CHOICES.includes(engine)) usage(`unknown engine '${values.engine}'`);
  const pack = values.pack as PackName;
  if (!PACK_NAMES.includes(pack)) usage(`unknown pack '${values.pack}'`);
  let raw: string;
  try {
    raw = readFileSync(positionals[0]!, 'utf8');
  } catch (e) {
    usage(`cannot read ${positionals[0]}: ${(e as Error).message}`);
  }
  let items: EvalItem[] = raw
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as EvalItem);
  if (values.limit) items = items.slice(0, Number(values.limit));
  const check = await createChecker({ engine, pack, dictionary: values.dictionary });
  const acc = new EvalAccumulator();
  const t0 = performance.now();
  for (const [i, item] of items.entries()) {
    const src = await check([{ id: 's', text: item.source }]);
    const tgt = await check([{ id: 't', text: item.target }]);
    const r = acc.add(item, src, tgt);
    if (values.errors && (r.tp < r.sysEdits.length || tgt.length)) {
      process.stdout.write(
        `#${item.id ?? i} sys=${JSON.stringify(r.sysEdits)} gold=${JSON.stringify(r.goldEdits)} targetAlarms=${tgt.map((s) => s.ruleId).join(',')}\n  ${item.source}\n  ${item.target}\n`,
      );
    }
  }
  const summary = { engine, pack, dictionary: values.dictionary, ms: Math.round(performance.now() - t0), ...acc.summary() };
  if (!values.json) {
    process.stdout.write(
      `sentences ${summary.sentences}  gold edits ${summary.goldEdits}  system edits ${summary.systemEdits}  correct ${summary.truePositives}\n` +
        `precision ${summary.precision}  recall ${summary.recall}  F0.5 ${summary.f05}  exact match ${summary.exactMatch}  false-alarm rate ${summary.falseAlarmRate}\n`,
    );
  }
  process.stdout.write(JSON.stringify(summary) + '\n');
}

main().catch((e: Error) => {
  process.stderr.write(`eval-proofread: ${e.message}\n`);
  process.exit(1);
});
