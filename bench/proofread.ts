/**
 * bench:proofread — the whole Patent Act (≈153,000 characters, one paragraph a line)
 * proofread through the relay's POST /api/proofread (real HTTPS relay, model layer on,
 * upstream concurrency 8) against the fake model server at a realistic speed: first
 * token after 150 ms, then 40 tokens/s, a JSON reply with few edits. Reports wall time
 * against the ideal for that concurrency; then one paragraph is edited and the document
 * re-checked: prompt tokens of the re-check against the full run.
 * The last line is one JSON object.
 *
 *   npm run bench:proofread [-- --concurrency 8 --file path/to/doc.md]
 */
import fs from 'node:fs';
import path from 'node:path';
import { fakeTokens, startFakeLlm, type ChatBody } from '../test/helpers/fake-llm';
import { parseSse, postJson, startTestRelay } from '../test/helpers/relay';
import { estimateTokens } from '../server/llm/tokens';

const arg = (name: string, def: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 && process.argv[i + 1] ? process.argv[i + 1]! : def;
};
const FIRST_TOKEN_MS = 150;
const TOKEN_MS = 25; // 40 tokens/s
const concurrency = Number(arg('concurrency', '8'));
const file = path.resolve(arg('file', path.join(__dirname, '../../shared/data/corpus/patent-act.md')));

/** EXAONE-like answer: every paragraph id, an edit for about one paragraph in twenty. */
function reply(body: ChatBody): string {
  const user = body.messages?.find((m) => m.role === 'user')?.content ?? '';
  let payload: { paragraphs: Array<{ id: string; text: string }> } = { paragraphs: [] };
  try {
    payload = JSON.parse(user.slice(user.indexOf('{')));
  } catch {
    /* no paragraphs */
  }
  const results = payload.paragraphs.map((p, i) => {
    const m = i % 20 === 0 ? /(\S+)\s+수\s/.exec(p.text) : null;
    return { id: p.id, edits: m ? [{ original: m[0].trim(), corrected: m[0].trim(), reason: '띄어쓰기' }] : [] };
  });
  return JSON.stringify({ results });
}

const promptTokensOf = (requests: ChatBody[]) =>
  requests.reduce((n, r) => n + (r.messages ?? []).reduce((m, msg) => m + estimateTokens(msg.content), 0), 0);

async function main(): Promise<void> {
  const doc = fs.readFileSync(file, 'utf8').normalize('NFC');
  const paragraphs = doc.split('\n').map((text, i) => ({ id: `p${i}`, text }));
  const fake = await startFakeLlm({ reply, firstTokenDelayMs: FIRST_TOKEN_MS, tokenDelayMs: TOKEN_MS });
  const relay = await startTestRelay({
    LLM_BASE_URL: fake.url,
    LLM_CONCURRENCY: String(concurrency),
    LOG_LEVEL: 'warn',
    MAX_TEXT_CHARS: '1000000',
    MAX_BODY_BYTES: '5000000',
  });
  try {
    const t0 = performance.now();
    const full = parseSse((await postJson(relay, '/api/proofread', { paragraphs, options: { pack: 'general' } })).body);
    const wallMs = performance.now() - t0;
    const fullRequests = [...fake.requests];
    if (full.at(-1)?.event !== 'done') throw new Error(`full run did not finish: ${JSON.stringify(full.at(-1))}`);
    // The fake's time per call is deterministic: first token + one step per output token.
    const durations = fullRequests.map((r) => FIRST_TOKEN_MS + TOKEN_MS * fakeTokens(reply(r)).length);
    const ideal = Math.max(durations.reduce((a, b) => a + b, 0) / concurrency, Math.max(...durations));
    const fullTokens = promptTokensOf(fullRequests);

    // Edit one paragraph and check the whole document again.
    const target = paragraphs.findIndex((p) => p.text.length > 80);
    const edited = paragraphs.map((p, i) => (i === target ? { ...p, text: p.text.replace('한다', '하여야 한다') } : p));
    fake.requests.length = 0;
    const t1 = performance.now();
    const re = parseSse((await postJson(relay, '/api/proofread', { paragraphs: edited, options: { pack: 'general' } })).body);
    const recheckMs = performance.now() - t1;
    const recheckTokens = promptTokensOf(fake.requests);
    const done = re.at(-1)?.data as { fromCache?: number } | undefined;

    const result = {
      chars: doc.length,
      paragraphs: paragraphs.length,
      concurrency,
      calls: fullRequests.length,
      wallMs: Math.round(wallMs),
      idealMs: Math.round(ideal),
      wallVsIdeal: Number((wallMs / ideal).toFixed(3)),
      fullPromptTokens: fullTokens,
      recheckCalls: fake.requests.length,
      recheckPromptTokens: recheckTokens,
      recheckMs: Math.round(recheckMs),
      recheckFromCache: done?.fromCache ?? null,
      recheckTokensVsFull: Number((recheckTokens / fullTokens).toFixed(5)),
    };
    console.log(
      `proofread ${result.paragraphs} paragraphs (${result.chars} chars) in ${result.calls} model calls at concurrency ${concurrency}`,
    );
    console.log(`wall ${result.wallMs} ms vs ideal ${result.idealMs} ms = ${result.wallVsIdeal}x (target <= 1.15)`);
    console.log(
      `re-check after a one-paragraph edit: ${result.recheckCalls} call(s), ${recheckTokens} prompt tokens vs ${fullTokens} = ${(result.recheckTokensVsFull * 100).toFixed(3)}% (target <= 1%)`,
    );
    console.log(JSON.stringify(result));
  } finally {
    await relay.close();
    await fake.close();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
