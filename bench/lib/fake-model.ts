/**
 * The fake model server as its own process for benchmarks (so its work does not share
 * a CPU queue with the load generator): first token after ~150 ms, ~40 tokens/s per
 * stream, 150–400 tokens per answer (EXAONE summary lengths), picked from the prompt
 * so every target sees the same lengths; a prompt holding `[one-token]` gets a one-token
 * answer (bench:relay's per-request cost level). Prints `{"url": ...}` once listening.
 */
import { fakeTokens, startFakeLlm, type ChatBody } from '../../test/helpers/fake-llm';

const FIRST_TOKEN_MS = Number(process.env.BENCH_FIRST_TOKEN_MS ?? 150);
const TOKEN_MS = Number(process.env.BENCH_TOKEN_MS ?? 25);
const SENTENCE = '이 문서는 회의에서 논의한 예산과 일정, 담당자 배정을 정리한 것입니다. ';
const UNIT = fakeTokens(SENTENCE).length;

/** 150–400 tokens, from a number in the prompt (`#n`), deterministic per request index. */
export function answerTokens(n: number): number {
  return 150 + ((n * 7919) % 251);
}

function reply(body: ChatBody): string {
  const text = body.messages?.map((m) => m.content).join('\n') ?? '';
  const n = Number(/#(\d+)/.exec(text)?.[1] ?? 0);
  const want = text.includes('[one-token]') ? 1 : answerTokens(n);
  const tokens = fakeTokens(SENTENCE.repeat(Math.ceil(want / UNIT) + 1)).slice(0, want);
  return tokens.join('');
}

void (async () => {
  const fake = await startFakeLlm({ firstTokenDelayMs: FIRST_TOKEN_MS, tokenDelayMs: TOKEN_MS, reply });
  // Do not keep every request body for the whole run.
  setInterval(() => (fake.requests.length = 0), 1000).unref();
  process.stdout.write(JSON.stringify({ url: fake.url, port: fake.port }) + '\n');
  process.on('SIGTERM', () => void fake.close().then(() => process.exit(0)));
})();
