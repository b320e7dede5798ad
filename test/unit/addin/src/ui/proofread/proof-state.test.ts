/** How a check's stream events change the pane's state: addin/src/ui/proofread/proof-state.ts */
import {
  endsCheck,
  INITIAL_PROOF_STATE,
  proofreadRequest,
  startedState,
  suggestionsOf,
  withEvent,
  type ProofreadEvent,
  type ProofState,
} from '../../../../../../addin/src/ui/proofread/proof-state';
import type { Suggestion } from '../../../../../../addin/src/core/suggestions';
import { sug } from '../../../../../helpers/suggestions';

const order = (pid: string) => Number(pid.slice(1));
const err = (code: string, layer?: 'model'): ProofreadEvent => ({
  event: 'error',
  data: { code, message: 'm', retryable: false, ...(layer ? { layer } : {}) },
});
const sugs = (suggestions: Suggestion[]): ProofreadEvent => ({ event: 'suggestions', data: { layer: 'rules', suggestions } });
const done: ProofreadEvent = { event: 'done', data: { total: 0, fromCache: 0, unchecked: 0 } };
const running: ProofState = { ...INITIAL_PROOF_STATE, status: 'running' };

describe('proof state', () => {
  it("a fresh check starts empty; a re-check keeps the other paragraphs' cards and counts", () => {
    const before: ProofState = {
      ...INITIAL_PROOF_STATE,
      status: 'done',
      items: [sug({ id: 'a', start: 0, end: 1, original: 'x' }), sug({ id: 'b', paragraphId: 'p1', start: 0, end: 1, original: 'x' })],
      checkedCount: 2,
      foundCount: 2,
      scope: 'document',
    };
    const paras = [{ index: 1, text: 'x' }];
    expect(startedState(before, paras, 'selection', null, true)).toEqual({
      status: 'running',
      phase: 'rules',
      items: [],
      scope: 'selection',
      checkedCount: 1,
      modelOff: false,
      foundCount: 0,
    });
    const re = startedState(before, paras, undefined, new Set(['p1']), false);
    expect(re.items.map((i) => i.id)).toEqual(['a']);
    expect(re).toMatchObject({ scope: 'document', checkedCount: 2, foundCount: 2, modelOff: true });
  });

  it('builds the request from the paragraphs and settings (categories only when chosen)', () => {
    const settings = {
      docType: 'official',
      categories: [],
      register: 'formal',
      useModel: true,
      recommendations: false,
    } as unknown as Parameters<typeof proofreadRequest>[1];
    expect(proofreadRequest([{ index: 3, text: '가' }], settings)).toEqual({
      paragraphs: [{ id: 'p3', text: '가' }],
      options: { pack: 'official', register: 'formal', model: true, recommendations: false },
    });
  });

  it('merges suggestions in paragraph order and counts them; moves to the model phase', () => {
    const a = sug({ id: 'a', paragraphId: 'p2', start: 0, end: 1, original: 'x' });
    const b = sug({ id: 'b', paragraphId: 'p1', start: 0, end: 1, original: 'x' });
    const s = withEvent(withEvent(running, sugs([a]), [a], order), sugs([b]), [b], order);
    expect(s.items.map((i) => i.id)).toEqual(['b', 'a']);
    expect(s).toMatchObject({ phase: 'model', foundCount: 2 });
    expect(suggestionsOf(sugs([a]))).toEqual([a]);
    expect(suggestionsOf(done)).toEqual([]);
  });

  it('counts unchecked paragraphs and records progress', () => {
    const s = withEvent(
      withEvent(running, { event: 'unchecked', data: { layer: 'model', paragraphIds: ['p1', 'p2'], reason: 'missing' } }, [], order),
      { event: 'progress', data: { phase: 'model', done: 1, total: 3 } },
      [],
      order,
    );
    expect(s).toMatchObject({ unchecked: 2, progress: { done: 1, total: 3 } });
  });

  it('a model-layer error keeps the check running; another error ends it (done when there are cards)', () => {
    expect(withEvent(running, err('UPSTREAM_TIMEOUT', 'model'), [], order)).toMatchObject({
      status: 'running',
      modelErrorCode: 'UPSTREAM_TIMEOUT',
    });
    expect(withEvent(running, err('X'), [], order)).toMatchObject({ status: 'error', errorCode: 'X' });
    const withCards = { ...running, items: [sug({ id: 'a', start: 0, end: 1, original: 'x' })] };
    expect(withEvent(withCards, err('INTERNAL'), [], order)).toMatchObject({
      status: 'done',
      errorCode: 'INTERNAL',
      modelErrorCode: 'INTERNAL',
    });
    expect(endsCheck(err('X', 'model'))).toBe(false);
    expect(endsCheck(err('X'))).toBe(true);
    expect(endsCheck(done)).toBe(true);
    expect(endsCheck(sugs([]))).toBe(false);
  });

  it('done finishes a running check only', () => {
    expect(withEvent(running, done, [], order)).toMatchObject({ status: 'done', phase: 'model' });
    const stopped = { ...INITIAL_PROOF_STATE, status: 'error' as const };
    expect(withEvent(stopped, done, [], order)).toBe(stopped);
  });
});
