/** @jest-environment jsdom */
/**
 * Issue 16 items 7 and 9: the preview is rendered from the same blocks the document gets;
 * "retry" only after a failure; "replace selection" only with a selection; a stopped (half)
 * answer needs a confirmation before it goes in.
 */
import '../../../../helpers/pane/polyfills';
import '../../../../helpers/pane/generate-harness';
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { DocumentHost } from '../../../../../addin/src/host/DocumentHost';
import { ResultView } from '../../../../../addin/src/ui/ResultView';
import type { TaskState } from '../../../../../addin/src/ui/useTaskStream';
import { Wrap } from '../../../../helpers/pane/proofread-harness';

function hostWith(selection: string) {
  return {
    kind: 'browser',
    getSelectionText: jest.fn(async () => selection),
    insertBlocks: jest.fn(async () => undefined),
  } as unknown as DocumentHost & { insertBlocks: jest.Mock };
}

async function show(state: TaskState, host: DocumentHost, primaryMode?: 'replace') {
  await act(async () => {
    render(
      <Wrap>
        <ResultView
          state={state}
          host={host}
          onStop={() => undefined}
          onRetry={() => undefined}
          {...(primaryMode ? { primaryMode } : {})}
        />
      </Wrap>,
    );
  });
}

const done = (text: string): TaskState => ({ status: 'done', text, truncated: false });

describe('ResultView', () => {
  it('renders the Markdown in the preview as it will be inserted: no raw # or **', async () => {
    await show(done('# 회의 결과\n\n**중요**: 예산을 *줄입니다*.\n\n- 첫째\n- 둘째'), hostWith(''));
    const preview = screen.getByTestId('preview');
    expect(preview.textContent).not.toMatch(/[#*]/);
    expect(preview.querySelector('h3')?.textContent).toBe('회의 결과');
    expect(preview.querySelector('strong')?.textContent).toBe('중요');
    expect(preview.querySelector('em')?.textContent).toBe('줄입니다');
    expect(Array.from(preview.querySelectorAll('li')).map((li) => li.textContent)).toEqual(['첫째', '둘째']);
  });

  it('offers "generate again", not "retry", after a good answer; "retry" after a failure', async () => {
    await show(done('좋은 답'), hostWith(''));
    expect(screen.getByTestId('retry').textContent).toBe('다시 생성');
  });

  it('offers "retry" after a failure', async () => {
    await show({ status: 'error', text: '', truncated: false, errorCode: 'UPSTREAM_UNREACHABLE' }, hostWith(''));
    expect(screen.getByTestId('retry').textContent).toBe('다시 시도');
  });

  it('offers "replace selection" only when something is selected', async () => {
    await show(done('새 글'), hostWith(''), 'replace');
    await waitFor(() => expect(screen.getByTestId('insert-below')).toBeTruthy());
    expect(screen.queryByTestId('insert-replace')).toBeNull();
  });

  it('with a selection, "replace selection" is there (and first when asked)', async () => {
    await show(done('새 글'), hostWith('고칠 부분'), 'replace');
    await screen.findByTestId('insert-replace');
    expect(
      screen
        .getAllByRole('button')
        .find((b) => b.getAttribute('data-testid')?.startsWith('insert-'))
        ?.getAttribute('data-testid'),
    ).toBe('insert-replace');
  });

  it('a stopped (half) answer is inserted only after a confirmation', async () => {
    const user = userEvent.setup();
    const host = hostWith('');
    await show({ status: 'stopped', text: '중간까지 쓴 답', truncated: false }, host);
    await user.click(screen.getByTestId('insert-below'));
    expect(host.insertBlocks).not.toHaveBeenCalled();
    expect(screen.getByTestId('truncated-confirm').textContent).toContain('중지');
    await user.click(screen.getByTestId('insert-anyway'));
    expect(host.insertBlocks).toHaveBeenCalledTimes(1);
  });
});
