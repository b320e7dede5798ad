/** The model gate's request scope, carried by the request's AbortSignal (no AsyncLocalStorage). */
import { bindModelScope, createModelGate, gateLlm } from '../../../../server/limits/model-gate';
import { withFailFast } from '../../../../server/abort';
import type { ChatRequest, LlmClient } from '../../../../server/llm/types';

function requestScope(gate: ReturnType<typeof createModelGate>) {
  const locals: Record<string, unknown> = {};
  const res = { locals, once: jest.fn() };
  gate.scope()({} as never, res as never, () => undefined);
  const controller = new AbortController();
  bindModelScope(locals, controller.signal);
  return { locals, signal: controller.signal };
}

const llm: LlmClient = {
  model: 'm',
  chat: async () => ({ text: 'ok', usage: { promptTokens: 3, completionTokens: 2 } }),
  async *chatStream() {
    yield { type: 'finish', usage: { promptTokens: 1, completionTokens: 1 } } as never;
  },
} as unknown as LlmClient;

describe('model gate scope through the request signal', () => {
  it('hands the reserved slot to the first model call, also through a derived (fail-fast) signal, and sums usage', async () => {
    const gate = createModelGate({ concurrency: 1, queueMax: 0, queueTimeoutMs: 1000 });
    const { locals, signal } = requestScope(gate);
    await gate.reserve(signal);
    expect(gate.inFlight).toBe(1);
    // With one slot held and no queue, a second acquire would be BUSY: the call must use the reservation.
    await withFailFast(signal, (inner) => gateLlm(llm, gate).chat({ messages: [], signal: inner } as unknown as ChatRequest));
    expect(gate.inFlight).toBe(0);
    expect(locals['modelUsage']).toEqual({ promptTokens: 3, completionTokens: 2, calls: 1 });
  });

  it('ignores a signal bound to no scope, and a scope of another gate', async () => {
    const gate = createModelGate({ concurrency: 1, queueMax: 0, queueTimeoutMs: 1000 });
    const other = createModelGate({ concurrency: 1, queueMax: 0, queueTimeoutMs: 1000 });
    const { signal } = requestScope(other);
    await gate.reserve(signal); // admission check only: the slot is given back
    expect(gate.inFlight).toBe(0);
    expect(gate.takeReserved(new AbortController().signal)).toBeNull();
  });
});

describe('a reservation after the response closed', () => {
  it('is given straight back (the client left while the route was busy before reserving)', async () => {
    const gate = createModelGate({ concurrency: 1, queueMax: 0, queueTimeoutMs: 1000 });
    const locals: Record<string, unknown> = {};
    let onClose: () => void = () => undefined;
    const res = { locals, once: (_e: string, f: () => void) => (onClose = f) };
    gate.scope()({} as never, res as never, () => undefined);
    const controller = new AbortController();
    bindModelScope(locals, controller.signal);
    onClose(); // the client left; the route has not reserved yet
    await gate.reserve(controller.signal);
    expect(gate.inFlight).toBe(0);
    // The slot is free for the next request.
    await gate.reserve(new AbortController().signal);
    expect(gate.inFlight).toBe(0);
  });
});
