/**
 * bench:summary — summarise the Patent Act (≈153,000 characters) through mapReduceSummarize
 * against the fake OpenAI-compatible server (test/helpers/fake-llm.ts) over real HTTP with the
 * project's client: first token after 150 ms, then 40 tokens/s, ~200 tokens per summary.
 *
 * Reports calls, the largest prompt vs the 32,768-token window, concurrency, wall time vs the
 * ideal critical path for that concurrency, and prompt tokens vs document tokens.
 * The last line is one JSON object.
 *
 *   npm run bench:summary [-- --concurrency 4 --file path/to/doc.md]
 */
import fs from 'node:fs';
import path from 'node:path';
import { startFakeLlm, fakeTokens, type ChatBody } from '../test/helpers/fake-llm';
import { createOpenAiClient } from '../server/llm/client';
import { estimateTokens } from '../server/llm/tokens';
import { mapReduceSummarize } from '../server/generation/map-reduce';
import { loadPrompts, taskSpecSchema, type SummarizeSpec } from '../server/generation/prompts';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : def;
};

const CONTEXT_WINDOW = 32768;
const FIRST_TOKEN_MS = 150;
const TOKEN_MS = 25; // 40 tokens/s
const OUTPUT_TOKENS = 200;
const concurrency = Number(arg('concurrency', '4'));
const file = path.resolve(arg('file', path.join(__dirname, '../../shared/data/corpus/patent-act.md')));

/** A Korean summary-like reply of exactly `n` fake tokens. */
function replyOf(n: number, label: string): string {
  const line = `- ${label}: 특허 출원과 심사 절차, 권리의 효력과 침해에 대한 구제 수단을 정리함\n`;
  let s = '';
  while (fakeTokens(s).length < n) s += line;
  return fakeTokens(s).slice(0, n).join('');
}

async function main(): Promise<void> {
  const text = fs.readFileSync(file, 'utf8');
  const isReduce = (b: ChatBody) => (b.messages ?? []).some((m) => m.role === 'user' && m.content.includes('<part n='));
  const fake = await startFakeLlm({
    firstTokenDelayMs: FIRST_TOKEN_MS,
    tokenDelayMs: TOKEN_MS,
    contextWindow: CONTEXT_WINDOW,
    reply: (b) => replyOf(OUTPUT_TOKENS, isReduce(b) ? '통합 요약' : '부분 요약'),
  });
  const client = createOpenAiClient({ baseUrl: fake.url, model: 'exaone3.5:7.8b', timeoutMs: 60_000 });
  const prompts = loadPrompts();
  const spec = taskSpecSchema.parse({ task: 'summarize', length: 'short', form: 'bullets' }) as SummarizeSpec;

  let firstDeltaAt = 0;
  let streamed = '';
  const t0 = performance.now();
  const result = await mapReduceSummarize({
    text,
    spec,
    prompts,
    complete: (req) => client.chat(req),
    stream: (req, onDelta) => client.chatStream(req, onDelta),
    countTokens: estimateTokens,
    contextWindow: CONTEXT_WINDOW,
    concurrency,
    onDelta: (d) => {
      if (!firstDeltaAt) firstDeltaAt = performance.now() - t0;
      streamed += d;
    },
  });
  const wallMs = performance.now() - t0;
  await fake.close();

  // Ideal critical path with this concurrency and this number of calls: map calls in
  // ceil(n / c) waves, then each reduce level (its groups in parallel waves), the last streamed.
  const nonStreamed = FIRST_TOKEN_MS + TOKEN_MS * OUTPUT_TOKENS;
  const streamedCall = FIRST_TOKEN_MS + TOKEN_MS * (OUTPUT_TOKENS - 1);
  const maps = result.calls.filter((c) => c.phase === 'map').length;
  const reduces = result.calls.filter((c) => c.phase === 'reduce').length;
  const intermediate = Math.max(0, reduces - 1);
  const idealMs =
    result.mode === 'single'
      ? streamedCall
      : Math.ceil(maps / concurrency) * nonStreamed +
        (intermediate ? Math.ceil(intermediate / concurrency) * nonStreamed : 0) +
        streamedCall;

  const summary = {
    file: path.basename(file),
    characters: text.length,
    documentTokens: result.documentTokens,
    mode: result.mode,
    chunks: result.chunks,
    calls: result.calls.length,
    mapCalls: maps,
    reduceCalls: reduces,
    reduceLevels: result.reduceLevels,
    maxPromptTokens: result.maxPromptTokens,
    contextWindow: CONTEXT_WINDOW,
    concurrency,
    wallMs: Math.round(wallMs),
    idealMs,
    wallVsIdeal: Number((wallMs / idealMs).toFixed(3)),
    firstDeltaMs: Math.round(firstDeltaAt),
    promptTokens: result.promptTokens,
    promptTokensVsDocument: Number((result.promptTokens / result.documentTokens).toFixed(3)),
    truncated: result.truncated,
    streamedMatchesResult: streamed.trim() === result.text,
  };
  console.log(`document: ${summary.file}, ${summary.characters} chars, ~${summary.documentTokens} tokens (estimate)`);
  console.log(`calls: ${summary.calls} (${maps} map + ${reduces} reduce, ${result.reduceLevels} reduce level(s)), chunks ${result.chunks}`);
  console.log(`max prompt: ${summary.maxPromptTokens} tokens of a ${CONTEXT_WINDOW}-token window (+ output reserve)`);
  console.log(`wall: ${summary.wallMs} ms vs ideal ${idealMs} ms at concurrency ${concurrency} → ${summary.wallVsIdeal}× (target ≤ 1.1)`);
  console.log(
    `prompt tokens: ${summary.promptTokens} vs document ${summary.documentTokens} → ${summary.promptTokensVsDocument}× (target ≤ 1.3)`,
  );
  console.log(`first streamed text of the final summary after ${summary.firstDeltaMs} ms; truncated: ${summary.truncated}`);
  console.log(JSON.stringify(summary));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
