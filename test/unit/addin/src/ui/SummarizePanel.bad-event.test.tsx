/** @jest-environment jsdom */
/** A relay event that does not match the contract is an error the pane shows, not a crash. */
import '../../../../helpers/pane/polyfills';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { SummarizePanel } from '../../../../../addin/src/ui/SummarizePanel';
import { fakeHost, renderPane } from '../../../../helpers/pane/generate-harness';

/** Just what api/client reads of a fetch Response (jsdom has no Response). */
function sseResponse(body: string) {
  // A Node-realm Uint8Array: the polyfilled TextDecoderStream refuses jsdom's.
  const bytes = new Uint8Array(Buffer.from(body, 'utf8'));
  return {
    ok: true,
    status: 200,
    headers: new Headers({ 'content-type': 'text/event-stream' }),
    body: new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(bytes);
        c.close();
      },
    }),
  };
}

it('shows the BAD_EVENT message and keeps the text received so far', async () => {
  global.fetch = jest.fn(async () =>
    sseResponse('event: text\ndata: {"text":"요약 일부"}\n\nevent: done\ndata: {"truncated":"no"}\n\n'),
  ) as unknown as typeof fetch;
  const user = userEvent.setup();
  renderPane(<SummarizePanel host={fakeHost({ body: '요약할 본문입니다.' })} />);
  await act(async () => {
    await user.click(screen.getByTestId('summarize'));
  });
  expect(await screen.findByText(/중계 서버의 응답을 읽을 수 없습니다/)).toBeTruthy();
  expect(screen.getByText(/요약 일부/)).toBeTruthy();
});
