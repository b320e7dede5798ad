/** @jest-environment jsdom */
jest.mock('../../../../../addin/src/api/client', () => ({
  getJson: jest.fn(),
  postStream: jest.fn(),
  RelayError: class RelayError extends Error {},
}));
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as client from '../../../../../addin/src/api/client';
import { DraftPanel } from '../../../../../addin/src/ui/DraftPanel';
import { draftHistoryStore } from '../../../../../addin/src/ui/generate/history';
import { RewritePanel } from '../../../../../addin/src/ui/RewritePanel';
import { TEMPLATES, done, fakeHost, renderPane, scriptedStreams, text } from '../../../../helpers/pane/generate-harness';

let relay: ReturnType<typeof scriptedStreams>;
beforeEach(() => {
  draftHistoryStore.clear();
  relay = scriptedStreams();
  (client.getJson as jest.Mock).mockReset().mockResolvedValue(TEMPLATES);
  (client.postStream as jest.Mock).mockReset().mockImplementation(relay.impl);
});

async function draft(user: ReturnType<typeof userEvent.setup>, instruction: string) {
  const box = screen.getByTestId('draft-instruction');
  await user.clear(box);
  await user.type(box, instruction);
  await user.click(screen.getByTestId('draft'));
  await screen.findByTestId('insert-below');
}

describe('DraftPanel', () => {
  it('asks for an instruction first', async () => {
    const user = userEvent.setup();
    renderPane(<DraftPanel host={fakeHost()} />);
    await user.click(screen.getByTestId('draft'));
    expect(screen.getByTestId('draft-problem').textContent).toBe('무엇을 쓸지 적어 주세요.');
    expect(relay.calls).toHaveLength(0);
  });

  it('grounds on the selection, and says so when nothing is selected', async () => {
    const host = fakeHost({ selection: '', body: '문서 본문' });
    const user = userEvent.setup();
    renderPane(<DraftPanel host={host} />);
    await user.type(screen.getByTestId('draft-instruction'), '요약 메일');
    await user.click(screen.getByRole('radio', { name: '선택한 부분' }));
    await user.click(screen.getByTestId('draft'));
    expect((await screen.findByTestId('draft-problem')).textContent).toContain('선택한 부분이 없습니다');
    host.selection = '선택한 글';
    await user.click(screen.getByTestId('draft'));
    await screen.findByTestId('insert-below');
    expect(relay.calls[0]!.body).toEqual({ instruction: '요약 메일', text: '선택한 글' });
    await user.click(screen.getByRole('radio', { name: '문서 전체' }));
    await user.click(screen.getByTestId('retry'));
    await user.click(screen.getByTestId('draft'));
    await waitFor(() => expect(relay.calls).toHaveLength(3));
    expect(relay.calls[2]!.body).toEqual({ instruction: '요약 메일', text: '문서 본문' });
  });

  it('keeps this session’s drafts: bring one back into the preview, insert from history', async () => {
    relay.next([text('첫 번째 초안'), done()]);
    relay.next([text('두 번째 초안'), done()]);
    const host = fakeHost();
    const user = userEvent.setup();
    renderPane(<DraftPanel host={host} />);
    await waitFor(() => expect(screen.getByRole('option', { name: '이메일' })).toBeTruthy());
    await user.selectOptions(screen.getByTestId('template-picker'), 'email');
    await draft(user, '회의 안내');
    await user.selectOptions(screen.getByTestId('template-picker'), '');
    await draft(user, '감사 인사');
    const items = await screen.findAllByTestId('history-item');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toContain('서식 없음 (자유 작성): 감사 인사');
    expect(items[1]!.textContent).toContain('이메일: 회의 안내');
    expect(screen.getByTestId('preview').textContent).toBe('두 번째 초안');
    await user.click(within(items[1]!).getByTestId('history-show'));
    expect(screen.getByTestId('preview').textContent).toBe('첫 번째 초안');
    // Retry re-sends that draft's own request.
    relay.next([text('다시 쓴 초안'), done()]);
    await user.click(screen.getByTestId('retry'));
    await waitFor(() => expect(screen.getByTestId('preview').textContent).toBe('다시 쓴 초안'));
    expect(relay.calls[2]!.body).toEqual({ instruction: '회의 안내', template: 'email' });
    await user.click(within(screen.getAllByTestId('history-item').at(-1)!).getByTestId('history-insert'));
    expect(host.insertBlocks).toHaveBeenCalledWith([{ kind: 'paragraph', runs: [{ text: '첫 번째 초안' }] }], 'below');
    expect((await screen.findByTestId('history-notice')).textContent).toBe('문서에 넣었습니다.');
  });

  it('keeps the history when the panel is left and opened again (tab switch)', async () => {
    relay.next([text('남는 초안'), done()]);
    const user = userEvent.setup();
    const { unmount } = renderPane(<DraftPanel host={fakeHost()} />);
    await draft(user, '보존 확인');
    unmount();
    renderPane(<DraftPanel host={fakeHost()} />);
    expect(screen.getAllByTestId('history-item')).toHaveLength(1);
    await user.click(screen.getByTestId('history-show'));
    expect(screen.getByTestId('preview').textContent).toBe('남는 초안');
  });

  it('keeps at most eight drafts', async () => {
    const user = userEvent.setup();
    renderPane(<DraftPanel host={fakeHost()} />);
    for (let i = 1; i <= 10; i++) {
      relay.next([text(`초안 ${i}`), done()]);
      await draft(user, `지시 ${i}`);
      await waitFor(() => expect(screen.getByTestId('preview').textContent).toBe(`초안 ${i}`));
    }
    const items = screen.getAllByTestId('history-item');
    expect(items).toHaveLength(8);
    expect(items[0]!.textContent).toContain('지시 10');
    expect(items[7]!.textContent).toContain('지시 3');
  }, 30_000);
});

describe('truncated results', () => {
  it('warns, offers Continue through the draft endpoint, and confirms before inserting', async () => {
    relay.next([text('가나다라'), done(true)]);
    relay.next([text('마바사'), done()]);
    const host = fakeHost();
    const user = userEvent.setup();
    renderPane(<DraftPanel host={host} />);
    await draft(user, '긴 보고서');
    expect(screen.getByTestId('truncated').textContent).toContain('길이 제한');
    const insert = screen.getByTestId('insert-below');
    expect(insert.getAttribute('data-truncated')).toBe('true');
    await user.click(insert);
    expect(host.insertBlocks).not.toHaveBeenCalled();
    expect(screen.getByTestId('truncated-confirm').textContent).toContain('그래도 문서에 넣을까요?');
    expect(document.activeElement).toBe(screen.getByTestId('insert-anyway'));
    await user.click(screen.getByTestId('insert-cancel'));
    expect(screen.queryByTestId('truncated-confirm')).toBeNull();
    expect(screen.getByTestId('history-truncated')).toBeTruthy();
    expect(screen.queryByTestId('history-insert')).toBeNull();

    await user.click(screen.getByTestId('continue'));
    await waitFor(() => expect(screen.getByTestId('preview').textContent).toBe('가나다라마바사'));
    expect(relay.calls[1]!.path).toBe('/api/draft');
    expect(relay.calls[1]!.body).toEqual({ ...relay.calls[0]!.body, continueFrom: '가나다라' });
    expect(screen.queryByTestId('truncated')).toBeNull();
    expect(screen.getAllByTestId('history-item')).toHaveLength(1);
    await user.click(screen.getByTestId('insert-below'));
    expect(host.insertBlocks).toHaveBeenCalledTimes(1);
  });

  it('inserts a cut-off result only after “Insert anyway”', async () => {
    relay.next([text('잘린 글'), done(true)]);
    const host = fakeHost();
    const user = userEvent.setup();
    renderPane(<DraftPanel host={host} />, { lang: 'en' });
    await draft(user, 'long text');
    await user.click(screen.getByTestId('insert-cursor'));
    expect(screen.getByTestId('truncated-confirm').textContent).toContain('Insert it into the document anyway?');
    await user.keyboard('{Enter}');
    expect(host.insertBlocks).toHaveBeenCalledWith(expect.any(Array), 'cursor');
  });
});

describe('RewritePanel', () => {
  it('needs a selection (Korean and English)', async () => {
    const user = userEvent.setup();
    const { unmount } = renderPane(<RewritePanel host={fakeHost()} />);
    await user.click(screen.getByTestId('rewrite'));
    expect((await screen.findByTestId('rewrite-no-selection')).textContent).toBe('다듬을 글을 문서에서 먼저 선택하세요.');
    unmount();
    renderPane(<RewritePanel host={fakeHost()} />, { lang: 'en' });
    await user.click(screen.getByTestId('rewrite'));
    expect((await screen.findByTestId('rewrite-no-selection')).textContent).toBe('Select the text to rewrite in the document first.');
    expect(relay.calls).toHaveLength(0);
  });

  it('offers every style, sends the chosen one, and replaces the selection by default', async () => {
    relay.next([text('짧게 고친 글'), done()]);
    const host = fakeHost({ selection: '아주 길고 장황하게 쓴 문장입니다.' });
    const user = userEvent.setup();
    renderPane(<RewritePanel host={host} />);
    const labels = within(screen.getByTestId('rewrite-style'))
      .getAllByRole('radio')
      .map((r) => document.querySelector(`label[for="${r.id}"]`)?.textContent);
    expect(labels.join('|')).toBe('격식체로·공손하게|간결하게|쉽게|개조식으로|합쇼체로|해라체로|직접 지시');
    await user.click(screen.getByRole('radio', { name: '간결하게' }));
    await user.click(screen.getByTestId('rewrite'));
    const buttons = await screen.findAllByRole('button', { name: /삽입|바꾸기|복사/ });
    expect(buttons[0]!.getAttribute('data-testid')).toBe('insert-replace');
    expect(relay.calls[0]).toEqual({ path: '/api/rewrite', body: { text: '아주 길고 장황하게 쓴 문장입니다.', style: 'concise' } });
    await user.click(screen.getByTestId('insert-replace'));
    expect(host.insertBlocks).toHaveBeenCalledWith([{ kind: 'paragraph', runs: [{ text: '짧게 고친 글' }] }], 'replace');
  });

  it('free style needs an instruction', async () => {
    const user = userEvent.setup();
    renderPane(<RewritePanel host={fakeHost({ selection: '글' })} />);
    await user.click(screen.getByRole('radio', { name: '직접 지시' }));
    await user.click(screen.getByTestId('rewrite'));
    expect(await screen.findByText('어떻게 다듬을지 적어 주세요.')).toBeTruthy();
    await user.type(screen.getByTestId('rewrite-instruction'), '존댓말로');
    await user.click(screen.getByTestId('rewrite'));
    await screen.findByTestId('insert-replace');
    expect(relay.calls[0]!.body).toEqual({ text: '글', style: 'free', instruction: '존댓말로' });
  });

  it('continues a cut-off rewrite from where it stopped', async () => {
    relay.next([text('고친 앞부분'), done(true)]);
    relay.next([text(' 뒷부분'), done()]);
    const user = userEvent.setup();
    renderPane(<RewritePanel host={fakeHost({ selection: '원문 전체' })} />);
    await user.click(screen.getByTestId('rewrite'));
    await user.click(await screen.findByTestId('continue'));
    await waitFor(() => expect(screen.getByTestId('preview').textContent).toBe('고친 앞부분 뒷부분'));
    expect(relay.calls[1]!.path).toBe('/api/rewrite');
    expect(relay.calls[1]!.body).toEqual({ ...relay.calls[0]!.body, continueFrom: '고친 앞부분' });
  });
});
