/** @jest-environment jsdom */
/** Suggestion cards and list: rendering, highlight, callbacks, grouping, filters, keyboard, focus. */
import '../../../../../helpers/pane/polyfills';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { SuggestionCard } from '../../../../../../addin/src/ui/proofread/SuggestionCard';
import { SuggestionList } from '../../../../../../addin/src/ui/proofread/SuggestionList';
import type { ProofItem } from '../../../../../../addin/src/ui/proofread/useProofread';
import { SAMPLE, Wrap, item } from '../../../../../helpers/pane/proofread-harness';

const noop = () => undefined;

function cards() {
  return screen.getAllByTestId('pr-card');
}

/** A list that removes accepted/ignored items like the panel does. */
function Live({
  initial,
  onAccept,
  onIgnore,
}: {
  initial: ProofItem[];
  onAccept?: (ids: string[]) => void;
  onIgnore?: (id: string) => void;
}) {
  const [items, setItems] = useState(initial);
  return (
    <SuggestionList
      items={items}
      onAccept={async (ids) => {
        onAccept?.(ids);
        await Promise.resolve();
        setItems((l) => l.filter((i) => !ids.includes(i.id)));
      }}
      onIgnore={(id) => {
        onIgnore?.(id);
        setItems((l) => l.filter((i) => i.id !== id));
      }}
      onGoTo={noop}
      onRecheck={noop}
    />
  );
}

describe('SuggestionCard', () => {
  it('shows original → replacement with the change highlighted, the message, citation and source', () => {
    render(
      <Wrap>
        <ul>
          <SuggestionCard item={SAMPLE[1]!} onAccept={noop} onIgnore={noop} onGoTo={noop} onRecheck={noop} />
        </ul>
      </Wrap>,
    );
    const card = screen.getByTestId('pr-card');
    const diff = within(card).getByTestId('pr-diff');
    expect(diff.textContent).toBe('됬다→됐다');
    expect(diff.querySelector('[data-diff="removed"]')!.textContent).toBe('됬');
    expect(diff.querySelector('[data-diff="added"]')!.textContent).toBe('됐');
    expect(within(card).getByTestId('pr-message').textContent).toBe("'되었'의 준말은 '됐'입니다.");
    expect(within(card).getByTestId('pr-rule').textContent).toBe('근거: 한글 맞춤법 제35항');
    expect(within(card).getByTestId('pr-source').textContent).toBe('규칙');
    expect(card.getAttribute('tabindex')).toBe('0');
    expect(card.getAttribute('aria-label')).toContain('됬다 → 됐다');
    expect(screen.getByRole('button', { name: '수락: 됬다 → 됐다' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '무시: 됬다' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '문서에서 찾아가기: 됬다' })).toBeTruthy();
  });

  it('uses the English message and labels in English', () => {
    render(
      <Wrap lang="en">
        <ul>
          <SuggestionCard item={SAMPLE[1]!} onAccept={noop} onIgnore={noop} onGoTo={noop} onRecheck={noop} />
        </ul>
      </Wrap>,
    );
    expect(screen.getByTestId('pr-message').textContent).toBe('The contraction is 됐.');
    expect(screen.getByRole('button', { name: 'Accept: 됬다 → 됐다' })).toBeTruthy();
    expect(screen.getByTestId('pr-source').textContent).toBe('Rule');
  });

  it('marks inserted spaces visibly; fix-less findings are comment cards', () => {
    render(
      <Wrap>
        <ul>
          <SuggestionCard item={SAMPLE[0]!} onAccept={noop} onIgnore={noop} onGoTo={noop} onRecheck={noop} />
          <SuggestionCard item={SAMPLE[4]!} onAccept={noop} onIgnore={noop} onGoTo={noop} onRecheck={noop} />
        </ul>
      </Wrap>,
    );
    const [spacing, note] = cards();
    expect(spacing!.querySelector('[data-diff="added"]')!.textContent).toBe('␣');
    expect(within(note!).getByRole('button', { name: '메모 추가: 상기' }).textContent).toBe('메모 추가');
    expect(within(note!).getByTestId('pr-diff').textContent).toBe('상기');
  });

  it('shows the words around a short change, so a lone 있 → ␣있 card is readable', () => {
    render(
      <Wrap>
        <ul>
          <SuggestionCard
            item={{ ...SAMPLE[0]!, context: { before: '할 수', after: '는 일' } }}
            onAccept={noop}
            onIgnore={noop}
            onGoTo={noop}
            onRecheck={noop}
          />
          <SuggestionCard item={SAMPLE[1]!} onAccept={noop} onIgnore={noop} onGoTo={noop} onRecheck={noop} />
        </ul>
      </Wrap>,
    );
    const [withContext, without] = cards();
    expect(within(withContext!).getByTestId('pr-context').textContent).toBe(`할 수${SAMPLE[0]!.original}는 일`);
    expect(within(without!).queryByTestId('pr-context')).toBeNull();
  });

  it('calls back with the id on Accept, Ignore and Go to; a stale card offers Check again', async () => {
    const user = userEvent.setup();
    const calls: string[] = [];
    const { rerender } = render(
      <Wrap>
        <ul>
          <SuggestionCard
            item={SAMPLE[1]!}
            onAccept={(id) => calls.push(`accept ${id}`)}
            onIgnore={(id) => calls.push(`ignore ${id}`)}
            onGoTo={(id) => calls.push(`goto ${id}`)}
            onRecheck={(id) => calls.push(`recheck ${id}`)}
          />
        </ul>
      </Wrap>,
    );
    await user.click(screen.getByTestId('pr-accept'));
    await user.click(screen.getByTestId('pr-ignore'));
    await user.click(screen.getByTestId('pr-goto'));
    rerender(
      <Wrap>
        <ul>
          <SuggestionCard
            item={{ ...SAMPLE[1]!, stale: true }}
            onAccept={(id) => calls.push(`accept ${id}`)}
            onIgnore={noop}
            onGoTo={noop}
            onRecheck={(id) => calls.push(`recheck ${id}`)}
          />
        </ul>
      </Wrap>,
    );
    expect(screen.getByTestId('pr-stale').textContent).toBe('문단이 바뀌었습니다');
    expect(screen.queryByTestId('pr-accept')).toBeNull();
    await user.click(screen.getByRole('button', { name: '다시 검사: 됬다' }));
    expect(calls).toEqual(['accept doe', 'ignore doe', 'goto doe', 'recheck doe']);
  });
});

describe('SuggestionList', () => {
  it('groups by category with counts and accepts a category or everything shown', async () => {
    const user = userEvent.setup();
    const accepted: string[][] = [];
    render(
      <Wrap>
        <SuggestionList
          items={[...SAMPLE, { ...item({ id: 'old', original: '됬' }), stale: true }]}
          onAccept={(ids) => void accepted.push(ids)}
          onIgnore={noop}
          onGoTo={noop}
          onRecheck={noop}
        />
      </Wrap>,
    );
    expect(screen.getAllByTestId('pr-group-title').map((e) => e.textContent)).toEqual(['맞춤법 4건', '띄어쓰기 1건', '문체 1건']);
    expect(screen.getByTestId('pr-summary').textContent).toBe('제안 6건');
    const spelling = screen.getAllByTestId('pr-group')[0]!;
    // The stale card is not accepted with its group.
    await user.click(within(spelling).getByRole('button', { name: '맞춤법 제안 3건 모두 수락' }));
    await user.click(screen.getByRole('button', { name: '보이는 제안 5건 모두 수락' }));
    expect(accepted).toEqual([
      ['doe', 'concept', 'model'],
      ['doe', 'concept', 'model', 'su', 'note'],
    ]);
  });

  it('filters by category and by source', async () => {
    const user = userEvent.setup();
    render(
      <Wrap>
        <SuggestionList items={SAMPLE} onAccept={noop} onIgnore={noop} onGoTo={noop} onRecheck={noop} />
      </Wrap>,
    );
    expect(cards()).toHaveLength(5);
    const source = screen.getByTestId('pr-filter-source') as HTMLSelectElement;
    expect(Array.from(source.options).map((o) => o.text)).toEqual(['전체', '규칙 (3)', '사전 (1)', '모델 (1)']);
    await user.selectOptions(source, 'model');
    expect(cards().map((c) => c.dataset.id)).toEqual(['model']);
    await user.selectOptions(source, '');
    await user.selectOptions(screen.getByTestId('pr-filter-category'), 'spelling');
    expect(cards().map((c) => c.dataset.id)).toEqual(['doe', 'concept', 'model']);
    await user.selectOptions(screen.getByTestId('pr-filter-source'), 'dictionary');
    expect(cards().map((c) => c.dataset.id)).toEqual(['concept']);
    expect(screen.getByTestId('pr-accept-all').getAttribute('aria-label')).toBe('보이는 제안 1건 모두 수락');
  });

  it('is usable by keyboard: Tab order, Enter and Space on actions, arrows between cards, focus moves on after Accept/Ignore', async () => {
    const user = userEvent.setup();
    const accepted: string[][] = [];
    const ignored: string[] = [];
    render(
      <Wrap>
        <Live initial={SAMPLE.slice(0, 4)} onAccept={(ids) => accepted.push(ids)} onIgnore={(id) => ignored.push(id)} />
      </Wrap>,
    );
    const [doe, concept, model] = cards();
    expect(doe!.dataset.id).toBe('doe');
    // Tab order inside a card, then on to the next card.
    doe!.focus();
    await user.tab();
    expect(document.activeElement).toBe(within(doe!).getByTestId('pr-accept'));
    await user.tab();
    expect(document.activeElement).toBe(within(doe!).getByTestId('pr-ignore'));
    await user.tab();
    expect(document.activeElement).toBe(within(doe!).getByTestId('pr-goto'));
    await user.tab();
    expect(document.activeElement).toBe(concept);
    // Arrows move between cards.
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(model);
    await user.keyboard('{ArrowUp}{ArrowUp}');
    expect(document.activeElement).toBe(doe);
    // Enter on Accept: the card goes and focus moves to the next card.
    within(doe!).getByTestId('pr-accept').focus();
    await act(async () => {
      await user.keyboard('{Enter}');
    });
    expect(accepted).toEqual([['doe']]);
    expect(screen.queryAllByTestId('pr-card').map((c) => c.dataset.id)).toEqual(['concept', 'model', 'su']);
    expect(document.activeElement).toBe(screen.getAllByTestId('pr-card')[0]);
    // Space on Ignore: the same.
    within(screen.getAllByTestId('pr-card')[0]!).getByTestId('pr-ignore').focus();
    await act(async () => {
      await user.keyboard(' ');
    });
    expect(ignored).toEqual(['concept']);
    expect((document.activeElement as HTMLElement).dataset.id).toBe('model');
    // The last card of the list: focus goes to the previous one.
    within(screen.getAllByTestId('pr-card').at(-1)!).getByTestId('pr-ignore').focus();
    await act(async () => {
      await user.keyboard('{Enter}');
    });
    expect((document.activeElement as HTMLElement).dataset.id).toBe('model');
  });

  it('keeps the focus on a card that became stale instead of applied', async () => {
    const user = userEvent.setup();
    function StaleOnAccept() {
      const [items, setItems] = useState(SAMPLE.slice(0, 2));
      return (
        <SuggestionList
          items={items}
          onAccept={async (ids) => {
            await Promise.resolve();
            setItems((l) => l.map((i) => (ids.includes(i.id) ? { ...i, stale: true } : i)));
          }}
          onIgnore={noop}
          onGoTo={noop}
          onRecheck={noop}
        />
      );
    }
    render(
      <Wrap>
        <StaleOnAccept />
      </Wrap>,
    );
    const doe = cards()[0]!;
    await act(async () => {
      await user.click(within(doe).getByTestId('pr-accept'));
    });
    expect(within(doe).getByTestId('pr-stale')).toBeTruthy();
    expect(document.activeElement).toBe(doe);
  });
});
