/** @jest-environment jsdom */
/**
 * Issue 16 item 3: the status banner tells the truth. /api/health is polled while the
 * pane is visible, re-read after every task, with backoff while the relay or model is down.
 * `fetch` is a scripted stand-in for the relay's /api/health answer.
 */
import '../../../../helpers/pane/polyfills';
import { act, render, screen } from '@testing-library/react';
import { taskSettled } from '../../../../../addin/src/api/task-events';
import { RelayStatus, useHealth } from '../../../../../addin/src/ui/RelayStatus';
import { Wrap } from '../../../../helpers/pane/proofread-harness';

// jsdom has no ResizeObserver (Fluent's MessageBar reflow uses it).
(window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

type Answer = 'up' | 'model-down' | 'relay-down';
let answer: Answer = 'up';
const fetchMock = jest.fn(async (_url: string) => {
  if (answer === 'relay-down') throw new TypeError('Failed to fetch');
  const reachable = answer === 'up';
  const body = { status: reachable ? 'ok' : 'degraded', version: '0.1.0', auth: 'none', model: { reachable, model: 'exaone' } };
  // jsdom has no Response: the fields api/client reads from one.
  return { ok: true, status: 200, headers: { get: () => null }, json: async () => body };
});

function Banner() {
  const { health, failed } = useHealth();
  return <RelayStatus health={health} failed={failed} />;
}

/** Lets the mocked fetch and React state settle. */
async function flush(ms = 0) {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms);
  });
}

const banner = () => screen.queryByTestId('relay-status')?.textContent ?? '';

let hidden = false;
beforeAll(() => {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
});
beforeEach(() => {
  jest.useFakeTimers();
  answer = 'up';
  hidden = false;
  fetchMock.mockClear();
  (globalThis as { fetch: unknown }).fetch = fetchMock;
});
afterEach(() => jest.useRealTimers());

describe('relay status polling', () => {
  it('turns from green to warning when the model dies, and back when it returns', async () => {
    render(
      <Wrap>
        <Banner />
      </Wrap>,
    );
    await flush();
    expect(banner()).toContain('exaone');
    answer = 'model-down';
    await flush(10_000);
    expect(banner()).not.toContain('exaone');
    expect(screen.getByTestId('relay-status').textContent).toMatch(/모델/);
    answer = 'up';
    await flush(2_000);
    expect(banner()).toContain('exaone');
  });

  it('re-reads health right after a task finished', async () => {
    render(
      <Wrap>
        <Banner />
      </Wrap>,
    );
    await flush();
    const before = fetchMock.mock.calls.length;
    answer = 'model-down';
    await act(async () => taskSettled());
    await flush();
    expect(fetchMock.mock.calls.length).toBe(before + 1);
    expect(banner()).not.toContain('exaone');
  });

  it('backs off exponentially while the relay is unreachable', async () => {
    answer = 'relay-down';
    render(
      <Wrap>
        <Banner />
      </Wrap>,
    );
    await flush();
    const at = () => fetchMock.mock.calls.length;
    expect(at()).toBe(1);
    await flush(2_000);
    expect(at()).toBe(2);
    await flush(3_999);
    expect(at()).toBe(2);
    await flush(1);
    expect(at()).toBe(3);
    await flush(8_000);
    expect(at()).toBe(4);
    await flush(16_000);
    expect(at()).toBe(5);
    await flush(16_000);
    expect(at()).toBe(6); // capped
  });

  it('does not poll while the pane is hidden, and checks at once when it shows again', async () => {
    render(
      <Wrap>
        <Banner />
      </Wrap>,
    );
    await flush();
    hidden = true;
    await act(async () => document.dispatchEvent(new Event('visibilitychange')));
    const n = fetchMock.mock.calls.length;
    await flush(60_000);
    expect(fetchMock.mock.calls.length).toBe(n);
    hidden = false;
    answer = 'model-down';
    await act(async () => document.dispatchEvent(new Event('visibilitychange')));
    await flush();
    expect(fetchMock.mock.calls.length).toBe(n + 1);
    expect(banner()).not.toContain('exaone');
  });
});
