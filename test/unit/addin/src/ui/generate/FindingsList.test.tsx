/** @jest-environment jsdom */
jest.mock('../../../../../../addin/src/api/client', () => ({
  getJson: jest.fn(),
  postStream: jest.fn(),
  RelayError: class RelayError extends Error {},
}));
import { act, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import * as client from '../../../../../../addin/src/api/client';
import { FindingsList } from '../../../../../../addin/src/ui/generate/FindingsList';
import { excerpt, locateFinding } from '../../../../../../addin/src/ui/generate/locate';
import { DraftPanel } from '../../../../../../addin/src/ui/DraftPanel';
import { draftHistoryStore } from '../../../../../../addin/src/ui/generate/history';
import type { Suggestion } from '../../../../../../addin/src/ui/useTaskStream';
import { TEMPLATES, done, fakeHost, renderPane, scriptedStreams, text } from '../../../../../helpers/pane/generate-harness';

const CLAIMS = '【청구항 1】\n센서부를 포함하는 장치.\n【청구항 2】\n제1항에 있어서, 상기 배터리는 리튬 전지인 장치.';
const idx = CLAIMS.split('\n')[3]!.indexOf('상기 배터리');

const finding: Suggestion = {
  id: 'f1',
  paragraphId: 'd3',
  start: idx,
  end: idx + '상기 배터리'.length,
  original: '상기 배터리',
  replacement: null,
  category: 'patent',
  message: '청구항 2: "상기 배터리"가 가리키는 구성요소가 앞에 나오지 않습니다(선행 기재 없음).',
  messageEn: 'Claim 2: "상기 배터리" has no antecedent basis in this claim or the claims it depends on.',
  rule: '특허법 제42조 제4항 제2호',
  ruleId: 'patent.antecedent',
  source: 'rule',
  confidence: 0.9,
};

describe('locateFinding', () => {
  it('reads paragraph-relative offsets (paragraph ids d0, d1, … are lines of the draft)', () => {
    const loc = locateFinding(CLAIMS, finding)!;
    expect(CLAIMS.slice(loc.start, loc.end)).toBe('상기 배터리');
    expect(loc.line).toBe(4);
    expect(excerpt(CLAIMS, loc).span).toBe('상기 배터리');
  });

  it('after a Continue, reads the line of the whole draft (the relay checks continueFrom + the new text)', () => {
    const whole = '앞부분\n' + CLAIMS;
    const loc = locateFinding(whole, { ...finding, paragraphId: 'd4' })!;
    expect(loc.line).toBe(5);
    expect(whole.slice(loc.start, loc.end)).toBe('상기 배터리');
  });

  it('places nothing when the offsets do not read `original` on the named line (no second reading, no search)', () => {
    // Whole-text offsets are not the contract: the same span read as a line offset fails.
    const wholeTextStart = CLAIMS.indexOf('상기 배터리');
    expect(locateFinding(CLAIMS, { ...finding, start: wholeTextStart, end: wholeTextStart + 6 })).toBeNull();
    // The line before (an off-by-one reading) is not tried either.
    expect(locateFinding(CLAIMS, { ...finding, paragraphId: 'd4' })).toBeNull();
    expect(locateFinding(CLAIMS, { ...finding, paragraphId: 'x3' })).toBeNull();
    expect(locateFinding(CLAIMS, { ...finding, paragraphId: 'd9' })).toBeNull();
  });
});

describe('FindingsList', () => {
  it('shows message, rule citation, line and excerpt in Korean', () => {
    renderPane(<FindingsList text={CLAIMS} findings={[{ pack: 'patent', suggestions: [finding] }]} />);
    expect(screen.getByText('규칙 검사 결과 1건 — 넣기 전에 확인하세요')).toBeTruthy();
    expect(screen.getByTestId('finding-message').textContent).toContain('선행 기재 없음');
    expect(screen.getByTestId('finding-rule').textContent).toBe('근거: 특허법 제42조 제4항 제2호');
    expect(screen.getByTestId('finding-line').textContent).toBe('4번째 줄');
    expect(screen.getByTestId('finding-excerpt').querySelector('mark')!.textContent).toBe('상기 배터리');
  });

  it('in English', () => {
    renderPane(<FindingsList text={CLAIMS} findings={[{ pack: 'patent', suggestions: [finding] }]} />, { lang: 'en' });
    expect(screen.getByTestId('finding-message').textContent).toContain('no antecedent basis');
    expect(screen.getByTestId('finding-rule').textContent).toBe('Rule: 특허법 제42조 제4항 제2호');
    expect(screen.getByTestId('finding-line').textContent).toBe('Line 4');
  });

  it('says when the pack found nothing, and while checking', () => {
    const { unmount } = renderPane(<FindingsList text={CLAIMS} findings={[{ pack: 'patent', suggestions: [] }]} />);
    expect(screen.getByTestId('findings').textContent).toBe('규칙 검사(특허)에서 문제를 찾지 못했습니다.');
    unmount();
    renderPane(<FindingsList text="" findings={undefined} checking />);
    expect(screen.getByTestId('findings-checking')).toBeTruthy();
  });
});

describe('DraftPanel with a legal template', () => {
  it('shows the findings under the preview before anything is inserted', async () => {
    draftHistoryStore.clear();
    (client.getJson as jest.Mock).mockResolvedValue(TEMPLATES);
    const relay = scriptedStreams();
    (client.postStream as jest.Mock).mockImplementation(relay.impl);
    relay.next([
      text(CLAIMS.slice(0, 20)),
      text(CLAIMS.slice(20)),
      { event: 'findings', data: { pack: 'patent', suggestions: [finding] } },
      done(),
    ]);
    const host = fakeHost();
    const user = userEvent.setup();
    renderPane(<DraftPanel host={host} />, { settings: { docType: 'patent' } });
    await waitFor(() => expect(screen.getByRole('option', { name: '청구범위 초안' })).toBeTruthy());
    await user.selectOptions(screen.getByTestId('template-picker'), 'patent-claims');
    await user.type(screen.getByTestId('draft-instruction'), '배터리로 동작하는 센서 장치');
    await act(async () => {
      await user.click(screen.getByTestId('draft'));
    });
    await screen.findByTestId('finding');
    expect(relay.calls[0]).toEqual({ path: '/api/draft', body: { instruction: '배터리로 동작하는 센서 장치', template: 'patent-claims' } });
    // The preview is rendered as it will be inserted (parseMarkdown: lines of a paragraph join).
    expect(screen.getByTestId('preview').textContent).toBe(CLAIMS.replace(/\n/g, ' '));
    expect(screen.getByTestId('finding-line').textContent).toBe('4번째 줄');
    expect(host.insertBlocks).not.toHaveBeenCalled();
    // The findings come before the insert buttons in the pane.
    const f = screen.getByTestId('findings');
    expect(f.compareDocumentPosition(screen.getByTestId('insert-below')) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('continuing a cut-off legal draft keeps its template, so the relay checks the whole draft again', async () => {
    draftHistoryStore.clear();
    (client.getJson as jest.Mock).mockResolvedValue(TEMPLATES);
    const relay = scriptedStreams();
    (client.postStream as jest.Mock).mockImplementation(relay.impl);
    relay.next([text(CLAIMS), { event: 'findings', data: { pack: 'patent', suggestions: [finding] } }, done(true)]);
    // The relay checks the whole continued draft again: its findings replace the earlier ones.
    relay.next([
      text('\n【청구항 3】\n제1항에 있어서, 센서부는 온도 센서인 장치.'),
      { event: 'findings', data: { pack: 'patent', suggestions: [finding] } },
      done(),
    ]);
    const user = userEvent.setup();
    renderPane(<DraftPanel host={fakeHost()} />, { settings: { docType: 'patent' } });
    await waitFor(() => expect(screen.getByRole('option', { name: '청구범위 초안' })).toBeTruthy());
    await user.selectOptions(screen.getByTestId('template-picker'), 'patent-claims');
    await user.type(screen.getByTestId('draft-instruction'), '센서 장치');
    await user.click(screen.getByTestId('draft'));
    await user.click(await screen.findByTestId('continue'));
    await waitFor(() => expect(screen.getByTestId('preview').textContent).toContain('청구항 3'));
    // The same request again, with the answer so far: the relay continues the conversation.
    expect(relay.calls[1]!.body).toEqual({ ...relay.calls[0]!.body, continueFrom: CLAIMS });
    await waitFor(() => expect(screen.getByTestId('draft')).toBeTruthy());
    expect(screen.getAllByTestId('finding')).toHaveLength(1);
    expect(screen.getByTestId('finding-line').textContent).toBe('4번째 줄');
  });
});
