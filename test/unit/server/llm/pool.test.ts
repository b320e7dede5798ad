/** The upstream pool over stub clients: least in flight, take-out and probe-in, retry only before output. */
import { UpstreamError } from '../../../../server/llm/errors';
import { createLlmPool, redactUrl } from '../../../../server/llm/pool';
import type { ChatRequest, DeltaSink, LlmClient, StreamEnd } from '../../../../server/llm/types';

type Behaviour = 'ok' | 'refused' | 'http503' | 'close-after-output' | 'slow';

function stub(name: string, state: { behaviour: Behaviour; calls: number }): LlmClient {
  const fail = () => {
    if (state.behaviour === 'refused') throw new UpstreamError('UPSTREAM_UNREACHABLE');
    if (state.behaviour === 'http503') throw new UpstreamError('UPSTREAM_HTTP_ERROR', 503);
  };
  return {
    model: 'm',
    async chat() {
      state.calls++;
      fail();
      if (state.behaviour === 'slow') await new Promise((r) => setTimeout(r, 50));
      return { content: name, finishReason: 'stop' };
    },
    async chatStream(_req: ChatRequest, onDelta: DeltaSink): Promise<StreamEnd> {
      state.calls++;
      fail();
      onDelta(name);
      if (state.behaviour === 'close-after-output') throw new UpstreamError('UPSTREAM_HTTP_ERROR', 502);
      if (state.behaviour === 'slow') await new Promise((r) => setTimeout(r, 50));
      return { finishReason: 'stop' };
    },
  };
}

async function collect(client: LlmClient, req: ChatRequest): Promise<string> {
  let s = '';
  await client.chatStream(req, (t) => (s += t));
  return s;
}

function makePool(behaviours: Behaviour[], probeOk: () => boolean = () => true) {
  const states = behaviours.map((behaviour) => ({ behaviour, calls: 0 }));
  const probes: string[] = [];
  const pool = createLlmPool({
    model: 'm',
    endpoints: states.map((s, i) => ({ baseUrl: `http://user:secret@host${i}:8000/v1?key=k`, client: stub(`e${i}`, s) })),
    probeBaseMs: 10,
    probeMaxMs: 40,
    probe: async (url) => {
      probes.push(url);
      return probeOk();
    },
  });
  return { pool, states, probes };
}

describe('upstream pool', () => {
  it('hides credentials in endpoint URLs', () => {
    expect(redactUrl('http://user:secret@h:1/v1?api_key=x')).toBe('http://h:1/v1');
    const { pool } = makePool(['ok']);
    expect(pool.endpoints()[0]).toEqual({ url: 'http://host0:8000/v1', healthy: true, inFlight: 0 });
    pool.close();
  });

  it('sends each request to the endpoint with the fewest in flight', async () => {
    const { pool, states } = makePool(['slow', 'slow', 'slow']);
    const all = await Promise.all(Array.from({ length: 9 }, () => pool.chat({ messages: [] })));
    expect(states.map((s) => s.calls)).toEqual([3, 3, 3]);
    expect(new Set(all.map((r) => r.content))).toEqual(new Set(['e0', 'e1', 'e2']));
    expect(pool.endpoints().every((e) => e.inFlight === 0)).toBe(true);
    pool.close();
  });

  it('retries once on another endpoint before output, takes the failed one out and probes it back in', async () => {
    let probeOk = false;
    const { pool, states, probes } = makePool(['refused', 'ok'], () => probeOk);
    expect(await collect(pool, { messages: [] })).toBe('e1');
    expect(pool.endpoints()[0]).toMatchObject({ healthy: false, lastError: 'UPSTREAM_UNREACHABLE' });
    // While out, everything goes to the healthy one.
    for (let i = 0; i < 4; i++) expect((await pool.chat({ messages: [] })).content).toBe('e1');
    expect(states[0]!.calls).toBe(1);
    await new Promise((r) => setTimeout(r, 60));
    expect(probes.length).toBeGreaterThan(0);
    expect(probes[0]).toBe('http://user:secret@host0:8000/v1?key=k');
    states[0]!.behaviour = 'ok';
    probeOk = true;
    await new Promise((r) => setTimeout(r, 100));
    expect(pool.endpoints()[0]!.healthy).toBe(true);
    pool.close();
  });

  it('retries a 5xx before output, but never after output started', async () => {
    const a = makePool(['http503', 'ok']);
    expect((await a.pool.chat({ messages: [] })).content).toBe('e1');
    a.pool.close();

    const b = makePool(['close-after-output', 'ok']);
    await expect(collect(b.pool, { messages: [] })).rejects.toMatchObject({ code: 'UPSTREAM_HTTP_ERROR' });
    expect(b.states[1]!.calls).toBe(0);
    b.pool.close();
  });

  it('with one endpoint behaves as the plain client (error out, still used while down)', async () => {
    const { pool, states } = makePool(['http503']);
    await expect(pool.chat({ messages: [] })).rejects.toMatchObject({ code: 'UPSTREAM_HTTP_ERROR', upstreamStatus: 503 });
    expect(states[0]!.calls).toBe(1);
    states[0]!.behaviour = 'ok';
    expect((await pool.chat({ messages: [] })).content).toBe('e0');
    expect(pool.endpoints()[0]!.healthy).toBe(true);
    pool.close();
  });

  it('does not retry a request the caller aborted', async () => {
    const { pool, states } = makePool(['refused', 'ok']);
    const ac = new AbortController();
    ac.abort();
    await expect(pool.chat({ messages: [], signal: ac.signal })).rejects.toBeInstanceOf(UpstreamError);
    expect(states[1]!.calls).toBe(0);
    pool.close();
  });
});
