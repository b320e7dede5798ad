/** @jest-environment jsdom */
/** Issue 16 item 6: every card shows the whole word around the change (model and rule alike). */
import '../../../../../helpers/pane/polyfills';
import { render, screen, within } from '@testing-library/react';
import { contextAround } from '../../../../../../addin/src/core/suggestions';
import { SuggestionCard } from '../../../../../../addin/src/ui/proofread/SuggestionCard';
import type { ProofItem } from '../../../../../../addin/src/ui/proofread/useProofread';
import { Wrap, item } from '../../../../../helpers/pane/proofread-harness';

const noop = () => undefined;

function diffOf(paragraph: string, p: Partial<ProofItem> & Pick<ProofItem, 'id' | 'original' | 'start' | 'end'>) {
  const it = item({ ...p, context: contextAround(paragraph, p.start, p.end) });
  const { unmount } = render(
    <Wrap>
      <ul>
        <SuggestionCard item={it} onAccept={noop} onIgnore={noop} onGoTo={noop} onRecheck={noop} />
      </ul>
    </Wrap>,
  );
  const diff = within(screen.getByTestId('pr-card')).getByTestId('pr-diff');
  const out = {
    text: diff.textContent,
    removed: diff.querySelector('[data-diff="removed"]')?.textContent ?? null,
    added: diff.querySelector('[data-diff="added"]')?.textContent ?? null,
  };
  unmount();
  return out;
}

describe('cards show whole words', () => {
  it('a model fix of one syllable shows the word, the syllable marked', () => {
    const text = '회의 결과를 알려드림니다.';
    const d = diffOf(text, { id: 'm', original: '림', replacement: '립', start: 10, end: 11, source: 'model' });
    expect(d.text).toBe('알려드림니다→알려드립니다');
    expect(d.removed).toBe('림');
    expect(d.added).toBe('립');
  });

  it('an inserted space shows both words (no bare "→ ␣")', () => {
    const text = '할수있는 일';
    const d = diffOf(text, { id: 's', original: '', replacement: ' ', start: 2, end: 2, source: 'model' });
    expect(d.text).toBe('할수있는→할수␣있는');
    expect(d.added).toBe('␣');
  });

  it('a removed space shows the joined words (no bare "␣ → ∅")', () => {
    const text = '나는 학교 에 간다';
    const d = diffOf(text, { id: 'r', original: ' ', replacement: '', start: 5, end: 6, source: 'model' });
    expect(d.text).toBe('학교␣에→학교에');
  });

  it('a rule fix joined by coalesce reads as the whole phrase', () => {
    const text = '할수있는 일이 많다.';
    const d = diffOf(text, { id: 'su', original: '할수있', replacement: '할 수 있', start: 0, end: 3 });
    expect(d.text).toBe('할수있는→할 수 있는');
  });

  it('punctuation after the word is not part of it', () => {
    const text = '회의가 잘 됬다. 다음';
    const d = diffOf(text, { id: 'd', original: '됬다', replacement: '됐다', start: 6, end: 8 });
    expect(d.text).toBe('됬다→됐다');
  });
});
